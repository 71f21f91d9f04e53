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

TEST_CASE("utf8 decoding: three-byte characters fast, the edges of the ranges exact") {
  // The fast path takes E1..EC and EE..EF leads; E0 (overlong forms) and
  // ED (surrogates) go the careful way.
  CHECK_FALSE(utf8::valid("\xE0\x80\x80"));  // overlong NUL
  CHECK(utf8::valid("\xE0\xA0\x80"));        // U+0800
  CHECK_FALSE(utf8::valid("\xED\xA0\x80"));  // a surrogate
  CHECK(utf8::valid("\xED\x9F\xBF"));        // U+D7FF
  CHECK(utf8::valid("\xEF\xBF\xBD"));        // U+FFFD
  CHECK(utf8::first_invalid("中文\xE4\xB8") == 6);  // cut short
  CHECK(utf8::first_invalid("中\xE4\x41\x80") == 3);  // a continuation missing
  std::size_t pos = 0;
  CHECK(utf8::next("中", pos) == 0x4E2D);
  CHECK(pos == 3);
  pos = 0;
  CHECK(utf8::next("\xEF\xBC\xA1", pos) == 0xFF21);  // full-width A
  pos = 0;
  CHECK(utf8::next("\xED\xA0\x80", pos) == 0xFFFD);
  CHECK(pos == 1);
  pos = 0;
  CHECK(utf8::next("\xE4\xB8", pos) == 0xFFFD);
  CHECK(pos == 1);
  CHECK(utf8::sequence_at("a中😀", 0) == 1);
  CHECK(utf8::sequence_at("a中😀", 1) == 3);
  CHECK(utf8::sequence_at("a中😀", 4) == 4);
  CHECK(utf8::sequence_at("\xE0\x80\x80", 0) == 0);
  std::size_t chars = 0;
  CHECK(utf8::prefix("金色嘉苑", 3, &chars) == "金色嘉");
  CHECK(chars == 3);
  CHECK(utf8::prefix("金色", 5, &chars) == "金色");
  CHECK(chars == 2);
}

TEST_CASE("split_lines handles CRLF and a missing final newline") {
  auto lines = split_lines("a\r\nb\nc");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "a");
  CHECK(lines[2] == "c");
}

TEST_CASE("strip_tags drops tags and collapses whitespace, as summaries and the search index need") {
  CHECK(strip_tags("<p>金色嘉苑</p>\n<p>第二段</p>\n") == "金色嘉苑 第二段");
  CHECK(strip_tags("<p>金色</p><p>嘉苑</p>") == "金色嘉苑");  // tags alone join
  CHECK(strip_tags("  <h2>标题</h2>\n\n<p>a  <em>b</em>\t\r\nc </p>  ") == "标题 a b c");
  CHECK(strip_tags("a<b> </b>c") == "a c");       // a space inside tags still separates
  CHECK(strip_tags("1 > 0 <br>x") == "1 > 0 x");   // '>' outside a tag is text
  CHECK(strip_tags("<a href=\"x\">链接</a>") == "链接");
  CHECK(strip_tags("text <unclosed tag") == "text");  // runs to the end, leaves no space
  CHECK(strip_tags("").empty());
  CHECK(strip_tags(" \n<p></p>\t").empty());
}
