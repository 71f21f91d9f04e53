// Resolving the URLs staff write (in Markdown, front matter, site.yaml) to
// the files a build would publish, for `hongfan check`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hongfan {

struct LinkTarget {
  bool external = false;  ///< has a scheme (https:, mailto: …) or starts with //
  bool escapes = false;   ///< climbs above the site root with ../
  std::string path;       ///< site-relative, percent-decoded, no query/fragment: "news/x/"
  std::string fragment;   ///< after '#', decoded; "" when none
  bool same_page = false; ///< only a fragment ("#top")
};

/// Resolves `href` written on the page at site-relative `page_url` ("news/x/";
/// "" for the home page). Site-absolute paths start at the root.
LinkTarget resolve_site_link(std::string_view page_url, std::string_view href);

}  // namespace hongfan
