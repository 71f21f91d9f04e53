// Rules: columns an inspector opens. A news-type column (content/news_type.h)
// with nothing new in `freshness_days` (default 14) is flagged as 不更新; a
// column with no page at all is an empty column (空白栏目), worse when the
// menu sends residents there.
#include "check/inspector.h"
#include "content/news_type.h"
#include "core/date.h"
#include "core/i18n.h"

namespace hongfan {

namespace {

SourceLoc section_loc(const Section& s, const Page* newest) {
  if (newest) return {newest->source, 1, 1};
  if (s.index) return {s.index->source, 1, 1};
  return {"content/" + s.name + "/"};
}

}  // namespace

void check_freshness(const CheckContext& ctx, Diagnostics& diags) {
  const PreparedSite& site = *ctx.prepared;
  const Config& c = *site.config;
  const std::int64_t now = site.view.now;
  for (const auto& s : site.content.sections) {
    if (s.pages.empty()) {
      diags.warning(section_loc(s, nullptr), tr("the column {} ({}) has no pages: inspectors flag empty columns", s.title, s.url),
                    _("publish at least one page in it, or remove the folder and its menu entry"));
      continue;
    }
    if (!is_news_type(s)) continue;
    const Page* newest = nullptr;
    for (const Page* p : s.pages)
      if (p->date && (!newest || *p->date > *newest->date)) newest = p;
    if (!newest) continue;
    const std::int64_t age_days = (now - *newest->date) / 86400;
    if (age_days <= c.freshness_days) continue;
    diags.warning(section_loc(s, newest),
                  tr("the column {} has had nothing new for {} days (newest: {})", s.title, age_days,
                     format_chinese_day(*newest->date)),
                  tr("inspectors flag news columns not updated in {} days: publish something new, or set `freshness_days:` in site.yaml",
                     c.freshness_days));
  }

  // Menu entries that lead to an empty column.
  auto text = ctx.site->read(kConfigFile);
  for (const auto& item : c.menu) {
    std::string target = item.url;
    while (!target.empty() && target.front() == '/') target.erase(target.begin());
    if (target.empty() || target.find('/') + 1 != target.size()) continue;  // only "/section/"
    const Section* s = site.content.section(target.substr(0, target.size() - 1));
    if (!s || !s->pages.empty()) continue;
    int line = 0;
    if (text) {
      std::string needle = "url: " + item.url;
      if (auto at = text->find(needle); at != std::string::npos) line = text_position(*text, at).line;
    }
    diags.warning({kConfigFile, line, line ? 1 : 0},
                  tr("the menu entry {} leads to the empty column {}", item.name, item.url),
                  _("publish a page there first, or take the entry out of `menu:` for now"));
  }
}

}  // namespace hongfan
