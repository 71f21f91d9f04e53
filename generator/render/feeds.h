// Machine-readable outputs: Atom feed, sitemap, robots.txt.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/page.h"

namespace hongfan {

inline constexpr std::size_t kFeedEntries = 20;

/// Atom 1.0 of the newest `kFeedEntries` pages, absolute URLs throughout.
/// `updated` of the feed is the newest entry's date, so it moves only when
/// the input does (a rebuild with nothing changed gives the same bytes);
/// `now` only for a feed with no entries at all.
std::string render_atom_feed(const Config& config, const std::vector<const Page*>& newest_first,
                             std::int64_t now);

struct SitemapEntry {
  std::string url;  ///< site-relative
  std::int64_t lastmod = 0;  ///< 0 = unknown
};

/// sitemaps.org 0.9 urlset; entries are written in the order given.
std::string render_sitemap(const Config& config, const std::vector<SitemapEntry>& entries);

std::string render_robots(const Config& config);

}  // namespace hongfan
