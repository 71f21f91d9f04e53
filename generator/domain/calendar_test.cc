#include "domain/calendar.h"

#include <doctest/doctest.h>

#include "core/date.h"

using namespace hongfan;

TEST_CASE("a month grid starts on Monday and pads with zeros") {
  auto g = month_grid({2024, 6});  // 2024-06-01 was a Saturday
  REQUIRE(g.size() == 5);
  CHECK(g[0] == std::vector<int>{0, 0, 0, 0, 0, 1, 2});
  CHECK(g[4] == std::vector<int>{24, 25, 26, 27, 28, 29, 30});
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(month_grid({2021, 2}).size() == 4);  // Feb 2021 starts on a Monday, 28 days
}

TEST_CASE("time ranges read the Chinese way") {
  auto s = parse_datetime("2024-06-15T09:00")->epoch;
  auto e = parse_datetime("2024-06-15T11:30")->epoch;
  CHECK(format_time_range(s, e) == "2024年6月15日 星期六 9:00—11:30");
  auto e2 = parse_datetime("2024-06-16T08:00")->epoch;
  CHECK(format_time_range(s, e2) == "2024年6月15日 星期六 9:00—2024年6月16日 星期日 8:00");
  CHECK(event_status(s, e, s - 1) == EventStatus::upcoming);
  CHECK(event_status(s, e, s) == EventStatus::ongoing);
  CHECK(event_status(s, e, e) == EventStatus::past);
}
