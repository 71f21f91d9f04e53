#include "site/page_store.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("a stored page comes back with every field as it was") {
  Page p;
  p.source = "content/news/x.md";
  p.section = "news";
  p.slug = "x";
  p.url = "news/x/";
  p.title = "社区开展消防演练";
  p.summary = "摘要";
  p.author = "张三";
  p.source_name = "街道党工委";
  p.cover = "/images/a.jpg";
  p.date = 1700000000;
  p.has_time = true;
  p.tags = {"消防", "安全"};
  p.categories = {"活动"};
  p.pinned = true;
  p.expires = 1800000000;
  p.org = {"jsyj", {"content/news/x.md", 7, 6}};
  p.station = {"s1", {"content/news/x.md", 8, 10}};
  p.body_first_line = 12;
  p.section_position = 41;
  p.content_html = "<p>正文</p>\n";
  p.plain_summary = "正文";
  p.card_summary = "正文";
  p.date_long = "2023年11月15日 星期三";
  p.date_short = "2023年11月15日";
  p.date_iso = "2023-11-15T06:13:20+08:00";
  p.refs = {{true, "a.jpg", 14, "演练现场"}, {false, "/news/", 15, ""}};
  p.anchors = {"fn-1"};
  p.media_done = true;
  p.mobiles = {{{"content/news/x.md", 20, 3}, "139-5379-2957", false}};
  p.cover_loc = {"content/news/x.md", 9, 8};
  p.slug_from_title = true;
  p.title_loc = {"content/news/x.md", 2, 8};

  const std::string bytes = encode_page(p);
  auto back = decode_page(bytes);
  REQUIRE(back);
  // Encoding again gives the same bytes: no field was lost on the way.
  CHECK(encode_page(*back) == bytes);
  CHECK(back->title == p.title);
  CHECK(back->org.loc.line == 7);
  CHECK(back->refs.size() == 2);
  CHECK(back->mobiles.at(0).text == "139-5379-2957");
  CHECK(back->date == p.date);
  CHECK_FALSE(back->publish_date);

  // Bytes cut short, or with something after the page, are no page.
  CHECK_FALSE(decode_page(std::string_view(bytes).substr(0, bytes.size() - 1)));
  CHECK_FALSE(decode_page(bytes + "x"));
}
