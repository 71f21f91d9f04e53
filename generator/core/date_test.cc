#include "core/date.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("weekdays are computed without a locale") {
  // 2020-07-01 was a Wednesday (the format reference's example).
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

TEST_CASE("dates as staff write them") {
  const auto june1 = parse_datetime("2024-06-01")->epoch;
  for (const char* form : {"2024-6-1", "2024/6/1", "2024/06/01", "2024.6.1", "2024.06.01", "2024年6月1日",
                           "2024年06月01日", "2024 年 6 月 1 日", "2024年6月1号", "２０２４年６月１日",
                           " 2024-06-01 ", "2024／6／1"}) {
    CAPTURE(form);
    auto dt = parse_datetime(form);
    REQUIRE(dt);
    CHECK(dt->epoch == june1);
    CHECK_FALSE(dt->has_time);
  }
  const auto at930 = parse_datetime("2024-06-01T09:30:00+08:00")->epoch;
  for (const char* form : {"2024-6-1 9:30", "2024/6/1 09:30", "2024.6.1 9:30", "2024年6月1日 9:30",
                           "2024年6月1日9:30", "2024年6月1日 09：30", "2024-06-01T09:30", "2024/6/1T9:30",
                           "2024-06-01  09:30:00"}) {
    CAPTURE(form);
    auto dt = parse_datetime(form);
    REQUIRE(dt);
    CHECK(dt->epoch == at930);
    CHECK(dt->has_time);
  }
  CHECK(parse_datetime("2024/6/1 9:30Z")->epoch == parse_datetime("2024-06-01T09:30:00Z")->epoch);
}

TEST_CASE("a wrong part of a date is named") {
  std::string why;
  CHECK_FALSE(parse_datetime("2024年13月1日", &why));
  CHECK(why == "the month is 13, but a month goes from 1 to 12");
  CHECK_FALSE(parse_datetime("2024/0/1", &why));
  CHECK(why == "the month is 0, but a month goes from 1 to 12");
  CHECK_FALSE(parse_datetime("2023年2月29日", &why));
  CHECK(why == "2023年2月 has no day 29: that month has 28 days");
  CHECK_FALSE(parse_datetime("2024.4.31", &why));
  CHECK(why == "2024年4月 has no day 31: that month has 30 days");
  CHECK_FALSE(parse_datetime("2024-06-01 25:00", &why));
  CHECK(why == "the hour is 25, but hours go from 0 to 23");
  CHECK_FALSE(parse_datetime("2024年6月1日 9:75", &why));
  CHECK(why == "the minutes are 75, but minutes go from 0 to 59");
  CHECK_FALSE(parse_datetime("2024年6月", &why));
  CHECK(why == "the day is missing after the month");
  CHECK_FALSE(parse_datetime("2024年6-1", &why));
  CHECK(why == "write 月 after the month, like 2024年6月1日");
  CHECK_FALSE(parse_datetime("2024年6月1", &why));
  CHECK(why == "write 日 after the day, like 2024年6月1日");
  CHECK_FALSE(parse_datetime("2024-6/1", &why));
  CHECK(why == "write the same separator '-' between month and day");
  CHECK_FALSE(parse_datetime("24-6-1", &why));
  CHECK(why == "expected a date like 2024-06-01 or 2024年6月1日");
  CHECK_FALSE(parse_datetime("2024-06-01 上午", &why));
  CHECK(why == "unexpected '上午' after the date");
  CHECK_FALSE(parse_datetime("2024-06-01 9:30 前", &why));
  CHECK(why == "unexpected '前' after the time");
  CHECK_FALSE(parse_datetime("2024-06-01T", &why));
  CHECK(why == "expected a time like 09:30 after the date");
  CHECK_FALSE(parse_datetime("2024-06-0112:00", &why));
  CHECK_FALSE(parse_datetime("", &why));
}

TEST_CASE("bad dates say why") {
  std::string why;
  CHECK_FALSE(parse_datetime("2024-13-01", &why));
  CHECK(why == "the month is 13, but a month goes from 1 to 12");
  CHECK_FALSE(parse_datetime("2023-02-29", &why));
  CHECK(why == "2023年2月 has no day 29: that month has 28 days");
  CHECK_FALSE(parse_datetime("昨天", &why));
  CHECK_FALSE(parse_datetime("2024-06-01T25:00", &why));
  CHECK_FALSE(parse_datetime("2024-06-01x", &why));
}
