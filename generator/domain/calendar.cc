#include "domain/calendar.h"

#include <fmt/format.h>

#include "core/date.h"

namespace hongfan {

std::string YearMonth::path() const { return fmt::format("{:04}/{:02}/", year, month); }

YearMonth month_of(std::int64_t epoch) {
  CivilTime c = civil_from_epoch(epoch);
  return {c.year, c.month};
}

int days_in_month(int year, int month) {
  YearMonth ym{year, month};
  YearMonth n = ym.next();
  return static_cast<int>(days_from_civil(n.year, n.month, 1) - days_from_civil(year, month, 1));
}

std::vector<std::vector<int>> month_grid(YearMonth ym) {
  // 1970-01-01 was a Thursday; Monday = 0 here.
  std::int64_t first = days_from_civil(ym.year, ym.month, 1);
  int lead = static_cast<int>(((first + 3) % 7 + 7) % 7);
  int days = days_in_month(ym.year, ym.month);
  std::vector<std::vector<int>> weeks;
  std::vector<int> week(lead, 0);
  for (int d = 1; d <= days; ++d) {
    week.push_back(d);
    if (week.size() == 7) {
      weeks.push_back(week);
      week.clear();
    }
  }
  if (!week.empty()) {
    week.resize(7, 0);
    weeks.push_back(week);
  }
  return weeks;
}

EventStatus event_status(std::int64_t start, std::int64_t end, std::int64_t now) {
  if (now < start) return EventStatus::upcoming;
  if (now < end) return EventStatus::ongoing;
  return EventStatus::past;
}

const char* status_label(EventStatus s) {
  switch (s) {
    case EventStatus::upcoming: return "即将开始";
    case EventStatus::ongoing: return "进行中";
    default: return "已结束";
  }
}

std::string format_time_range(std::int64_t start, std::int64_t end) {
  auto hm = [](std::int64_t t) {
    CivilTime c = civil_from_epoch(t);
    return fmt::format("{}:{:02}", c.hour, c.minute);
  };
  std::string out = format_chinese_date(start) + " " + hm(start);
  if (end <= start) return out;
  if (format_iso_date(end) == format_iso_date(start)) return out + "—" + hm(end);
  return out + "—" + format_chinese_date(end) + " " + hm(end);
}

}  // namespace hongfan
