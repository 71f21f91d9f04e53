// hongfan check on sites held in memory: each rule reports at file:line.
#include <doctest/doctest.h>

#include "check/check.h"

using namespace hongfan;

namespace {
MemoryFileSystem clean_site() {
  MemoryFileSystem s;
  s.add("site.yaml", "title: 检查\nshare: {image: /images/share.png}\nmenu:\n  - {name: 新闻, url: /news/}\n");
  s.add("static/images/share.png", "png");
  s.add("content/news/2024-06-01-a.md",
        "---\ntitle: A\ndate: 2024-06-01\nsummary: 摘要\n---\n## 第一节\n\n[回到本节](#第一节) [B](/news/b/#小结) [首页](/)\n");
  s.add("content/news/2024-06-02-b.md", "---\ntitle: B\ndate: 2024-06-02\nsummary: 摘要\n---\n## 小结\n\n[A](../a/)\n");
  return s;
}

}  // namespace

TEST_CASE("check passes a clean site and writes nothing") {
  auto site = clean_site();
  Diagnostics d;
  CHECK(check_site(site, {}, d));
  CHECK(d.formatted().empty());
}

TEST_CASE("check reports broken links and anchors at their lines") {
  auto site = clean_site();
  site.add("content/news/2024-06-03-c.md",
           "---\ntitle: C\ndate: 2024-06-03\nsummary: s\n---\n正文\n\n[坏](/news/zzz/)\n[锚](/news/b/#没有)\n");
  Diagnostics d;
  CHECK_FALSE(check_site(site, {}, d));
  auto r = d.formatted();
  REQUIRE(r.size() == 2);
  CHECK(r[0].rfind("content/news/2024-06-03-c.md:8:1: broken link '/news/zzz/'", 0) == 0);
  CHECK(r[1].rfind("content/news/2024-06-03-c.md:9:1: link '/news/b/#没有': anchor '#没有'", 0) == 0);
}

TEST_CASE("check reports an ID-card number as an error and a mobile number as a warning") {
  auto site = clean_site();
  site.add("content/news/2024-06-03-c.md",
           "---\ntitle: C\ndate: 2024-06-03\nsummary: s\n---\n电话13912345678\n\n证件110105194912310021\n");
  Diagnostics d;
  CHECK_FALSE(check_site(site, {}, d));
  CHECK(d.error_count() == 1);
  CHECK(d.warning_count() == 1);
  auto r = d.formatted();
  CHECK(r[0].find(":6:1: warning: unmasked mobile number 13912345678") != std::string::npos);
  // The pipeline's own guard reports it, at its column.
  CHECK(r[1].find(":8:3: an 18-digit ID-card number must never be published") != std::string::npos);
}

TEST_CASE("check output as JSON") {
  auto site = clean_site();
  site.add("content/news/2024-06-03-c.md", "---\ntitle: C\ndate: 2024-06-03\n---\n![图](/images/no.png)\n");
  Diagnostics d;
  CHECK_FALSE(check_site(site, {}, d));
  std::string j = diagnostics_json(d);
  CHECK(j.find("\"errors\": 1") != std::string::npos);
  CHECK(j.find("\"warnings\": 1") != std::string::npos);
  CHECK(j.find("\"line\": 5") != std::string::npos);
}
