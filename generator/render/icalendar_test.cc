#include "render/icalendar.h"

#include <doctest/doctest.h>

#include "core/date.h"
#include "core/text.h"
#include "core/utf8.h"

using namespace hongfan;

TEST_CASE("iCalendar text is escaped and folded at character boundaries") {
  CHECK(ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
  std::string long_line = "DESCRIPTION:";
  for (int i = 0; i < 60; ++i) long_line += "党";
  std::string folded = ics_fold(long_line);
  CHECK(ends_with(folded, "\r\n"));
  for (auto l : split_lines(folded)) {
    std::string_view s = l;
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    CHECK(s.size() <= 75);
    CHECK(utf8::valid(s));
  }
  CHECK(ics_utc(parse_datetime("2024-06-15T09:00")->epoch) == "20240615T010000Z");
}
