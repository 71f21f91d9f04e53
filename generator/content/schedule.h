// Scheduled publishing and expiry (docs/content/reference/format.md `publish_date`, `expires`):
// what "now" (the build's --now) hides or marks, and when that changes next.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "content/page.h"

namespace hongfan {

/// Removes pages whose `publish_date` is after `now` (they exist nowhere:
/// no list, feed, sitemap, search, calendar or page of their own) and marks
/// pages whose `expires` is at or before `now` as expired (not pinned any
/// more). Returns the earliest `publish_date` or `expires` after `now`: the
/// next instant at which this changes.
std::optional<std::int64_t> apply_schedule(std::vector<Page>& pages, std::int64_t now);

/// The next midnight after `now` in Shanghai time (day-based views: "today"
/// in the calendar, "统计截至" under the rankings).
std::int64_t next_shanghai_midnight(std::int64_t now);

/// The earlier of two optional instants.
std::optional<std::int64_t> earliest(std::optional<std::int64_t> a, std::optional<std::int64_t> b);

}  // namespace hongfan
