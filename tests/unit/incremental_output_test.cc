// A rebuild over an existing output writes only the files whose bytes
// changed; unchanged files keep their inode and mtime.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <string>

#include "core/date.h"
#include "core/fs.h"
#include "site/build.h"
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
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    struct stat st;
    REQUIRE(::stat(e.path().c_str(), &st) == 0);
    out[fs::relative(e.path(), dir).string()] = {st.st_ino, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec};
  }
  return out;
}

BuildStats build(const TempDir& tmp, const FileSystem& site) {
  BuildOptions o;
  o.output_dir = (tmp.path / "public").string();
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
