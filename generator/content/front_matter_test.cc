#include "content/front_matter.h"

#include <doctest/doctest.h>

#include "content/page.h"

using namespace hongfan;

TEST_CASE("front matter is split from the body") {
  FrontMatterError e;
  auto s = split_front_matter("---\ntitle: x\n---\nbody\n", &e);
  REQUIRE(s);
  CHECK(s->yaml == "title: x\n");
  CHECK(s->body == "body\n");
  CHECK(s->body_first_line == 4);
}

TEST_CASE("BOM and CRLF are accepted") {
  FrontMatterError e;
  auto s = split_front_matter("\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\nbody", &e);
  REQUIRE(s);
  CHECK(s->body == "body");
}

TEST_CASE("missing and unclosed front matter are explained") {
  FrontMatterError e;
  CHECK_FALSE(split_front_matter("title: x\n", &e));
  CHECK(e.message.find("missing") != std::string::npos);
  CHECK_FALSE(split_front_matter("---\ntitle: x\n", &e));
  CHECK(e.message.find("never closed") != std::string::npos);
}

TEST_CASE("parse_page reads every documented field") {
  Diagnostics d;
  auto p = parse_page("content/news/2024-06-01-clean-up.md",
                      "---\ntitle: 大扫除\ndate: 2024-06-01\ntags: [环境, 志愿]\ncategories: 社区治理\n"
                      "pinned: true\nauthor: 王芳\nsource: 任城融媒\norg: jsjy\nextra: 自定义\n---\n正文\n",
                      d);
  REQUIRE(p);
  CHECK(p->section == "news");
  CHECK(p->slug == "clean-up");
  CHECK(p->url == "news/clean-up/");
  CHECK(p->tags.size() == 2);
  CHECK(p->categories == std::vector<std::string>{"社区治理"});
  CHECK(p->pinned);
  CHECK(p->org.id == "jsjy");
  CHECK(p->org.loc.line == 9);
  CHECK(p->front["extra"].Scalar() == "自定义");
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("page errors point at the line and column") {
  Diagnostics d;
  CHECK_FALSE(parse_page("content/news/x.md", "---\ntitle: x\ndate: 昨天\n---\n", d));
  auto all = d.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].format().rfind("content/news/x.md:3:7: front matter: date '昨天' is not a date", 0) == 0);

  Diagnostics d2;
  CHECK_FALSE(parse_page("content/news/y.md", "---\ndate: 2024-06-01\n---\n", d2));
  CHECK(d2.sorted()[0].format().rfind("content/news/y.md:2:1: front matter: 'title' is required", 0) == 0);
}
