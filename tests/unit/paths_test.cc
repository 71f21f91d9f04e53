// Nothing a site says can make hongfan write outside its output folder:
// slugs, planned paths and static files are checked before writing.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "check/links.h"
#include "core/fs.h"
#include "site/assets.h"
#include "site/build.h"
#include "test_util.h"
#include "site/output.h"

using namespace hongfan;
namespace fs = std::filesystem;
using namespace hongfan::testing;

namespace {
MemoryFileSystem site_with_slug(const std::string& slug) {
  MemoryFileSystem s;
  s.add("site.yaml", "title: 路径\nbase_url: https://example.org/\n");
  s.add("content/news/x.md", "---\ntitle: x\ndate: 2024-06-01\nslug: \"" + slug + "\"\n---\n正文\n");
  return s;
}

bool mentions(const Diagnostics& d, const std::string& words) {
  for (const auto& x : d.sorted())
    if (x.message.find(words) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("is_safe_relative_path keeps writes inside the output") {
  CHECK(is_safe_relative_path("news/x/index.html"));
  CHECK(is_safe_relative_path("tags/志愿服务/index.html"));
  CHECK_FALSE(is_safe_relative_path("../x"));
  CHECK_FALSE(is_safe_relative_path("news/../../x"));
  CHECK_FALSE(is_safe_relative_path("/etc/passwd"));
  CHECK_FALSE(is_safe_relative_path("news//x"));
  CHECK_FALSE(is_safe_relative_path("news/./x"));
  CHECK_FALSE(is_safe_relative_path("a\\..\\b"));
  CHECK_FALSE(is_safe_relative_path(std::string_view("a\0b", 3)));
  CHECK_FALSE(is_safe_relative_path(""));
}

TEST_CASE("slugs that leave the output are errors at their line, and nothing is written") {
  for (const char* slug : {"../../etc", "/tmp/evil", "..", "a/b", "a\\\\b", ".hidden"}) {
    CAPTURE(slug);
    TempDir tmp;
    auto site = site_with_slug(slug);
    BuildOptions o;
    o.output_dir = (tmp.path / "public").string();
    Diagnostics d;
    CHECK_FALSE(build_site(site, o, d));
    REQUIRE(d.error_count() == 1);
    CHECK(d.sorted()[0].loc.file == "content/news/x.md");
    CHECK(d.sorted()[0].loc.line == 4);
    CHECK(mentions(d, "cannot be used"));
    CHECK_FALSE(fs::exists(tmp.path / "public"));
    CHECK_FALSE(fs::exists(tmp.path / "etc"));
  }
}

TEST_CASE("the writer refuses paths outside the staging folder") {
  TempDir tmp;
  Diagnostics d;
  auto out = StagedOutput::begin((tmp.path / "public").string(), d);
  REQUIRE(out);
  CHECK_THROWS(out->write("../escaped.txt", "x"));
  CHECK_THROWS(out->write("/tmp/escaped.txt", "x"));
  CHECK_FALSE(fs::exists(tmp.path / "escaped.txt"));
}

TEST_CASE("symbolic links under static/ are not published") {
  TempDir tmp;
  fs::create_directories(tmp.path / "site/static/images");
  std::ofstream(tmp.path / "site/site.yaml") << "title: 链接\n";
  std::ofstream(tmp.path / "site/static/images/ok.png") << "png";
  fs::create_symlink("/etc/passwd", tmp.path / "site/static/passwd.txt");
  fs::create_directory_symlink("/etc", tmp.path / "site/static/images/etc");
  DiskFileSystem site((tmp.path / "site").string());
  Diagnostics d;
  auto plan = plan_static({{&site, "static", "static"}}, d);
  CHECK(d.error_count() == 2);
  CHECK(mentions(d, "symbolic links are not published"));
  REQUIRE(plan.files.size() == 1);
  CHECK(plan.files[0].published == "images/ok.png");

  BuildOptions o;
  o.output_dir = (tmp.path / "public").string();
  Diagnostics b;
  CHECK_FALSE(build_site(site, o, b));
  CHECK_FALSE(fs::exists(tmp.path / "public"));
}

TEST_CASE("links that climb above the site root are recognised") {
  CHECK(resolve_site_link("news/x/", "../../../etc/passwd").escapes);
  CHECK_FALSE(resolve_site_link("news/x/", "../../news/").escapes);
  CHECK(resolve_site_link("news/x/", "../../news/").path == "news/");
  CHECK(resolve_site_link("news/x/", "../y/#二").path == "news/y/");
  CHECK(resolve_site_link("news/x/", "../y/#二").fragment == "二");
  CHECK(resolve_site_link("", "/tags/%E5%BF%97/").path == "tags/志/");
  CHECK(resolve_site_link("news/x/", "https://example.org/").external);
  CHECK(resolve_site_link("news/x/", "//cdn.example.org/a.js").external);
  CHECK(resolve_site_link("news/x/", "#top").same_page);
}
