// Relative links: every page links to others relative to itself, so the
// output works under any sub-path of any static server (docs/content/reference/urls.md).
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

/// For a copy opened from disk (`build --offline`: a USB stick, a shared
/// folder on the intranet): every relative link in `html` (href and form
/// action, in double or single quotes) that names a folder, like "news/",
/// "../" or "./", gets "index.html" added before its ?query or #anchor.
/// A browser shows a folder listing for file:///…/news/, not the page that a
/// web server would send. Absolute URLs, "#anchors" and links to files stay.
std::string link_index_files(std::string_view html);

}  // namespace hongfan
