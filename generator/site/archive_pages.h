// Archives of news-type sections by year and month (docs/content/reference/urls.md:
// /news/2024/, /news/2024/06/), linked from the section's own page.
#pragma once

#include <cstddef>
#include <functional>
#include <map>

#include "content/collection.h"
#include "site/plan.h"

namespace hongfan {

/// Plans /SECTION/YYYY/ and /SECTION/YYYY/MM/ (with /page/N/ when longer
/// than `pagination`) for every news-type section (content/news_type.h).
void plan_archive_pages(OutputPlan& plan);

/// How many dated pages a section has per year and month: counted once when
/// the section's list pages are planned, not again for each of them (a
/// section of 10,000 pages has 1,000 list pages).
struct ArchiveCounts {
  std::map<int, std::map<int, std::size_t>, std::greater<>> years;  ///< year → month → pages
};
ArchiveCounts archive_counts(const Section& section);

/// The archive links a section page shows: years, newest first, each with
/// its months [{title, url, count, months [{title, url, count}]}]; false for
/// a section without archives.
Data archive_links(const ArchiveCounts& counts, const Section& section, const std::string& root);

}  // namespace hongfan
