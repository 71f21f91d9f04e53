#include "core/date.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("weekdays are computed without a locale") {
  // 2020-07-01 was a Wednesday (DESIGN's example).
  auto dt = parse_datetime("2020-07-01");
  REQUIRE(dt);
  CHECK(format_chinese_date(dt->epoch) == "2020年7月1日 星期三");
  CHECK(format_chinese_date(parse_datetime("2024-06-15")->epoch) == "2024年6月15日 星期六");
  CHECK(format_chinese_date(parse_datetime("1969-12-31")->epoch) == "1969年12月31日 星期三");
  CHECK(format_chinese_date(parse_datetime("2000-02-29")->epoch) == "2000年2月29日 星期二");
}

TEST_CASE("a date without zone is Asia/Shanghai") {
  auto plain = parse_datetime("2024-06-01");
  auto zoned = parse_datetime("2024-06-01T00:00:00+08:00");
  REQUIRE(plain);
  REQUIRE(zoned);
  CHECK(plain->epoch == zoned->epoch);
  CHECK(format_rfc3339(plain->epoch) == "2024-06-01T00:00:00+08:00");
  // UTC late evening is the next day in Shanghai.
  auto utc = parse_datetime("2024-06-01T20:30:00Z");
  CHECK(format_chinese_day(utc->epoch) == "2024年6月2日");
  CHECK(format_rfc3339(utc->epoch, 0) == "2024-06-01T20:30:00Z");
}

TEST_CASE("accepted date-time spellings") {
  CHECK(parse_datetime("2024-06-01 09:30")->epoch == parse_datetime("2024-06-01T09:30:00+08:00")->epoch);
  CHECK(parse_datetime("2024-06-01T09:30:00.123+0800")->epoch ==
        parse_datetime("2024-06-01T01:30:00Z")->epoch);
  CHECK(parse_datetime("2024-06-01T09:30:00-05:00")->offset_minutes == -300);
}

TEST_CASE("bad dates say why") {
  std::string why;
  CHECK_FALSE(parse_datetime("2024-13-01", &why));
  CHECK(why == "month must be between 01 and 12");
  CHECK_FALSE(parse_datetime("2023-02-29", &why));
  CHECK(why == "2023-02 has no day 29");
  CHECK_FALSE(parse_datetime("昨天", &why));
  CHECK_FALSE(parse_datetime("2024-06-01T25:00", &why));
  CHECK_FALSE(parse_datetime("2024-06-01x", &why));
}
