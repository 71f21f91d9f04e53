// `hongfan build` after an edit of pages, of data/ or of the site's
// templates only: the files that showed none of them are kept as the last
// build left them, not rendered again (the reads recorded beside the output, site/build_record.h). The
// output must equal a build of the edited site into an empty folder, byte
// for byte.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "core/date.h"
#include "check/check.h"
#include "core/fs.h"
#include "site/build.h"
#include "site/plan.h"
#include "test_util.h"

using namespace hongfan;
using namespace hongfan::testing;
namespace fs = std::filesystem;

namespace {

// Builds with the record, as `hongfan build` does; with `review`, check's
// rules too, whose warnings point into site.yaml and data/.
BuildStats build_saying(const FileSystem& site, const fs::path& out, Diagnostics& d, bool review = true) {
  BuildOptions o;
  o.output_dir = out.string();
  o.now = parse_datetime("2026-11-22")->epoch;
  o.record = true;
  if (review) o.review = review_in_build;
  BuildStats stats;
  const bool ok = build_site(site, o, d, &stats);
  for (const auto& x : d.sorted())
    if (x.severity == Severity::error) MESSAGE(x.loc.file << ": " << x.message);
  REQUIRE(ok);
  return stats;
}

BuildStats build(const FileSystem& site, const fs::path& out) {
  Diagnostics d;
  return build_saying(site, out, d, false);
}

// One edit of a site file: `from` replaced by `to`, once.
struct Edit {
  const char* file;
  const char* from;
  const char* to;
};

void replace_once(std::string& text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

// Replaces `from` with `to` in `file`, builds over the output in `out`, and
// compares with a clean build of the edited site. Some files must have been
// rendered, and some changed. Returns what the build did.
BuildStats check_rebuild_after(std::map<std::string, std::string>& files, const fs::path& out,
                               const std::string& file, const char* from, const char* to) {
  replace_once(files[file], from, to);
  const BuildStats again = build(site_of(files), out);
  CHECK(again.files_rendered > 0);
  CHECK(again.files_changed > 0);
  TempDir fresh;
  build(site_of(files), fresh.path / "public");
  CHECK(contents(out) == contents(fresh.path / "public"));
  return again;
}

}  // namespace

TEST_CASE("a build after edits of pages renders only the files that show them") {
  TempDir tmp;
  auto files = demo_files();
  const BuildStats first = build(site_of(files), tmp.path / "public");
  CHECK(first.files_rendered == 0);  // a whole build

  // A title, a paragraph of an article with a grid, an activity's title
  // and a brand's summary: one page at a time, each rebuild over the last.
  const Edit edits[] = {
      {"content/news/2026-11-18-winter-heating-visits.md", "\ntitle: ", "\ntitle: 改过的标题 "},
      {"content/news/2026-03-20-grid-worker-home-visits.md", "\n---\n", "\n---\n\n新加的第一段。\n"},
      {"content/activities/2026-03-15-elder-visit.md", "\ntitle: ", "\ntitle: 改过的活动 "},
      {"content/brands/wucai.md", "\n---\n", "\n---\n\n品牌的新介绍。\n"},
  };
  for (const auto& e : edits) {
    CAPTURE(e.file);
    replace_once(files[e.file], e.from, e.to);
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

  // Anything else edited (here site.yaml) renders every file again.
  replace_once(files["site.yaml"], "\ntitle: ", "\ntitle: 新");
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

TEST_CASE("a build after an edit of data/ renders only the files that show data/") {
  TempDir tmp;
  auto files = demo_files();
  const BuildStats first = build(site_of(files), tmp.path / "public");
  CHECK(first.files_rendered == 0);

  // One edit of each data file, each rebuild over the last; each shows on
  // some page (the org page, a grid's, a station's, the rankings, the
  // reward shop, the honour roll, the hotlines, the home page's figures).
  const Edit edits[] = {
      {"data/org.yaml", "secretary: 张文彦", "secretary: 张文华"},
      {"data/grids.yaml", "households: 429", "households: 430"},
      {"data/stations.yaml", "hours: 每天 8:00—20:00", "hours: 每天 7:30—20:00"},
      {"data/people.yaml", "name: 李瑞勤", "name: 李瑞琴"},
      {"data/points.csv", ",10,", ",12,"},
      {"data/rewards.yaml", "洗衣液", "洗洁精"},
      {"data/honors.yaml", "陈志远", "陈志元"},
      {"data/contacts.yaml", "0537-3265811", "0537-3265812"},
      {"data/figures.yaml", "value: 1320", "value: 1330"},
  };
  for (const auto& e : edits) {
    CAPTURE(e.file);
    const BuildStats again = check_rebuild_after(files, tmp.path / "public", e.file, e.from, e.to);
    // The demo's data is large beside its content: the files of its 35 org
    // units and 8 grids, and of its 61 activities (which name stations),
    // show data/, and every file of the search index is rendered again. Its
    // articles, lists and tag pages, about half, are kept as they were.
    CHECK(again.files_rendered * 10 < again.files * 6);
  }

  // A data file and a page edited together: both kinds of file rendered.
  replace_once(files["data/grids.yaml"], "households: 430", "households: 431");
  replace_once(files["content/news/2026-11-18-winter-heating-visits.md"], "\ntitle: ", "\ntitle: 又改的标题 ");
  const BuildStats both = build(site_of(files), tmp.path / "public");
  CHECK(both.files_rendered > 0);
  TempDir fresh;
  build(site_of(files), fresh.path / "public");
  CHECK(contents(tmp.path / "public") == contents(fresh.path / "public"));

  // A new data file is not an edit: everything is rendered again.
  files["data/figures.yaml"] += "  - {label: 新的数字, value: 1, unit: 个, as_of: 2026-10}\n";
  files["data/extra-notes.yaml"] = "notes: []\n";
  const BuildStats whole = build(site_of(files), tmp.path / "public");
  CHECK(whole.files_rendered == 0);
}

TEST_CASE("a build after an edit of a template renders only the files made with it") {
  const std::filesystem::path theme = std::filesystem::path(HONGFAN_SOURCE_DIR) / "themes/default";
  // The site overrides two of the built-in theme's files (templates/), and
  // then copies the whole theme into themes/default/ and edits there.
  for (const bool copied_theme : {false, true}) {
    CAPTURE(copied_theme);
    TempDir tmp;
    auto files = demo_files();
    const std::string dir = copied_theme ? "themes/default/templates/" : "templates/";
    if (copied_theme) {
      for (const auto& e : fs::recursive_directory_iterator(theme))
        if (e.is_regular_file())
          files["themes/default/" + fs::relative(e.path(), theme).generic_string()] = slurp(e.path());
    } else {
      for (const char* name : {"activity.html", "partials/related-card.html"})
        files[dir + name] = slurp(theme / "templates" / name);
    }
    const BuildStats first = build(site_of(files), tmp.path / "public");
    CHECK(first.files_rendered == 0);

    // A page template (the activities' pages), then a partial inlined into
    // three (the related lists of org units, grids and stations).
    const Edit edits[] = {
        {"activity.html", "<article class=\"article activity\">", "<article class=\"article activity\"><p>活动页的新提示</p>"},
        {"partials/related-card.html", "<li class=\"card\">", "<li class=\"card related\">"},
    };
    for (const auto& e : edits) {
      const std::string file = dir + e.file;
      CAPTURE(file);
      const BuildStats again = check_rebuild_after(files, tmp.path / "public", file, e.from, e.to);
      CHECK(again.files_rendered * 4 < again.files);  // most files kept as they were
    }
    CHECK(slurp(tmp.path / "public/activities/2026-11-market/index.html").find("活动页的新提示") != std::string::npos);
  }
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

TEST_CASE("the files a feature planned from data/ are marked as showing it") {
  auto files = demo_files();
  const auto site = site_of(files);
  Diagnostics d;
  Timings t;
  auto s = prepare_site(site, {}, d, t);
  REQUIRE(s);
  std::map<std::string, bool> marked;
  for (const auto& job : s->jobs) marked[job.path] = job.reads_data;
  // Planned from the org tree and the grids: marked, whatever their views read.
  CHECK(marked.at("org/index.html"));
  CHECK(marked.at("grids/g01/index.html"));
  CHECK(marked.at("stations/hf-east/index.html"));
  // Planned from pages only: not marked (an activity page that names a
  // station notes data/ as it renders instead).
  CHECK_FALSE(marked.at("index.html"));
  CHECK_FALSE(marked.at("news/index.html"));
  CHECK_FALSE(marked.at("activities/index.html"));
  // The search index's files: rebuilt with data/, not marked (plan_search.cc).
  CHECK_FALSE(marked.at("search/index.html"));

  // Planning that read data/ without a render marks the feature's files.
  OutputPlan plan(s->view, *s->templates);
  plan.feature([&] { plan.add_file({"a.txt", [](std::string& out) { out += "a"; }}); });
  plan.feature([&] {
    const std::size_t grids = s->view.data->grids.size();  // read while planning
    plan.add_file({"b.txt", [grids](std::string& out) { out += std::to_string(grids); }});
  });
  const auto jobs = plan.finish();
  REQUIRE(jobs.size() >= 2);
  CHECK_FALSE(jobs[0].reads_data);
  CHECK(jobs[1].reads_data);
}

namespace {

std::map<std::string, fs::file_time_type> mtimes(const fs::path& dir) {
  std::map<std::string, fs::file_time_type> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = e.last_write_time();
  return out;
}

}  // namespace

TEST_CASE("a build after edits of only the comments of site.yaml and data/ writes nothing") {
  TempDir tmp;
  auto files = demo_files();
  // The demo keeps the starter's example base_url, which is warned about at
  // its line of site.yaml; a real address first.
  replace_once(files["site.yaml"], "base_url: https://example.gov.cn/jsjy/", "base_url: https://jsjy.hongfan-demo.cn/");
  const fs::path out = tmp.path / "public";
  auto build_as_staff = [](const FileSystem& site, const fs::path& to) {
    Diagnostics said;
    return build_saying(site, to, said);
  };
  build_as_staff(site_of(files), out);
  const auto before = mtimes(out);

  // Comments added above, inside and below: every line after them moves.
  files["site.yaml"] = "# 社区门户的设置，改之前先备份\n\n" + files["site.yaml"] + "\n# 末尾的说明\n";
  replace_once(files["data/grids.yaml"], "households: 429", "households: 429   # 2026 年 11 月核对");
  const BuildStats again = build_as_staff(site_of(files), out);
  CHECK(again.up_to_date);
  CHECK(again.edited_without_meaning == std::set<std::string>{"data/grids.yaml", "site.yaml"});
  CHECK(mtimes(out) == before);

  // A comment that cuts a value short is said (and the value is what it
  // was): the build runs, and says it at its line.
  replace_once(files["site.yaml"], "title: 金色嘉苑社区党建网", "title: 金色嘉苑社区党建网 #党建");
  Diagnostics said;
  const BuildStats cut = build_saying(site_of(files), out, said);
  CHECK_FALSE(cut.up_to_date);
  const std::string& text = files["site.yaml"];
  const int title_line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + text.find("\ntitle:") + 1, '\n'));
  bool at_title = false;
  for (const auto& d : said.sorted()) at_title = at_title || (d.loc.file == "site.yaml" && d.loc.line == title_line);
  CHECK(title_line == 4);
  CHECK(at_title);

  // A value edited: built again, equal to a clean build.
  replace_once(files["site.yaml"], "title: 金色嘉苑社区党建网 #党建", "title: 金色嘉苑社区党建网站");
  const BuildStats valued = build_as_staff(site_of(files), out);
  CHECK_FALSE(valued.up_to_date);
  CHECK(valued.files_changed > 0);
  TempDir fresh;
  build_as_staff(site_of(files), fresh.path / "public");
  CHECK(contents(out) == contents(fresh.path / "public"));
}

TEST_CASE("a comment added to site.yaml above a line the build warned about builds again, and the warning moves") {
  TempDir tmp;
  auto files = demo_files();  // its base_url is the starter's example, warned about at its line
  const fs::path out = tmp.path / "public";
  Diagnostics first;
  build_saying(site_of(files), out, first);
  int line = 0;
  for (const auto& d : first.sorted())
    if (d.loc.file == "site.yaml") line = d.loc.line;
  REQUIRE(line > 0);

  files["site.yaml"] = "# 注释\n" + files["site.yaml"];
  Diagnostics again;
  const BuildStats stats = build_saying(site_of(files), out, again);
  CHECK_FALSE(stats.up_to_date);
  CHECK(stats.edited_without_meaning.empty());
  int moved = 0;
  for (const auto& d : again.sorted())
    if (d.loc.file == "site.yaml") moved = d.loc.line;
  CHECK(moved == line + 1);
}

TEST_CASE("a comment edited in a YAML file of static/ is an edit: the file is copied as it is") {
  TempDir tmp;
  auto files = demo_files();
  files["static/downloads/schedule.yaml"] = "# 值班表\nmonday: 王\n";
  const fs::path out = tmp.path / "public";
  build(site_of(files), out);
  files["static/downloads/schedule.yaml"] = "# 值班表（十二月）\nmonday: 王\n";
  const BuildStats again = build(site_of(files), out);
  CHECK_FALSE(again.up_to_date);
  CHECK(slurp(out / "downloads/schedule.yaml") == files["static/downloads/schedule.yaml"]);
}
