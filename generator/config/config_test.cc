#include "config/config.h"

#include <doctest/doctest.h>

using namespace hongfan;

namespace {
std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) out.push_back(x.format().substr(0, x.format().find('\n')));
  return out;
}
}  // namespace

TEST_CASE("a full site.yaml is read") {
  MemoryFileSystem fs;
  fs.add("site.yaml",
         "title: 金色嘉苑\nbase_url: https://example.gov.cn/jsjy\npagination: 5\n"
         "menu:\n  - {name: 首页, url: /}\nshare: {image: /images/share.png}\n"
         "privacy: {mask_residents: false}\npoints: {categories: [先锋指数], top: 3}\n");
  Diagnostics d;
  auto c = load_config(fs, d);
  REQUIRE(c);
  CHECK(c->base_url == "https://example.gov.cn/jsjy/");
  CHECK(c->pagination == 5);
  CHECK(c->menu.size() == 1);
  CHECK_FALSE(c->mask_residents);
  CHECK(c->points_top == 3);
  CHECK(c->absolute_url("/news/") == "https://example.gov.cn/jsjy/news/");
}

TEST_CASE("unknown keys warn, wrong types are errors with locations") {
  MemoryFileSystem fs;
  fs.add("site.yaml", "title: x\ncolour: red\npagination: ten\nmenu: /news/\n");
  Diagnostics d;
  CHECK_FALSE(load_config(fs, d));
  auto m = messages(d);
  REQUIRE(m.size() == 3);
  CHECK(m[0] == "site.yaml:2:1: warning: unknown setting 'colour' is ignored");
  CHECK(m[1] == "site.yaml:3:13: 'pagination' must be a whole number, got 'ten'");
  CHECK(m[2] == "site.yaml:4:7: 'menu' must be a list of {name: ..., url: ...} entries");
}

TEST_CASE("a missing title and malformed YAML are errors") {
  MemoryFileSystem fs;
  fs.add("site.yaml", "subtitle: x\n");
  Diagnostics d;
  CHECK_FALSE(load_config(fs, d));
  CHECK(messages(d)[0] == "site.yaml:1:1: 'title' is required");

  MemoryFileSystem bad;
  bad.add("site.yaml", "title: [x\n");
  Diagnostics d2;
  CHECK_FALSE(load_config(bad, d2));
  CHECK(messages(d2)[0] == "site.yaml:1:8: not valid YAML: the '[' opened here is never closed with ']'");
}

TEST_CASE("search can be turned off") {
  MemoryFileSystem fs;
  fs.add("site.yaml", "title: x\nsearch: false\n");
  Diagnostics d;
  auto c = load_config(fs, d);
  REQUIRE(c);
  CHECK_FALSE(c->search);
  CHECK(d.warning_count() == 0);
}
