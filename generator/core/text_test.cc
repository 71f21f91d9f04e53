#include "core/text.h"

#include <doctest/doctest.h>

#include "core/utf8.h"

using namespace hongfan;

TEST_CASE("html_escape covers text and both attribute quotes") {
  CHECK(html_escape("<a href=\"x\" onclick='y'>&</a>") ==
        "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

TEST_CASE("xml_escape drops control characters XML forbids") {
  CHECK(xml_escape(std::string("a\x01" "b<", 4)) == "ab&lt;");
}

TEST_CASE("utf8 helpers count characters, not bytes") {
  CHECK(utf8::length("金色嘉苑") == 4);
  CHECK(utf8::prefix("金色嘉苑", 2) == "金色");
  CHECK(utf8::valid("金色"));
  CHECK_FALSE(utf8::valid("\xE9\x87"));
  CHECK_FALSE(utf8::valid("\xC0\xAF"));  // overlong '/'
  CHECK(utf8::column_of("金色: x", 8) == 5);
}

TEST_CASE("split_lines handles CRLF and a missing final newline") {
  auto lines = split_lines("a\r\nb\nc");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "a");
  CHECK(lines[2] == "c");
}
