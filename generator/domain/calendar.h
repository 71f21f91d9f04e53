// Calendar arithmetic for the activity pages: months, their grids, and
// where an instant falls relative to "today". Pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hongfan {

struct YearMonth {
  int year = 1970, month = 1;
  auto operator<=>(const YearMonth&) const = default;
  YearMonth next() const { return month == 12 ? YearMonth{year + 1, 1} : YearMonth{year, month + 1}; }
  YearMonth prev() const { return month == 1 ? YearMonth{year - 1, 12} : YearMonth{year, month - 1}; }
  /// "2024/06/" — the URL segment of the month's page.
  std::string path() const;
};

/// The month an instant falls in, Shanghai time.
YearMonth month_of(std::int64_t epoch);
int days_in_month(int year, int month);

/// The weeks of a month, Monday first: each week has 7 day numbers, 0 for
/// the days of the neighbouring months.
std::vector<std::vector<int>> month_grid(YearMonth ym);

enum class EventStatus { upcoming, ongoing, past };
/// 即将开始 before `start`, 进行中 until `end`, 已结束 after.
EventStatus event_status(std::int64_t start, std::int64_t end, std::int64_t now);
const char* status_label(EventStatus s);

/// "2024年6月15日 星期六 9:00—11:30"; the end day is repeated when it differs.
std::string format_time_range(std::int64_t start, std::int64_t end);

}  // namespace hongfan
