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
  CHECK(p->params["extra"].Scalar() == "自定义");
  CHECK_FALSE(p->activity);
  CHECK_FALSE(p->media);
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

TEST_CASE("parse_page reads a section's own keys and the media, each where it is written") {
  Diagnostics d;
  auto a = parse_page("content/activities/clean.md",
                      "---\ntitle: 大扫除\nstart: 2024-06-15 09:00\nplace: 小广场\norganizer: jsyj\n"
                      "color: 绿色志愿\ncapacity: 30\nsignup: {text: 打电话, url: ' https://x.cn/f '}\n"
                      "gallery:\n  - /images/1.jpg\n  - {src: /images/2.jpg, caption: 合影}\nvideo: /videos/v.mp4\n"
                      "featured: true\n---\n正文\n",
                      d);
  REQUIRE(a);
  REQUIRE(a->activity);
  REQUIRE(a->media);
  CHECK(a->activity->start.text == "2024-06-15 09:00");
  CHECK(a->activity->start.loc.line == 3);
  CHECK_FALSE(a->activity->end.given());
  CHECK(a->activity->place == "小广场");
  CHECK(a->activity->organizer.id == "jsyj");
  CHECK(a->activity->organizer.loc.line == 5);
  CHECK(a->activity->organizer.loc.col == 12);
  CHECK(a->activity->colour.text == "绿色志愿");
  CHECK(a->activity->capacity == 30);
  CHECK(a->activity->signup == "打电话");
  CHECK(a->activity->signup_url.text == "https://x.cn/f");
  REQUIRE(a->media->gallery.size() == 2);
  CHECK(a->media->gallery[1].path == "/images/2.jpg");
  CHECK(a->media->gallery[1].caption == "合影");
  CHECK(a->media->gallery[1].loc.line == 11);
  REQUIRE(a->media->videos.size() == 1);
  CHECK(a->media->videos[0].loc.line == 12);
  CHECK(a->featured);
  // Templates still see the section's keys as written.
  CHECK(a->params["place"].Scalar() == "小广场");

  auto g = parse_page("content/gongkai/fee.md",
                      "---\ntitle: 党费\ndisclosure: 党务公开\ncadence: 定期\nseries: 党费\nperiod: 2024-Q2\n"
                      "approval: {proposed: 社区党委, date: 2024-07-05}\nattachments: [/files/a.pdf, /files/b.pdf]\n---\n",
                      d);
  REQUIRE(g);
  REQUIRE(g->disclosure);
  CHECK(g->disclosure->kind.text == "党务公开");
  CHECK(g->disclosure->period.loc.line == 6);
  REQUIRE(g->disclosure->approval);
  CHECK(g->disclosure->approval->proposed == "社区党委");
  CHECK(g->disclosure->approval->date.text == "2024-07-05");
  REQUIRE(g->disclosure->attachments.size() == 2);
  CHECK(g->disclosure->attachments[1].text == "/files/b.pdf");
  CHECK(g->disclosure->attachments[1].loc.col == 29);
  CHECK_FALSE(d.has_errors());

  // A section's _index.md has none of them.
  auto index = parse_page("content/activities/_index.md", "---\ntitle: 志愿活动\n---\n", d);
  REQUIRE(index);
  CHECK_FALSE(index->activity);
}

TEST_CASE("a section key or photo of the wrong shape is reported where it is, and the page kept") {
  Diagnostics d;
  auto p = parse_page("content/activities/x.md",
                      "---\ntitle: x\nstart:\nplace: [a, b]\ngallery:\n  - /images/1.jpg\n  - [1, 2]\n---\n", d);
  auto all = d.sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].format().rfind("content/activities/x.md:4:8: front matter: 'place' must be text", 0) == 0);
  CHECK(all[0].hint.find("place: ") != std::string::npos);  // says what to type
  CHECK(all[1].format().rfind("content/activities/x.md:7:5: front matter: a gallery photo must be a path", 0) == 0);
  // Kept, so that domain/activities says in the same build that start: has
  // no value; the photo that can be used is kept, the other left out.
  REQUIRE(p);
  REQUIRE(p->activity);
  CHECK(p->activity->start.missing());
  CHECK(p->activity->start.at({}).line == 3);  // said at the empty start:
  CHECK(p->activity->place.empty());
  REQUIRE(p->media);
  CHECK(p->media->gallery.size() == 1);

  // Written, but as a list: not missing (no second error), not usable.
  Diagnostics d2;
  auto g = parse_page("content/gongkai/x.md", "---\ntitle: x\ndisclosure: [党务公开]\n---\n", d2);
  REQUIRE(g);
  CHECK(d2.error_count() == 1);
  CHECK_FALSE(g->disclosure->kind.missing());
  CHECK_FALSE(g->disclosure->kind.given());
}
