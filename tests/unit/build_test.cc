// Whole builds of small sites held in memory, written to a temp folder.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/date.h"
#include "core/fs.h"
#include "site/build.h"
#include "site/load_content.h"
#include "test_util.h"

using namespace hongfan;
namespace fs = std::filesystem;
using namespace hongfan::testing;

namespace {

MemoryFileSystem small_site() {
  MemoryFileSystem s;
  s.add("site.yaml",
        "title: 测试社区\nbase_url: https://example.org/sub/\npagination: 2\n"
        "menu:\n  - {name: 首页, url: /}\n  - {name: 新闻, url: /news/}\n  - {name: 坏, url: \"javascript:alert(1)\"}\n");
  s.add("content/news/2024-06-01-a.md", "---\ntitle: A <script>\ndate: 2024-06-01\ntags: [志愿服务]\n---\n第一段。\n\n[通知](/notices/)\n");
  s.add("content/news/2024-06-02-b.md", "---\ntitle: B\ndate: 2024-06-02\ntags: [志愿服务]\n---\nB 正文\n");
  s.add("content/news/2024-06-03-c.md", "---\ntitle: C\ndate: 2024-06-03\npinned: true\n---\nC 正文\n");
  s.add("content/news/2024-06-04-d.md", "---\ntitle: D\ndate: 2024-06-04\ndraft: true\n---\nD\n");
  s.add("content/notices/2024-05-01-n.md", "---\ntitle: N\ndate: 2024-05-01\nsummary: 摘要\n---\n正文\n");
  return s;
}

}  // namespace

TEST_CASE("a small site builds into the documented URLs") {
  TempDir tmp;
  auto site = small_site();
  const fs::path out = build_ok(tmp, site, "2024-07-01");
  for (const char* f : {"index.html", "news/index.html", "news/page/2/index.html", "news/a/index.html",
                        "notices/n/index.html", "tags/index.html", "tags/志愿服务/index.html",
                        "feed.xml", "sitemap.xml", "robots.txt", "404.html"})
    CHECK_MESSAGE(fs::exists(out / f), f);
  CHECK_FALSE(fs::exists(out / "news/d"));  // draft

  std::string a = slurp(out / "news/a/index.html");
  CHECK(contains(a, "A &lt;script&gt;"));
  CHECK_FALSE(contains(a, "A <script>"));
  CHECK(contains(a, "href=\"../../notices/\""));
  CHECK(contains(a, "2024年6月1日 星期六"));
  CHECK(contains(a, "og:url\" content=\"https://example.org/sub/news/a/\""));
  CHECK_FALSE(contains(a, "javascript:"));

  // Pinned first, then newest first, two per page.
  std::string list = slurp(out / "news/index.html");
  CHECK(list.find(">C<") < list.find(">B<"));
  CHECK_FALSE(contains(list, ">A"));
  CHECK(contains(slurp(out / "news/page/2/index.html"), "A &lt;script&gt;"));

  std::string feed = slurp(out / "feed.xml");
  CHECK(contains(feed, "<updated>2024-06-03T00:00:00+08:00</updated>"));
  CHECK(contains(feed, "https://example.org/sub/news/a/"));
  CHECK(contains(slurp(out / "sitemap.xml"), "<loc>https://example.org/sub/tags/%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1/</loc>"));
}

TEST_CASE("drafts are published on request") {
  TempDir tmp;
  auto site = small_site();
  BuildOptions o;
  o.output_dir = (tmp.path / "public").string();
  o.drafts = true;
  Diagnostics d;
  REQUIRE(build_site(site, o, d));
  CHECK(fs::exists(tmp.path / "public/news/d/index.html"));
}

TEST_CASE("errors leave the previous output untouched and are all reported") {
  TempDir tmp;
  auto site = small_site();
  BuildOptions o;
  o.output_dir = (tmp.path / "public").string();
  Diagnostics ok;
  REQUIRE(build_site(site, o, ok));
  std::string before = slurp(tmp.path / "public/news/a/index.html");

  site.add("content/news/2024-06-01-a.md", "---\ntitle: changed\ndate: 2024-06-01\n---\n");
  site.add("content/news/bad1.md", "---\ntitle: x\ndate: someday\n---\n");
  site.add("content/news/bad2.md", "---\ndate: 2024-01-01\n---\n");
  Diagnostics d;
  CHECK_FALSE(build_site(site, o, d));
  CHECK(d.error_count() == 2);
  CHECK(slurp(tmp.path / "public/news/a/index.html") == before);
  // No staging folder is left behind.
  int entries = 0;
  for (const auto& e : fs::directory_iterator(tmp.path))
    entries += e.path().filename() != ".hongfan-cache";  // the cache (next-build) may stay
  CHECK(entries == 1);
}

TEST_CASE("two pages with the same slug are an error") {
  TempDir tmp;
  auto site = small_site();
  site.add("content/news/2024-06-09-a.md", "---\ntitle: again\ndate: 2024-06-09\n---\n");
  BuildOptions o;
  o.output_dir = (tmp.path / "public").string();
  Diagnostics d;
  CHECK_FALSE(build_site(site, o, d));
  CHECK(d.sorted()[0].message.find("already uses") != std::string::npos);
}

TEST_CASE("an output folder hongfan did not write is never replaced") {
  TempDir tmp;
  fs::create_directories(tmp.path / "public");
  std::ofstream(tmp.path / "public/precious.txt") << "mine";
  auto site = small_site();
  BuildOptions o;
  o.output_dir = (tmp.path / "public").string();
  Diagnostics d;
  CHECK_FALSE(build_site(site, o, d));
  CHECK(slurp(tmp.path / "public/precious.txt") == "mine");
}

// serve after an edit: the changed pages are read again in their old places
// (link_content then moves no page); one that became a draft goes, a new
// one comes last.
TEST_CASE("reload_changed keeps the pages in place and reads only the changed ones") {
  MemoryFileSystem site;
  site.add("site.yaml", "title: 测试社区\nbase_url: https://example.org/\n");
  site.add("content/news/a.md", "---\ntitle: 甲\ndate: 2024-06-01\n---\n一\n");
  site.add("content/news/b.md", "---\ntitle: 乙\ndate: 2024-06-02\n---\n二\n");
  site.add("content/news/c.md", "---\ntitle: 丙\ndate: 2024-06-03\n---\n三\n");
  Diagnostics d;
  auto config = load_config(site, d);
  REQUIRE(config);
  MarkdownStage markdown{&*config};
  auto pages = load_content(site, false, d, nullptr, nullptr, &markdown);
  REQUIRE(pages.size() == 3);
  site.add("content/news/a.md", "---\ntitle: 甲（改）\ndate: 2024-06-01\n---\n一\n");
  site.add("content/news/b.md", "---\ntitle: 乙\ndate: 2024-06-02\ndraft: true\n---\n二\n");
  site.add("content/news/d.md", "---\ntitle: 丁\ndate: 2024-06-04\n---\n四\n");
  // c.md is not among the changed: its page is kept as it was read.
  auto again = reload_changed(site, std::move(pages), {"content/news/a.md", "content/news/b.md", "content/news/d.md"},
                              false, d, markdown);
  CHECK_FALSE(d.has_errors());
  REQUIRE(again.size() == 3);
  CHECK(again[0].source == "content/news/a.md");
  CHECK(again[0].title == "甲（改）");
  CHECK(again[0].content_html.find("一") != std::string::npos);
  CHECK(again[1].source == "content/news/c.md");
  CHECK(again[1].title == "丙");
  CHECK(again[2].source == "content/news/d.md");
}
