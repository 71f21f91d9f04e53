// Archives of news-type sections by year and month (docs/content/reference/urls.md:
// /news/2024/, /news/2024/06/), linked from the section's own page.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "content/collection.h"
#include "site/plan.h"

namespace hongfan {

/// Plans /SECTION/YYYY/ and /SECTION/YYYY/MM/ (with /page/N/ when longer
/// than `pagination`) for every news-type section (content/news_type.h).
void plan_archive_pages(OutputPlan& plan);

/// The archive links a news-type section's list pages show: years, newest
/// first, each with its months [{title, url, count, months [{title, url,
/// count}]}]; false for a section without archives. Counted once when the
/// section's list pages are planned, and made once for each depth of page
/// (`root`), not again for each of them: a section of 10,000 pages has 1,000
/// list pages, and as many by year and month.
class ArchiveLinks {
 public:
  explicit ArchiveLinks(const Section& section);
  /// For a page whose way back to the site's root is `root`. Thread-safe:
  /// list pages render in parallel. The links live as long as this.
  const Data& for_root(const std::string& root) const;

 private:
  const Section& section_;
  std::map<int, std::map<int, std::size_t>, std::greater<>> years_;  ///< year → month → pages
  mutable std::mutex mutex_;
  mutable std::map<std::string, Data> made_;  ///< by root
};

}  // namespace hongfan
