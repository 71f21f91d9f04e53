// When will the output change by time alone? A portal with scheduled
// notices, expiring ones, activities that start and end, and "today" in its
// calendars is only right until then; a cron job can rebuild exactly then.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hongfan {

struct PreparedSite;

/// The next instant after `now` at which a build would give other pages:
/// a `publish_date` or `expires` reached, an activity starting or ending
/// (upcoming → 进行中 → 已结束), and the next midnight when the site has
/// day-based views (activity calendars mark today, rankings say 统计截至).
/// Timestamps that only record when the build ran (the feed's <updated>,
/// iCalendar DTSTAMP) are not counted. nullopt: nothing will change.
std::optional<std::int64_t> next_time_change(const PreparedSite& site, std::int64_t now);

/// `.hongfan-cache/next-build` beside the output folder.
std::string next_change_path(const std::string& output_dir);

/// Writes the file: one line, "EPOCH ISO-8601", or "none" when nothing will
/// change. Best effort (a read-only cache folder is not an error).
void write_next_change(const std::string& output_dir, std::optional<std::int64_t> next);

/// `2024-07-01 00:00` (Shanghai time) or the translated "nothing scheduled".
std::string describe_next_change(std::optional<std::int64_t> next);

}  // namespace hongfan
