#include "check/links.h"

#include <vector>

#include "core/text.h"

namespace hongfan {

namespace {
bool has_scheme(std::string_view href) {
  for (std::size_t i = 0; i < href.size(); ++i) {
    char c = href[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == ':') return i > 0;
    if (!(alpha || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) return false;
  }
  return false;
}
}  // namespace

LinkTarget resolve_site_link(std::string_view page_url, std::string_view href) {
  LinkTarget t;
  if (has_scheme(href) || href.substr(0, 2) == "//") {
    t.external = true;
    return t;
  }
  auto hash = href.find('#');
  if (hash != std::string_view::npos) {
    t.fragment = percent_decode(href.substr(hash + 1));
    href = href.substr(0, hash);
  }
  auto query = href.find('?');
  if (query != std::string_view::npos) href = href.substr(0, query);
  if (href.empty()) {
    t.same_page = true;
    t.path = std::string(page_url);
    return t;
  }
  std::string joined;
  if (href.front() == '/') {
    joined = std::string(href.substr(1));
  } else {
    // A page at "news/x/" is the folder news/x/, so "../y/" is news/y/.
    std::string base(page_url);
    joined = base + std::string(href);
  }
  joined = percent_decode(joined);
  bool dir = joined.empty() || joined.back() == '/';
  std::vector<std::string> segs;
  std::size_t start = 0;
  while (start <= joined.size()) {
    auto slash = joined.find('/', start);
    std::string seg = joined.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (seg == "..") {
      if (segs.empty()) t.escapes = true;
      else segs.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segs.push_back(seg);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  for (std::size_t i = 0; i < segs.size(); ++i) {
    t.path += segs[i];
    if (i + 1 < segs.size() || dir) t.path += '/';
  }
  return t;
}

}  // namespace hongfan
