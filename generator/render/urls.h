// Relative links: every page links to others relative to itself, so the
// output works under any sub-path of any static server (DESIGN §3).
#pragma once

#include <string>
#include <string_view>

namespace hongfan {

/// The prefix that leads from a page at site-relative `url` back to the
/// site root: "" → "./", "news/" → "../", "news/x/" → "../../".
std::string root_prefix(std::string_view page_url);

/// True for URLs that must never be emitted into href/src: javascript:,
/// vbscript:, data: (any case, ignoring leading blanks and control chars).
bool is_dangerous_url(std::string_view url);

/// The href to emit for `url` written by staff (menu, front matter, data):
/// site-absolute paths (`/news/`) become relative via `root`; http(s),
/// mailto:, tel: and relative URLs stay; dangerous schemes become "#".
std::string resolve_link(std::string_view root, std::string_view url);

}  // namespace hongfan
