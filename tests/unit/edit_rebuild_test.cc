// `hongfan build` after an edit of pages only: the files that showed none
// of them are kept as the last build left them, not rendered again (the
// reads recorded beside the output, site/build_record.h). The output must
// equal a build of the edited site into an empty folder, byte for byte.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "core/date.h"
#include "core/fs.h"
#include "site/build.h"
#include "test_util.h"

using namespace hongfan;
using namespace hongfan::testing;
namespace fs = std::filesystem;

namespace {

BuildStats build(const FileSystem& site, const fs::path& out) {
  BuildOptions o;
  o.output_dir = out.string();
  o.now = parse_datetime("2026-11-22")->epoch;
  o.record = true;
  Diagnostics d;
  BuildStats stats;
  const bool ok = build_site(site, o, d, &stats);
  for (const auto& x : d.sorted())
    if (x.severity == Severity::error) MESSAGE(x.loc.file << ": " << x.message);
  REQUIRE(ok);
  return stats;
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a build after edits of pages renders only the files that show them") {
  TempDir tmp;
  auto files = demo_files();
  const BuildStats first = build(site_of(files), tmp.path / "public");
  CHECK(first.files_rendered == 0);  // a whole build

  // A title, a paragraph of an article with a grid, an activity's title
  // and a brand's summary: one page at a time, each rebuild over the last.
  struct Edit {
    const char* page;
    const char* from;
    const char* to;
  };
  const Edit edits[] = {
      {"content/news/2026-11-18-winter-heating-visits.md", "\ntitle: ", "\ntitle: 改过的标题 "},
      {"content/news/2026-03-20-grid-worker-home-visits.md", "\n---\n", "\n---\n\n新加的第一段。\n"},
      {"content/activities/2026-03-15-elder-visit.md", "\ntitle: ", "\ntitle: 改过的活动 "},
      {"content/brands/wucai.md", "\n---\n", "\n---\n\n品牌的新介绍。\n"},
  };
  for (const auto& e : edits) {
    CAPTURE(e.page);
    replace_once(files[e.page], e.from, e.to);
    const BuildStats again = build(site_of(files), tmp.path / "public");
    CHECK(again.files_rendered > 0);
    CHECK(again.files_rendered * 4 < again.files);  // most files kept as they were
  }
  {
    // (Compared once: a file left stale by one edit stays stale.)
    TempDir fresh;
    build(site_of(files), fresh.path / "public");
    CHECK(contents(tmp.path / "public") == contents(fresh.path / "public"));
  }

  // A static file changed after those rebuilds, which kept it without
  // reading it: the record still knows it, so the build sees the change.
  files["static/images/logo.svg"] += "<!-- 新 -->\n";
  build(site_of(files), tmp.path / "public");
  CHECK(slurp(tmp.path / "public/images/logo.svg") == files["static/images/logo.svg"]);

  // Anything else edited (here data/) renders every file again.
  replace_once(files["data/org.yaml"], "name: ", "name: 新");
  const BuildStats whole = build(site_of(files), tmp.path / "public");
  CHECK(whole.files_rendered == 0);
  // And a page that moves (a new date) too.
  replace_once(files["content/news/2026-11-18-winter-heating-visits.md"], "date: 2026-11-18", "date: 2026-11-19");
  const BuildStats moved = build(site_of(files), tmp.path / "public");
  CHECK(moved.files_rendered == 0);
  TempDir fresh;
  build(site_of(files), fresh.path / "public");
  CHECK(contents(tmp.path / "public") == contents(fresh.path / "public"));
}

namespace {

// Counts the content pages a build reads.
class CountingFileSystem final : public FileSystem {
 public:
  explicit CountingFileSystem(const FileSystem& inner) : inner_(inner) {}
  std::optional<std::string> read(const std::string& path) const override {
    if (path.rfind("content/", 0) == 0) {
      const std::lock_guard lock(mutex_);  // the build reads pages on several threads
      pages_read.insert(path);
    }
    return inner_.read(path);
  }
  bool is_file(const std::string& path) const override { return inner_.is_file(path); }
  bool is_dir(const std::string& path) const override { return inner_.is_dir(path); }
  std::vector<DirEntry> list(const std::string& dir) const override { return inner_.list(dir); }
  /// As a folder on disk has ("mtime:size", here a long-past mtime): the
  /// build compares these with its record instead of reading every file.
  std::string stamp(const std::string& path) const override {
    auto text = inner_.read(path);
    return text ? "1.0:" + std::to_string(std::hash<std::string>{}(*text)) : std::string();
  }
  mutable std::set<std::string> pages_read;

 private:
  const FileSystem& inner_;
  mutable std::mutex mutex_;
};

}  // namespace

TEST_CASE("a rebuild after an edit reads the edited page, and takes the others from the store") {
  TempDir tmp;
  auto files = demo_files();
  {
    MemoryFileSystem site = site_of(files);
    build(CountingFileSystem(site), tmp.path / "public");  // its record has the stamps
  }
  const fs::path store = tmp.path / ".hongfan-cache/pages-public";
  REQUIRE(fs::exists(store));

  const std::string edited = "content/news/2026-11-18-winter-heating-visits.md";
  replace_once(files[edited], "\ntitle: ", "\ntitle: 改过的标题 ");
  {
    MemoryFileSystem site = site_of(files);
    CountingFileSystem counting(site);
    build(counting, tmp.path / "public");
    CHECK(counting.pages_read.count(edited) == 1);
    // Of the news, only the edited article is read again, and the two that
    // are never stored: a draft (not published, so not kept) and one with
    // a key for templates (`featured:`, kept in its front matter).
    const std::set<std::string> expected = {edited, "content/news/2026-10-20-fire-safety-drill.md",
                                            "content/news/2026-11-29-yizhen.md"};
    std::set<std::string> news;
    for (const auto& path : counting.pages_read)
      if (path.rfind("content/news/", 0) == 0 && path.find("_index.md") == std::string::npos) news.insert(path);
    CHECK(news == expected);
  }
  TempDir fresh;
  build(site_of(files), fresh.path / "public");
  CHECK(contents(tmp.path / "public") == contents(fresh.path / "public"));

  // A store that is garbled, or not the one the record names, is not used:
  // every page is read again, and the output is still right.
  for (const char* what : {"garbled", "another build's"}) {
    CAPTURE(what);
    std::string bytes = slurp(store);
    if (std::string(what) == "garbled") bytes.resize(bytes.size() / 2);
    else bytes[bytes.find('\n') + 1] ^= 1;  // the token
    { std::ofstream(store, std::ios::binary) << bytes; }
    replace_once(files[edited], "改过的标题", "又改过的标题");
    MemoryFileSystem site = site_of(files);
    CountingFileSystem counting(site);
    build(counting, tmp.path / "public");
    CHECK(counting.pages_read.size() > 10);
    TempDir again;
    build(site_of(files), again.path / "public");
    CHECK(contents(tmp.path / "public") == contents(again.path / "public"));
  }
}
