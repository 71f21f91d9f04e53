#include "core/slug.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("page slugs follow DESIGN") {
  // Explicit slug wins.
  CHECK(page_slug("my-slug", "2024-06-01-other", "2024-06-01", "标题") == "my-slug");
  // ASCII file stem without its date prefix, lower-cased.
  CHECK(page_slug("", "2024-06-01-Spring-Clean", "2024-06-01", "春季大扫除") == "spring-clean");
  CHECK(page_slug("", "about", "", "社区简介") == "about");
  // Chinese file name: date and a short hash of the title, never Chinese.
  std::string s = page_slug("", "2024-06-01-邻里节", "2024-06-01", "邻里节");
  CHECK(s.substr(0, 9) == "20240601-");
  CHECK(s.size() == 15);
  CHECK(is_ascii_slug(s));
  CHECK(page_slug("", "邻里节", "2024-06-01", "邻里节") == s);  // stable
  CHECK(page_slug("", "邻里节", "", "邻里节").size() == 6);
}

TEST_CASE("date prefixes are stripped only when they are dates") {
  CHECK(strip_date_prefix("2024-06-01-x") == "x");
  CHECK(strip_date_prefix("2024-6-01-x") == "2024-6-01-x");
  CHECK(strip_date_prefix("00001-garbage") == "00001-garbage");
}

TEST_CASE("term slugs keep Chinese and drop path characters") {
  CHECK(term_slug("志愿服务") == "志愿服务");
  CHECK(term_slug("Red Property") == "red-property");
  CHECK(term_slug("../etc/passwd") == "etc-passwd");
  CHECK(term_slug("a/b?c#d") == "a-b-c-d");
  CHECK(term_slug("  ") == "");
}

TEST_CASE("unsafe path segments are named") {
  CHECK(unsafe_segment_reason("ok-slug") == "");
  CHECK(unsafe_segment_reason("..") != "");
  CHECK(unsafe_segment_reason("a/b") != "");
  CHECK(unsafe_segment_reason(".hidden") != "");
  CHECK(unsafe_segment_reason("") != "");
  CHECK(unsafe_segment_reason("/etc") == "it contains a path separator");
  CHECK(unsafe_segment_reason("..\\x") != "");
  CHECK(unsafe_segment_reason(std::string_view("a\0b", 3)) == "it contains a control character");
  CHECK(unsafe_segment_reason("javascript:alert(1)") != "");
  CHECK(unsafe_segment_reason("\"><img") != "");
  CHECK(unsafe_segment_reason("a\xE2\x80\xAE" "b") == "it contains an invisible bidi control character");
  CHECK(unsafe_segment_reason(std::string(201, 'a')) == "it is longer than 200 bytes");
  CHECK(unsafe_segment_reason("志愿服务-2024") == "");  // Chinese stays allowed
}

TEST_CASE("ascii_slugify makes words from titles") {
  CHECK(ascii_slugify("Spring Clean 2024!") == "spring-clean-2024");
  CHECK(ascii_slugify("社区开展活动") == "");
}
