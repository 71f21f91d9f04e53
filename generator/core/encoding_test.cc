#include "core/encoding.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("GBK, UTF-8 and UTF-8 with BOM all decode to the same text") {
  std::string utf8 = "date,person\n2024-06-01,李瑞勤\n";
  auto plain = decode_text(utf8);
  REQUIRE(plain);
  CHECK(plain->text == utf8);
  CHECK(plain->encoding == TextEncoding::utf8);
  auto bom = decode_text("\xEF\xBB\xBF" + utf8);
  REQUIRE(bom);
  CHECK(bom->text == utf8);
  CHECK(bom->encoding == TextEncoding::utf8_bom);
  // 李瑞勤 in GBK: C0EE C8F0 C7DA
  auto gbk = decode_text("date,person\n2024-06-01,\xC0\xEE\xC8\xF0\xC7\xDA\n");
  REQUIRE(gbk);
  CHECK(gbk->text == utf8);
  CHECK(gbk->encoding == TextEncoding::gb18030);
  CHECK(gbk->first_non_utf8 == 23);
}

TEST_CASE("bytes that are neither UTF-8 nor GBK are refused at the first bad byte") {
  std::size_t bad = 0;
  CHECK_FALSE(decode_text("ok\nok\n\xFF\xFF\n", &bad));
  CHECK(bad == 6);
  CHECK(line_of_offset("ok\nok\n\xFF\xFF\n", bad) == 3);
}

TEST_CASE("every reader gets the same text and one warning for a GBK file") {
  MemoryFileSystem fs;
  fs.add("utf8.yaml", "name: 第一网格\n");
  fs.add("bom.yaml", "\xEF\xBB\xBFname: 第一网格\n");
  fs.add("gbk.yaml", "# x\nname: \xB5\xDA\xD2\xBB\xCD\xF8\xB8\xF1\n");  // 第一网格 in GBK
  fs.add("latin.yaml", "a\n\xFF\n");
  Diagnostics d;
  CHECK(*read_text_file(fs, "utf8.yaml", d) == "name: 第一网格\n");
  CHECK(*read_text_file(fs, "bom.yaml", d) == "name: 第一网格\n");
  CHECK(d.formatted().empty());  // a BOM is accepted silently
  CHECK(*read_text_file(fs, "gbk.yaml", d) == "# x\nname: 第一网格\n");
  auto m = d.formatted();
  REQUIRE(m.size() == 1);
  CHECK(m[0].rfind("gbk.yaml:2:1: warning: this file is saved as GBK (ANSI), not UTF-8", 0) == 0);
  Diagnostics quiet;
  CHECK(read_text_file(fs, "gbk.yaml", quiet, GbkPolicy::silent));
  CHECK(quiet.formatted().empty());
  CHECK_FALSE(read_text_file(fs, "latin.yaml", quiet));
  REQUIRE(quiet.error_count() == 1);
  CHECK(quiet.formatted()[0].rfind("latin.yaml:2:1: this file is neither UTF-8 nor GBK", 0) == 0);
  CHECK_FALSE(read_text_file(fs, "missing.yaml", quiet));
}
