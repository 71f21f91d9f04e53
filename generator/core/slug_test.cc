#include "core/slug.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("page slugs follow the format reference (docs/content/reference/)") {
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

TEST_CASE("a page's title makes its address only when the file name cannot") {
  CHECK(slug_needs_title("2024-06-01-义诊"));
  CHECK(slug_needs_title("微信图片_20261201 (2)"));
  CHECK(slug_needs_title(std::string(201, 'a')));
  CHECK_FALSE(slug_needs_title("2024-06-01-spring-clean"));
  CHECK_FALSE(slug_needs_title("about"));
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

TEST_CASE("a Chinese file stem is never cut down to its digits") {
  // `hongfan new news 2026年春节慰问困难党员活动` once made /news/2026/ (the
  // year archive's address) and `第3期…` made /news/3/.
  std::string a = page_slug("", "2026-12-02-2026年春节慰问困难党员活动", "2026-12-02", "2026年春节慰问困难党员活动");
  std::string b = page_slug("", "2026-12-02-2026年元旦游园活动", "2026-12-02", "2026年元旦游园活动");
  CHECK(a.substr(0, 9) == "20261202-");
  CHECK(b.substr(0, 9) == "20261202-");
  CHECK(a != b);
  CHECK(page_slug("", "第3期楼长夜话", "2026-12-02", "第3期楼长夜话").size() == 15);
  CHECK(is_ascii_text("Water Outage"));
  CHECK_FALSE(is_ascii_text("2026年"));
}

TEST_CASE("file titles are safe on Windows and keep Chinese") {
  CHECK(file_title("社区开展消防演练") == "社区开展消防演练");
  CHECK(file_title(" 关于“停水”的通知：3/5栋*注意? ") == "关于“停水”的通知：35栋注意");
  CHECK(file_title("a\\b/c:d*e?f\"g<h>i|j") == "abcdefghij");
  CHECK(file_title("楼长　夜话  第3期") == "楼长 夜话 第3期");  // full-width space too
  CHECK(file_title("...隐藏. ") == "隐藏");                    // Windows drops trailing dots
  CHECK(file_title("标题\t\n换行") == "标题换行");
  CHECK(file_title("?*:") == "");
  CHECK(file_title("一二三四五六", 4) == "一二三四");
  CHECK(file_title("ab\xE2\x80\xAE" "cd") == "abcd");  // a bidi override is dropped
}
