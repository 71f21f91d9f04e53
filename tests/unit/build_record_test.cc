// The files a build keeps beside its output for the next one read back as
// they were written, whatever characters the paths hold.
#include <doctest/doctest.h>

#include "site/build_record.h"
#include "test_util.h"

using namespace hongfan;
using hongfan::testing::TempDir;

namespace {

// Names with every character the line format has to escape.
const std::string kOdd = "content/news/a\tb\\c\nd 社区.md";
const std::string kOddOut = "news/a\tb\\c\nd/index.html";

}  // namespace

TEST_CASE("the build record reads back as it was saved") {
  TempDir dir;
  const std::string out = (dir.path / "public").string();
  BuildRecord r;
  r.key = "key\twith tab";
  r.now = 1767225600;
  r.valid_until = 1767283200;
  r.next_change = 1767250000;
  r.pages = 2;
  r.files = 3;
  r.inputs.reads[kOdd] = {true, 0x0123456789abcdefULL, "12:34.5:6", 0xfedcba9876543210ULL};
  r.inputs.reads["site.yaml"] = {false, 0, "", 0};
  r.inputs.files["static/x\\y"] = true;
  r.inputs.dirs["content/新闻\n"] = false;
  r.inputs.lists["content/news"] = 42;
  r.outputs = {{"index.html", "10:1.2:3"}, {kOddOut, "20:4.5:6"}};
  Diagnostic warning;
  warning.severity = Severity::warning;
  warning.loc.file = kOdd;
  warning.loc.line = 3;
  warning.loc.col = 7;
  warning.message = "说明\t有制表符";
  warning.hint = "改成\n这样";
  r.diagnostics.push_back(warning);
  r.page_store = 0xabcdefULL;
  save_build_record(out, r);

  auto back = load_build_record(out);
  REQUIRE(back);
  CHECK(back->key == r.key);
  CHECK(back->now == r.now);
  CHECK(back->valid_until == r.valid_until);
  CHECK(back->next_change == r.next_change);
  CHECK(back->pages == 2);
  CHECK(back->files == 3);
  REQUIRE(back->inputs.reads.count(kOdd) == 1);
  const auto& read = back->inputs.reads.at(kOdd);
  CHECK(read.found);
  CHECK(read.hash == 0x0123456789abcdefULL);
  CHECK(read.stamp == "12:34.5:6");
  CHECK(read.meaning == 0xfedcba9876543210ULL);
  CHECK_FALSE(back->inputs.reads.at("site.yaml").found);
  CHECK(back->inputs.files == r.inputs.files);
  CHECK(back->inputs.dirs == r.inputs.dirs);
  CHECK(back->inputs.lists == r.inputs.lists);
  CHECK(back->outputs == r.outputs);
  REQUIRE(back->diagnostics.size() == 1);
  CHECK(back->diagnostics[0].loc.file == kOdd);
  CHECK(back->diagnostics[0].loc.line == 3);
  CHECK(back->diagnostics[0].message == "说明\t有制表符");
  CHECK(back->diagnostics[0].hint == "改成\n这样");
  CHECK(back->page_store == 0xabcdefULL);
}

TEST_CASE("what each file showed reads back as it was saved") {
  TempDir dir;
  const std::string out = (dir.path / "public").string();
  PageReadsMap reads;
  const std::uint32_t odd = reads.id(kOdd), plain = reads.id("content/news/b.md");
  reads.placement_by_source[kOdd] = 0x1122334455667788ULL;
  reads.placement_by_source["content/news/b.md"] = 0;
  reads.sources_by_path[kOddOut] = {odd};
  reads.sources_by_path["news/index.html"] = {odd, plain};
  reads.sources_by_path["about/index.html"] = {};
  save_page_reads(out, reads);

  auto back = load_page_reads(out);
  REQUIRE(back);
  CHECK(back->sources == reads.sources);
  CHECK(back->placement_by_source == reads.placement_by_source);
  CHECK(back->sources_by_path == reads.sources_by_path);
}
