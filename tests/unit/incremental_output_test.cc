// A rebuild over an existing output writes only the files whose bytes
// changed; unchanged files keep their inode and mtime.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "core/date.h"
#include "core/fs.h"
#include "site/build.h"
#include "site/output_sink.h"
#include "site/spare_tree.h"
#include "test_util.h"

using namespace hongfan;
namespace fs = std::filesystem;
using namespace hongfan::testing;

namespace {

MemoryFileSystem three_news(const char* first_title) {
  MemoryFileSystem s;
  s.add("site.yaml", "title: 测试社区\nbase_url: https://example.org/\n");
  s.add("content/news/2024-06-01-a.md", std::string("---\ntitle: ") + first_title + "\ndate: 2024-06-01\n---\n一\n");
  s.add("content/news/2024-06-02-b.md", "---\ntitle: 乙\ndate: 2024-06-02\n---\n二\n");
  s.add("content/pages/about.md", "---\ntitle: 简介\nslug: about\n---\n简介\n");
  return s;
}

struct FileId {
  ino_t inode;
  std::int64_t mtime_ns;
  bool operator==(const FileId&) const = default;
};

std::map<std::string, FileId> snapshot(const fs::path& dir) {
  std::map<std::string, FileId> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    struct stat st;
    REQUIRE(::stat(e.path().c_str(), &st) == 0);
    out[fs::relative(e.path(), dir).string()] = {st.st_ino, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec};
  }
  return out;
}

BuildStats build(const TempDir& tmp, const FileSystem& site, const char* folder = "public") {
  BuildOptions o;
  o.output_dir = (tmp.path / folder).string();
  o.now = parse_datetime("2024-07-01")->epoch;
  Diagnostics d;
  BuildStats stats;
  REQUIRE(build_site(site, o, d, &stats));
  return stats;
}

}  // namespace

TEST_CASE("a rebuild with nothing changed writes no file") {
  TempDir tmp;
  auto site = three_news("甲");
  auto first = build(tmp, site);
  CHECK(first.files_changed == first.files);
  auto before = snapshot(tmp.path / "public");
  auto again = build(tmp, site);
  CHECK(again.files_changed == 0);
  CHECK(again.files == first.files);
  CHECK(snapshot(tmp.path / "public") == before);
}

TEST_CASE("an edited title rewrites exactly the files that show it") {
  TempDir tmp;
  build(tmp, three_news("甲"));
  auto before = snapshot(tmp.path / "public");
  auto stats = build(tmp, three_news("丙"));
  auto after = snapshot(tmp.path / "public");
  REQUIRE(after.size() == before.size());
  std::size_t changed = 0;
  for (const auto& [path, id] : after) {
    REQUIRE(before.count(path));
    if (!(before[path] == id)) ++changed;
  }
  CHECK(changed == stats.files_changed);
  CHECK(changed > 0);
  // The article and the lists that show its title changed; the free page,
  // the other article and the theme's assets did not.
  CHECK_FALSE(before["news/a/index.html"] == after["news/a/index.html"]);
  CHECK(before["pages/about/index.html"] == after["pages/about/index.html"]);
  CHECK(before[".hongfan-output"] == after[".hongfan-output"]);
  CHECK(slurp(tmp.path / "public/news/a/index.html").find("丙") != std::string::npos);
}

TEST_CASE("a page that disappears is removed from the output") {
  TempDir tmp;
  auto site = three_news("甲");
  build(tmp, site);
  REQUIRE(fs::exists(tmp.path / "public/pages/about/index.html"));
  MemoryFileSystem smaller;
  smaller.add("site.yaml", "title: 测试社区\nbase_url: https://example.org/\n");
  smaller.add("content/news/2024-06-01-a.md", "---\ntitle: 甲\ndate: 2024-06-01\n---\n一\n");
  smaller.add("content/news/2024-06-02-b.md", "---\ntitle: 乙\ndate: 2024-06-02\n---\n二\n");
  build(tmp, smaller);
  CHECK_FALSE(fs::exists(tmp.path / "public/pages/about/index.html"));
}

// From the third build on, the staging tree starts from the tree the build
// before replaced (.hongfan-cache/spare-public/), whose files are mostly hard links
// to the live output's. Pages come and go, a file becomes a folder and back:
// each output must still equal a build into an empty folder, and a file the
// build did not change must keep its inode and bytes.
TEST_CASE("rebuilds started from the spare tree equal a build into an empty folder") {
  TempDir tmp;
  auto site_at = [](int step) {
    MemoryFileSystem s = three_news(step % 2 ? "丙" : "甲");
    if (step == 1 || step == 2) s.add("content/news/2024-06-03-c.md", "---\ntitle: 丁\ndate: 2024-06-03\n---\n三\n");
    // static/box is a file, then a folder, then a file again.
    if (step == 3 || step == 4) s.add("static/box/inner.txt", "里面");
    else s.add("static/box", "盒子" + std::to_string(step));
    return s;
  };
  for (int step = 0; step < 6; ++step) {
    auto before = snapshot(tmp.path / "public");  // empty before the first build
    auto site = site_at(step);
    auto stats = build(tmp, site);
    CAPTURE(step);
    fs::remove_all(tmp.path / "fresh");
    build(tmp, site, "fresh");
    CHECK(contents(tmp.path / "public") == contents(tmp.path / "fresh"));
    auto after = snapshot(tmp.path / "public");
    std::size_t kept = 0;
    for (const auto& [path, id] : after)
      if (before.count(path) && before[path] == id) ++kept;
    CHECK(kept == stats.files - stats.files_changed);
    if (step >= 2) CHECK(fs::is_directory(tmp.path / ".hongfan-cache/spare-public"));
  }
  // No staging folder is left beside the output.
  for (const auto& e : fs::directory_iterator(tmp.path))
    CHECK(e.path().filename().string().rfind(".public.", 0) != 0);
}

TEST_CASE("the spare made after a first build links every file, and a rebuild starts from it") {
  TempDir tmp;
  const std::string out = (tmp.path / "public").string();
  const fs::path spare = tmp.path / ".hongfan-cache/spare-public";
  CHECK_FALSE(spare_tree_missing(out));  // no output yet: nothing to make
  build(tmp, three_news("甲"));
  CHECK(spare_tree_missing(out));
  auto built = snapshot(tmp.path / "public");
  SUBCASE("not while another holds the lock") {
    const int held = lock_for_spare_maker(out);
    REQUIRE(held >= 0);
    CHECK(lock_for_spare_maker(out) == -1);
    CHECK(make_spare_tree(out) == 0);
    CHECK_FALSE(fs::exists(spare));
    ::close(held);
  }
  CHECK(make_spare_tree(out) == built.size());
  CHECK_FALSE(spare_tree_missing(out));
  auto linked = snapshot(spare);
  REQUIRE(linked.size() == built.size());
  for (const auto& [path, id] : built) CHECK(linked[path] == id);  // the same inodes
  CHECK(make_spare_tree(out) == 0);  // made already
  stop_spare_maker(out);             // no helper at work: returns at once

  // The rebuild takes the spare as its staging tree: the spare it leaves is
  // the tree it replaced, and its output is right.
  auto stats = build(tmp, three_news("乙"));
  CHECK(stats.files_changed > 0);
  CHECK(snapshot(spare) == built);
  fs::remove_all(tmp.path / "fresh");
  build(tmp, three_news("乙"), "fresh");
  CHECK(contents(tmp.path / "public") == contents(tmp.path / "fresh"));
}

TEST_CASE("a failed rebuild leaves the output as it was and its tree as the spare") {
  TempDir tmp;
  build(tmp, three_news("甲"));
  build(tmp, three_news("丙"));
  auto good = contents(tmp.path / "public");
  auto ids = snapshot(tmp.path / "public");
  MemoryFileSystem broken = three_news("乙");
  broken.add("content/news/bad.md", "---\ntitle: [\n---\n");
  BuildOptions o;
  o.output_dir = (tmp.path / "public").string();
  Diagnostics d;
  CHECK_FALSE(build_site(broken, o, d));
  CHECK(contents(tmp.path / "public") == good);
  CHECK(snapshot(tmp.path / "public") == ids);
  build(tmp, three_news("乙"));
  fs::remove_all(tmp.path / "fresh");
  build(tmp, three_news("乙"), "fresh");
  CHECK(contents(tmp.path / "public") == contents(tmp.path / "fresh"));
}

// The same questions asked of the output sink in memory (site/output_sink.h):
// which files a build wrote, by name, with no folder to read back.
namespace {
bool build_into(MemoryOutput& out, const FileSystem& site) {
  BuildOptions o;
  o.output = &out;
  o.now = parse_datetime("2024-07-01")->epoch;
  Diagnostics d;
  return build_site(site, o, d);
}
}  // namespace

TEST_CASE("in memory: a rebuild with nothing changed writes nothing") {
  MemoryOutput out;
  REQUIRE(build_into(out, three_news("甲")));
  CHECK(out.changed().size() == out.tree().size());
  REQUIRE(build_into(out, three_news("甲")));
  CHECK(out.changed().empty());
  CHECK(out.files_changed() == 0);
  CHECK(out.commits() == 2);
}

TEST_CASE("in memory: an edited title rewrites exactly these files") {
  MemoryOutput out;
  REQUIRE(build_into(out, three_news("甲")));
  REQUIRE(build_into(out, three_news("丙")));
  // The article, its neighbour's link to it, every list that shows it
  // (section, year and month archives, home), the feed, and in the search
  // index its document (older, so id 1), the shard holding its title's
  // tokens and the search page (which names the index version). Not the
  // sitemap: the page's date did not change.
  const std::set<std::string> expected{
      "feed.xml",          "index.html",       "news/2024/06/index.html", "news/2024/index.html",
      "news/a/index.html", "news/b/index.html", "news/index.html",        "search/d/1.json",
      "search/index.html", "search/s/0.json"};
  CHECK(out.changed() == expected);
  CHECK(out.files_changed() == expected.size());
  CHECK(out.tree().at("news/a/index.html").find("丙") != std::string::npos);
}

TEST_CASE("in memory: a failed build commits nothing") {
  MemoryOutput out;
  REQUIRE(build_into(out, three_news("甲")));
  auto before = out.tree();
  MemoryFileSystem broken = three_news("丙");
  broken.add("content/news/bad.md", "---\ntitle: [\n---\n");
  CHECK_FALSE(build_into(out, broken));
  CHECK(out.commits() == 1);
  CHECK(out.tree() == before);
}
