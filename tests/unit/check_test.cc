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
  CHECK(r[0].rfind("content/news/2024-06-03-c.md:8:1: text link '/news/zzz/' leads nowhere", 0) == 0);
  CHECK(r[1].rfind("content/news/2024-06-03-c.md:9:1: text link '/news/b/#没有': content/news/2024-06-02-b.md has no "
                   "heading '#没有'",
                   0) == 0);
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
  CHECK(r[0].find(":6:3: warning: mobile number 13912345678 is not masked") != std::string::npos);
  // The pipeline's own guard reports it, at its column.
  CHECK(r[1].find(":8:3: an ID-card number must never be published") != std::string::npos);
}

TEST_CASE("check output as JSON") {
  auto site = clean_site();
  site.add("content/news/2024-06-03-c.md",
           "---\ntitle: C\ndate: 2024-06-03\n---\n![图](/images/no.png)\n\n电话13912345678\n");
  Diagnostics d;
  CHECK_FALSE(check_site(site, {}, d));
  std::string j = diagnostics_json(d);
  CHECK(j.find("\"errors\": 1") != std::string::npos);
  CHECK(j.find("\"warnings\": 1") != std::string::npos);
  CHECK(j.find("\"line\": 5") != std::string::npos);
}

TEST_CASE("mobile numbers are found in every section and in data, staff phones excepted") {
  auto site = clean_site();
  site.add("data/org.yaml", "units:\n  - {id: c1, name: 一社区, secretary: 张三, phone: 13800000009}\n");
  site.add("data/grids.yaml",
           "grids:\n  - id: g01\n    name: 第一网格\n    community: c1\n"
           "    intro: 居民刘某 13711112222 反映\n"
           "    staff:\n      - {role: 网格长, name: 王芳, phone: \"139-5379-2957\"}\n");
  site.add("data/honors.yaml", "honors:\n  - title: 好邻居\n    awardees: [{name: 李某, story: 电话 137 1111 3333}]\n");
  site.add("content/notices/2024-06-05-n.md",
           "---\ntitle: N\ndate: 2024-06-05\nsummary: s\n---\n居民联系电话 139-1234-5678。\n\n"
           "网格长王芳 13953792957（工作电话）。\n");
  site.add("content/pages/about.md", "---\ntitle: 关于\nsummary: s\n---\n书记电话 13800000009。\n");
  Diagnostics d;
  check_site(site, {}, d);
  std::vector<std::string> mobiles;
  for (const auto& x : d.sorted())
    if (x.message.find("mobile number") != std::string::npos)
      mobiles.push_back(x.loc.file + ":" + std::to_string(x.loc.line) + ":" + std::to_string(x.loc.col) + " " +
                        x.message.substr(0, x.message.find(" is")));
  CHECK(mobiles == std::vector<std::string>{
                       "content/notices/2024-06-05-n.md:6:8 mobile number 139-1234-5678",
                       "data/grids.yaml:5:17 mobile number 13711112222",
                       "data/honors.yaml:3:37 mobile number 137 1111 3333",
                   });
}

TEST_CASE("the example base_url is reported when the site prints QR cards") {
  auto site = clean_site();
  site.add("site.yaml", "title: 检查\nbase_url: https://example.gov.cn/\nshare: {image: /images/share.png}\n");
  auto qr_warnings = [](const MemoryFileSystem& s) {
    Diagnostics d;
    check_site(s, {}, d);
    std::vector<std::string> out;
    for (const auto& x : d.sorted())
      if (x.message.find("QR") != std::string::npos)
        out.push_back(x.loc.file + ":" + std::to_string(x.loc.line) + ": " + x.message);
    return out;
  };
  CHECK(qr_warnings(site).empty());  // no grids, no cards
  site.add("data/org.yaml", "units:\n  - {id: c1, name: 一社区}\n");
  site.add("data/grids.yaml", "grids:\n  - {id: g01, name: 第一网格, community: c1}\n");
  auto w = qr_warnings(site);
  REQUIRE(w.size() == 1);
  CHECK(w[0] == "site.yaml:2: base_url is still the example address https://example.gov.cn/: the QR codes on the "
                "printed grid service cards would point to a site that does not exist");
  site.add("site.yaml", "title: 检查\nbase_url: https://www.jsjy.gov.cn/\nshare: {image: /images/share.png}\n");
  CHECK(qr_warnings(site).empty());
}

TEST_CASE("a page still holding the starter's placeholder is a draft, with a warning") {
  auto site = clean_site();
  site.add("content/news/2024-06-03-new.md", "---\ntitle: 新文章\ndate: 2024-06-03\nsummary: s\n---\n\n在这里写正文。\n");
  Diagnostics d;
  Timings t;
  auto p = prepare_site(site, {}, d, t);
  REQUIRE(p);
  for (const auto& page : p->content.pages) CHECK(page.source != "content/news/2024-06-03-new.md");
  auto r = d.formatted();
  REQUIRE(r.size() == 1);
  CHECK(r[0].rfind("content/news/2024-06-03-new.md:7:1: warning: the body is still the placeholder", 0) == 0);
  BuildOptions drafts;
  drafts.drafts = true;
  Diagnostics d2;
  auto with_drafts = prepare_site(site, drafts, d2, t);
  REQUIRE(with_drafts);
  CHECK(with_drafts->content.pages.size() == 3);
}

TEST_CASE("files under content/ that are not Markdown are named") {
  auto site = clean_site();
  site.add("content/news/通知.docx", "PK");
  site.add("content/news/~$通知.docx", "lock");  // Word's lock file beside an open document
  site.add("content/表格.xlsx", "PK");
  Diagnostics d;
  CHECK(check_site(site, {}, d));
  auto r = d.formatted();
  REQUIRE(r.size() == 2);
  CHECK(r[0].rfind("content/news/通知.docx: warning: this file is not Markdown (.md)", 0) == 0);
  CHECK(r[1].rfind("content/表格.xlsx: warning: this file is not Markdown (.md)", 0) == 0);
}

TEST_CASE("a build reviews the site with check's rules, as warnings") {
  auto site = clean_site();
  site.add("content/news/2024-06-03-c.md", "---\ntitle: C\ndate: 2024-06-03\nsummary: s\n---\n![](/images/no.png)\n");
  Diagnostics d;
  Timings t;
  auto p = prepare_site(site, {}, d, t);
  REQUIRE(p);
  review_site(*p, d, true);
  CHECK(d.error_count() == 0);
  auto r = d.formatted();
  REQUIRE(r.size() == 1);
  CHECK(r[0].rfind("content/news/2024-06-03-c.md:6:1: warning: image '/images/no.png' not found", 0) == 0);
}
