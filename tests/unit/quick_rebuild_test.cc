// serve's quick rebuild after an edit renders only the files that showed
// the edited page, data/ or template (render/page_reads.h), and updates the
// search index. For every page of the demo site, then for data files and
// templates:
// edit its title, or its first paragraph, rebuild quickly over the previous
// output, and compare with a full build of the edited site. A view that
// shows a page without noting it leaves a stale file, and fails here.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/date.h"
#include "core/fs.h"
#include "render/page_reads.h"
#include "site/build.h"
#include "site/output_sink.h"
#include "test_util.h"

using namespace hongfan;
using namespace hongfan::testing;
namespace fs = std::filesystem;

namespace {

const std::int64_t kNow = parse_datetime("2026-11-22")->epoch;

// The title gets "（改）" (inside its quotes, if it has them).
std::string title_edited(std::string text) {
  auto title = text.find("\ntitle:");
  REQUIRE(title != std::string::npos);
  auto eol = text.find('\n', title + 1);
  auto at = eol;
  while (at > title && (text[at - 1] == ' ' || text[at - 1] == '\r')) --at;
  if (text[at - 1] == '"' || text[at - 1] == '\'') --at;
  text.insert(at, "（改）");
  return text;
}

// The body gets a new first paragraph, which is what a list's card shows
// when the page has no summary (and a section's list, its intro).
std::string body_edited(std::string text) {
  auto body = text.find("\n---", 3);
  REQUIRE(body != std::string::npos);
  body = text.find('\n', body + 1);
  text.insert(body + 1, "\n改过的第一段。\n\n");
  return text;
}

std::map<std::string, std::string> without_search(const std::map<std::string, std::string>& tree, bool moved) {
  std::map<std::string, std::string> out;
  for (const auto& [path, bytes] : tree)
    if (!moved || path.rfind("search/", 0) != 0) out.emplace(path, bytes);
  return out;
}

// What serve holds between builds: its output, what each file showed, and
// the last build.
struct Served {
  MemoryOutput out;
  PageReadsMap reads;
  std::unique_ptr<PreparedSite> kept;
};

// The build serve starts from, noting what every file showed.
void start_serving(const std::map<std::string, std::string>& files, Served& s) {
  BuildOptions o;
  o.output = &s.out;
  o.now = kNow;
  o.page_reads = &s.reads;
  Diagnostics d;
  REQUIRE(build_site(site_of(files), o, d, nullptr, &s.kept));
}

// serve's quick rebuild after an edit of `changed`, over what it holds.
std::unique_ptr<PreparedSite> quick_rebuild(const MemoryFileSystem& site, const std::set<std::string>& changed,
                                            Served& s, BuildStats* stats = nullptr) {
  BuildOptions quick;
  quick.output = &s.out;
  quick.now = kNow;
  quick.page_reads = &s.reads;
  quick.changed_sources = &changed;
  quick.previous = s.kept.get();
  Diagnostics d;
  std::unique_ptr<PreparedSite> built;
  REQUIRE(build_site(site, quick, d, stats, &built));
  return built;
}

// Every file a full build of `site` writes.
std::map<std::string, std::string> full_build(const MemoryFileSystem& site) {
  MemoryOutput full;
  BuildOptions o;
  o.output = &full;
  o.now = kNow;
  Diagnostics d;
  REQUIRE(build_site(site, o, d));
  return full.tree();
}

// The files of `want` that `got` does not have as they are there.
std::vector<std::string> stale_files(const std::map<std::string, std::string>& want,
                                     const std::map<std::string, std::string>& got) {
  std::vector<std::string> stale;
  for (const auto& [path, bytes] : want) {
    auto it = got.find(path);
    if (it == got.end() || it->second != bytes) stale.push_back(path);
  }
  return stale;
}

// Edits `page` with `edit`, rebuilds quickly over the demo's output, and
// compares with a full build of the edited site.
void check_quick_rebuild(const std::map<std::string, std::string>& files, const std::string& page,
                         std::string (*edit)(std::string)) {
  const std::string edited = edit == title_edited ? "title" : "first paragraph";
  CAPTURE(edited);
  Served served;
  start_serving(files, served);
  auto changed_files = files;
  changed_files[page] = edit(files.at(page));
  const MemoryFileSystem changed_site = site_of(changed_files);

  // A Chinese file name without a slug takes its URL from the title: the
  // old page's file then stays until serve's full refresh removes it.
  std::string old_url;
  for (const auto& p : served.kept->content.pages)
    if (p.source == page) old_url = p.url;

  auto quick_site = quick_rebuild(changed_site, {page}, served);
  // An edit that moves its page, or lends its title to others (a
  // section's _index.md, a brand), renders every file and leaves the search
  // index to serve's full refresh.
  const bool moved = quick_site->placement_changed;

  // The search index too: its documents, shards and version.
  const auto want = without_search(full_build(changed_site), moved);
  const auto got = without_search(served.out.tree(), moved);
  const auto stale = stale_files(want, got);
  CHECK_MESSAGE(stale.empty(), "stale after the quick rebuild: " << (stale.empty() ? "" : stale.front())
                                                                  << " (" << stale.size() << " files)");
  for (const auto& [path, bytes] : got)
    if (!want.count(path)) CHECK_MESSAGE((!old_url.empty() && path.rfind(old_url, 0) == 0), "left over: " << path);
}

// Replaces `from` with `to` in `file`, rebuilds quickly over the demo's
// output after an edit of `source` (the file, or data/), and compares with
// a full build of the edited site. Returns what the quick rebuild did.
BuildStats check_quick_rebuild_of(const std::map<std::string, std::string>& files, const std::string& file,
                                  const std::string& from, const std::string& to, const std::string& source) {
  Served served;
  start_serving(files, served);
  auto changed_files = files;
  auto& text = changed_files[file];
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  const MemoryFileSystem changed_site = site_of(changed_files);

  BuildStats stats;
  quick_rebuild(changed_site, {source}, served, &stats);
  const auto want = full_build(changed_site);
  const auto stale = stale_files(want, served.out.tree());
  CHECK_MESSAGE(stale.empty(), "stale after the quick rebuild: " << (stale.empty() ? "" : stale.front()) << " ("
                                                                 << stale.size() << " files)");
  CHECK(served.out.tree().size() == want.size());
  return stats;
}

}  // namespace

TEST_CASE("after an edit of any page, the quick rebuild equals a full build") {
  const auto files = demo_files();
  std::vector<std::string> pages;
  for (const auto& [path, text] : files)
    if (path.rfind("content/", 0) == 0 && path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0)
      pages.push_back(path);
  REQUIRE(pages.size() > 50);
  for (const auto& page : pages) {
    CAPTURE(page);
    check_quick_rebuild(files, page, title_edited);
    check_quick_rebuild(files, page, body_edited);
  }
}

TEST_CASE("after an edit of a data file, the quick rebuild equals a full build") {
  const auto files = demo_files();
  // What staff change in data/: a unit's secretary, a grid's households, a
  // station's name (the activities held there show it), a person, a ledger
  // row, a hotline, a headline figure.
  const std::vector<std::tuple<std::string, std::string, std::string>> edits = {
      {"data/org.yaml", "secretary: 张文彦", "secretary: 张文华"},
      {"data/grids.yaml", "households: 429", "households: 430"},
      {"data/stations.yaml", "name: 嘉苑东门红帆驿站", "name: 嘉苑东门红帆服务驿站"},
      {"data/people.yaml", "name: 李瑞勤", "name: 李瑞琴"},
      {"data/points.csv", ",10,", ",12,"},
      {"data/contacts.yaml", "0537-3265811", "0537-3265812"},
      {"data/figures.yaml", "value: 1320", "value: 1330"},
  };
  for (const auto& [file, from, to] : edits) {
    CAPTURE(file);
    const BuildStats stats = check_quick_rebuild_of(files, file, from, to, page_reads::kDataSource);
    // Rendered: the files of the org units, grids, stations and activities,
    // the rankings, home and the search index (their share is large in the
    // demo); not the articles, lists and tag pages.
    CHECK(stats.files_changed * 10 < stats.files * 7);
  }
}

TEST_CASE("after an edit of a template, the quick rebuild equals a full build") {
  const std::filesystem::path theme = std::filesystem::path(HONGFAN_SOURCE_DIR) / "themes/default/templates";
  auto files = demo_files();
  // The site's own copies of a page template and of a partial in three.
  files["templates/activity.html"] = slurp(theme / "activity.html");
  files["templates/partials/related-card.html"] = slurp(theme / "partials/related-card.html");
  const std::vector<std::tuple<std::string, std::string, std::string>> edits = {
      {"templates/activity.html", "<article class=\"article activity\">",
       "<article class=\"article activity\"><p>活动页的新提示</p>"},
      {"templates/partials/related-card.html", "<li class=\"card\">", "<li class=\"card related\">"},
  };
  for (const auto& [file, from, to] : edits) {
    CAPTURE(file);
    const BuildStats stats = check_quick_rebuild_of(files, file, from, to, file);
    // Rendered: the files made with it, home and the feed; not the rest.
    CHECK(stats.files_changed * 4 < stats.files);
  }
}
