#include "content/news_type.h"

namespace hongfan {

bool is_news_type(const Section& s) {
  if (s.name == "news" || s.name == "notices") return true;
  if (s.name == "pages" || s.name == "activities" || s.name == "brands" || s.name == "gongkai") return false;
  if (s.pages.empty()) return false;
  for (const Page* p : s.pages)
    if (!p->date) return false;
  return true;
}

}  // namespace hongfan
