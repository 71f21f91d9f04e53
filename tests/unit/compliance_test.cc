// Issue 12: what a 党建 portal must publish (备案 footer, article metadata,
// scheduled and expiring notices, archives, 三务公开) and the checks an
// inspector runs — on small sites held in memory.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "check/check.h"
#include "check/inspector.h"
#include "config/config.h"
#include "content/disclosures.h"
#include "site/next_change.h"
#include "test_util.h"

using namespace hongfan;
using namespace hongfan::testing;
namespace fs = std::filesystem;

namespace {

MemoryFileSystem portal() {
  MemoryFileSystem s;
  s.add("site.yaml",
        "title: 测试社区\nbase_url: https://example.org/\n"
        "menu:\n  - {name: 首页, url: /}\n  - {name: 通知, url: /notices/}\n"
        "filing:\n  icp: 鲁ICP备12345678号-1\n  police: 鲁公网安备37080202000123号\n"
        "  site_code: \"3708000001\"\n  owner: 测试社区党委\n  contact: 0537-1234567\n");
  s.add("content/news/2024-06-01-a.md",
        "---\ntitle: 新闻甲\ndate: 2024-06-01 09:30\nsource: 齐鲁晚报\nauthor: 王芳\ntags: [志愿服务]\n"
        "summary: 摘要\n---\n正文。\n");
  s.add("content/news/2024-05-20-b.md", "---\ntitle: 新闻乙\ndate: 2024-05-20\nsummary: 摘要\n---\n正文。\n");
  s.add("content/news/2023-12-01-c.md", "---\ntitle: 新闻丙\ndate: 2023-12-01\nsummary: 摘要\n---\n正文。\n");
  s.add("content/notices/2024-06-10-pinned.md",
        "---\ntitle: 报名截止通知\ndate: 2024-06-10\npinned: true\nexpires: 2024-06-30\nsummary: 摘要\n---\n报名到6月30日。\n");
  s.add("content/notices/2024-07-10-later.md",
        "---\ntitle: 定时发布的停水通知\ndate: 2024-07-10\npublish_date: 2024-07-10 08:00\nsummary: 摘要\ntags: [停水]\n---\n"
        "定时发布。\n");
  return s;
}

// Files under `dir` whose text contains `needle`, as paths relative to it.
std::vector<std::string> files_containing(const fs::path& dir, const std::string& needle) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && contains(slurp(e.path()), needle))
      out.push_back(fs::relative(e.path(), dir).string());
  std::sort(out.begin(), out.end());
  return out;
}

std::int64_t at(const char* when) { return parse_datetime(when)->epoch; }

}  // namespace

TEST_CASE("the footer shows the filing on every page, linked, and the head carries SiteIDCode") {
  TempDir tmp;
  auto site = portal();
  auto out = build_ok(tmp, site, "2024-07-01");
  for (const char* page : {"index.html", "news/index.html", "news/a/index.html", "404.html"}) {
    std::string html = slurp(out / page);
    CAPTURE(page);
    CHECK(contains(html, "<a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\">鲁ICP备12345678号-1</a>"));
    CHECK(contains(html, "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=37080202000123"));
    CHECK(contains(html, "鲁公网安备37080202000123号</a>"));
    CHECK(contains(html, "主办单位：测试社区党委"));
    CHECK(contains(html, "0537-1234567"));
    CHECK(contains(html, "网站标识码：3708000001"));
    CHECK(contains(html, "<meta name=\"SiteIDCode\" content=\"3708000001\">"));
    CHECK(contains(html, "<meta name=\"SiteName\" content=\"测试社区\">"));
    CHECK(contains(html, "<meta name=\"SiteDomain\" content=\"example.org\">"));
  }
}

TEST_CASE("an article carries the design spec's metadata and shows 发布时间, 来源 and 作者") {
  TempDir tmp;
  auto site = portal();
  auto out = build_ok(tmp, site, "2024-07-01");
  std::string a = slurp(out / "news/a/index.html");
  CHECK(contains(a, "<meta name=\"ColumnName\" content=\"新闻动态\">"));
  CHECK(contains(a, "<meta name=\"ArticleTitle\" content=\"新闻甲\">"));
  CHECK(contains(a, "<meta name=\"PubDate\" content=\"2024-06-01 09:30\">"));
  CHECK(contains(a, "<meta name=\"ContentSource\" content=\"齐鲁晚报\">"));
  CHECK(contains(a, "<meta name=\"Keywords\" content=\"志愿服务\">"));
  CHECK(contains(a, "发布时间："));
  CHECK(contains(a, "来源：齐鲁晚报"));
  CHECK(contains(a, "作者：王芳"));
  // Not on list pages.
  CHECK_FALSE(contains(slurp(out / "news/index.html"), "ArticleTitle"));
}

TEST_CASE("a page with a publish_date exists nowhere before it, everywhere after") {
  auto site = portal();
  const std::string title = "定时发布的停水通知";
  {
    TempDir tmp;
    auto out = build_ok(tmp, site, "2024-07-09");
    CHECK(files_containing(out, title).empty());
    CHECK(files_containing(out, "notices/later/").empty());  // not even in the sitemap
    CHECK_FALSE(fs::exists(out / "notices/later"));
    CHECK_FALSE(fs::exists(out / "tags/停水"));
  }
  {
    TempDir tmp;
    auto out = build_ok(tmp, site, "2024-07-10 08:00");
    auto found = files_containing(out, title);
    for (const char* f : {"notices/index.html", "notices/later/index.html", "feed.xml", "index.html",
                          "tags/停水/index.html"})
      CHECK_MESSAGE(std::find(found.begin(), found.end(), f) != found.end(), f);
    CHECK(contains(slurp(out / "sitemap.xml"), "https://example.org/notices/later/"));
    bool in_search = false;
    for (const auto& f : found) in_search |= f.rfind("search/", 0) == 0;
    CHECK(in_search);
  }
}

TEST_CASE("after expires a notice is marked 已截止, leaves home and the pinned list, stays in its section") {
  auto site = portal();
  {
    TempDir tmp;
    auto out = build_ok(tmp, site, "2024-06-30 12:00");  // `expires: 2024-06-30` runs through that day
    std::string home = slurp(out / "index.html");
    CHECK(contains(home, "报名截止通知"));
    CHECK_FALSE(contains(slurp(out / "notices/pinned/index.html"), "已截止"));
  }
  TempDir tmp;
  auto out = build_ok(tmp, site, "2024-07-01");
  CHECK_FALSE(contains(slurp(out / "index.html"), "报名截止通知"));
  std::string list = slurp(out / "notices/index.html");
  CHECK(contains(list, "已截止</span>报名截止通知"));
  CHECK_FALSE(contains(list, "置顶</span>"));
  CHECK(contains(slurp(out / "notices/pinned/index.html"), "已截止"));
}

TEST_CASE("the build reports the next instant the output changes by time alone") {
  auto site = portal();
  TempDir tmp;
  BuildOptions o;
  o.output_dir = (tmp.path / "public").string();
  o.now = at("2024-06-20");
  Diagnostics d;
  BuildStats stats;
  REQUIRE(build_site(site, o, d, &stats));
  REQUIRE(stats.next_change);
  CHECK(*stats.next_change == at("2024-07-01"));  // the day after `expires: 2024-06-30`
  CHECK(slurp(tmp.path / ".hongfan-cache/next-build") ==
        std::to_string(at("2024-07-01")) + " 2024-07-01T00:00:00+08:00\n");
  o.now = at("2024-07-02");
  REQUIRE(build_site(site, o, d, &stats));
  CHECK(*stats.next_change == at("2024-07-10 08:00"));  // the publish_date
  CHECK(describe_next_change(stats.next_change) == "2024-07-10 08:00");
  o.now = at("2024-08-01");
  REQUIRE(build_site(site, o, d, &stats));
  CHECK_FALSE(stats.next_change);
  CHECK(slurp(tmp.path / ".hongfan-cache/next-build") == "none\n");
}

TEST_CASE("news-type sections have archives by year and month, linked from the section") {
  TempDir tmp;
  auto site = portal();
  auto out = build_ok(tmp, site, "2024-07-01");
  std::string year = slurp(out / "news/2024/index.html");
  CHECK(contains(year, "新闻甲"));
  CHECK(contains(year, "新闻乙"));
  CHECK_FALSE(contains(year, "新闻丙"));
  CHECK(year.find("新闻甲") < year.find("新闻乙"));  // newest first
  std::string june = slurp(out / "news/2024/06/index.html");
  CHECK(contains(june, "新闻甲"));
  CHECK_FALSE(contains(june, "新闻乙"));
  CHECK(fs::exists(out / "news/2023/12/index.html"));
  CHECK(fs::exists(out / "notices/2024/06/index.html"));
  std::string list = slurp(out / "news/index.html");
  CHECK(contains(list, "href=\"../news/2024/\""));
  CHECK(contains(list, "href=\"../news/2024/06/\""));
  CHECK(contains(list, "href=\"../news/2023/12/\""));
  CHECK(contains(slurp(out / "sitemap.xml"), "https://example.org/news/2024/06/"));
}

namespace {

MemoryFileSystem gongkai_site() {
  MemoryFileSystem s = portal();
  s.add("static/files/gongyue.pdf", "%PDF-1.4\n");
  const char* approval = "approval: {proposed: 社区党委, reviewed: 两委联席会议, approved: 街道党工委, date: 2024-07-05}\n";
  s.add("content/gongkai/2024-04-05-q1.md",
        std::string("---\ntitle: 2024年第一季度党费收缴情况\ndate: 2024-04-05\ndisclosure: 党务公开\ncadence: 定期\n"
                    "series: 党费收缴情况\nperiod: 2024-Q1\n") + approval + "---\n正文\n");
  s.add("content/gongkai/2024-07-05-q2.md",
        std::string("---\ntitle: 2024年第二季度党费收缴情况\ndate: 2024-07-05\ndisclosure: 党务公开\ncadence: 定期\n"
                    "series: 党费收缴情况\nperiod: 2024-Q2\n") + approval + "---\n正文\n");
  s.add("content/gongkai/2024-06-01-gongyue.md",
        "---\ntitle: 居民公约修订\ndate: 2024-06-01\ndisclosure: 居务公开\ncadence: 即时\n"
        "attachments: [/files/gongyue.pdf]\n---\n正文\n");
  s.add("content/gongkai/2024-01-10-caiwu.md",
        "---\ntitle: 2023年度经费收支\ndate: 2024-01-10\ndisclosure: 财务公开\ncadence: 定期\nseries: 经费收支\n"
        "period: 2023\n---\n正文\n");
  return s;
}

}  // namespace

TEST_CASE("/gongkai/ lists disclosures by kind, then period, newest first; items show approval and attachments") {
  TempDir tmp;
  auto site = gongkai_site();
  auto out = build_ok(tmp, site, "2024-07-10");
  std::string index = slurp(out / "gongkai/index.html");
  auto pos = [&](const char* s) { return index.find(s); };
  CHECK(pos("党务公开</h2>") < pos("居务公开</h2>"));
  CHECK(pos("居务公开</h2>") < pos("财务公开</h2>"));
  CHECK(pos("2024年第二季度</h3>") < pos("2024年第一季度</h3>"));
  CHECK(pos("2024年第二季度党费收缴情况") < pos("2024年第一季度党费收缴情况"));
  CHECK(pos("2024年第一季度党费收缴情况") < pos("居民公约修订"));
  std::string item = slurp(out / "gongkai/q2/index.html");
  CHECK(contains(item, "提出：社区党委"));
  CHECK(contains(item, "审核：两委联席会议"));
  CHECK(contains(item, "审批：街道党工委"));
  CHECK(contains(item, "2024年7月5日"));
  CHECK(contains(item, "<meta name=\"ArticleTitle\""));
  std::string gy = slurp(out / "gongkai/gongyue/index.html");
  CHECK(contains(gy, "<a href=\"../../files/gongyue.pdf\">gongyue.pdf</a>"));
  CHECK(fs::exists(out / "files/gongyue.pdf"));
}

TEST_CASE("a missing attachment or an unknown kind stops the build at its line") {
  auto site = gongkai_site();
  site.add("content/gongkai/2024-06-02-bad.md",
           "---\ntitle: 坏\ndate: 2024-06-02\ndisclosure: 党务公开\nattachments:\n  - /files/nope.pdf\n---\n正文\n");
  site.add("content/gongkai/2024-06-03-kind.md", "---\ntitle: 坏类别\ndate: 2024-06-03\ndisclosure: 党物公开\n---\n正文\n");
  TempDir tmp;
  BuildOptions o;
  o.output_dir = (tmp.path / "public").string();
  o.now = at("2024-07-10");
  Diagnostics d;
  CHECK_FALSE(build_site(site, o, d));
  auto r = d.formatted();
  bool attachment = false, kind = false;
  for (const auto& line : r) {
    attachment |= line.rfind("content/gongkai/2024-06-02-bad.md:6:5:", 0) == 0 && contains(line, "/files/nope.pdf");
    kind |= line.rfind("content/gongkai/2024-06-03-kind.md:4:13:", 0) == 0 && contains(line, "党物公开");
  }
  CHECK_MESSAGE(attachment, d.formatted().size());
  CHECK(kind);
}

TEST_CASE("disclosure periods: parse, next, end") {
  auto q = parse_period("2024-Q4");
  REQUIRE(q);
  CHECK(q->per_year == 4);
  CHECK(q->next().text == "2025-Q1");
  CHECK(q->end_epoch() == at("2025-01-01"));
  CHECK(parse_period("2024-06")->end_epoch() == at("2024-07-01"));
  CHECK(parse_period("2024")->title() == "2024年");
  CHECK(parse_period("2024-Q2")->title() == "2024年第二季度");
  CHECK_FALSE(parse_period("2024-Q5"));
  CHECK_FALSE(parse_period("2024-13"));
  CHECK_FALSE(parse_period("去年"));
}

TEST_CASE("base_url: which hosts are public") {
  Config c;
  for (const char* url : {"https://jsjy.gov.cn/", "http://8.8.8.8/x/", "https://www.jinan.gov.cn/"}) {
    c.base_url = url;
    CHECK_MESSAGE(c.public_host(), url);
  }
  for (const char* url : {"http://localhost/", "https://example.gov.cn/jsjy/", "https://example.org/", "http://127.0.0.1:8080/",
                          "http://192.168.1.20/", "http://10.0.0.5/", "http://172.20.0.1/", "http://site.test/",
                          "http://[::1]:1313/", "http://demo.local/"}) {
    c.base_url = url;
    CHECK_FALSE_MESSAGE(c.public_host(), url);
  }
  Filing f;
  f.police = "鲁公网安备37080202000123号";
  CHECK(f.police_code() == "37080202000123");
}

namespace {

// Every planted problem of issue 12's acceptance, in one site.
MemoryFileSystem inspected_site() {
  MemoryFileSystem s;
  s.add("site.yaml",
        "title: 检查\nbase_url: https://jsjy.gov.cn/\nshare: {image: /images/share.png}\n"
        "menu:\n  - {name: 新闻, url: /news/}\n  - {name: 专题, url: /topics/}\n");
  s.add("static/images/share.png", "png");
  s.add("static/images/a.png", "png");
  s.add("data/terms.yaml", "terms:\n  - {wrong: 金色家苑, right: 金色嘉苑}\n");
  s.add("content/topics/_index.md", "---\ntitle: 专题\n---\n");
  s.add("content/news/2024-05-01-a.md",
        "---\ntitle: 扫黑险恶专项斗争\ndate: 2024-05-01\nsummary: 摘要\n---\n"
        "社区开展扫黑险恶宣传。\n\n欢迎来到金色家苑。\n\n![](/images/a.png)\n\n![说明](/images/a.png)\n");
  const char* q = "---\ntitle: 党费\ndate: {}\nsummary: 摘要\ndisclosure: 党务公开\ncadence: 定期\nseries: 党费收缴情况\n"
                  "period: {}\n---\n正文\n";
  s.add("content/gongkai/2024-01-05-q4.md", fmt::format(fmt::runtime(q), "2024-01-05", "2023-Q4"));
  s.add("content/gongkai/2024-04-05-q1.md", fmt::format(fmt::runtime(q), "2024-04-05", "2024-Q1"));
  return s;
}

bool has(const std::vector<std::string>& lines, const std::string& prefix, const std::string& words) {
  for (const auto& l : lines)
    if (l.rfind(prefix, 0) == 0 && contains(l, words)) return true;
  return false;
}

}  // namespace

TEST_CASE("check finds each planted problem with its fix") {
  auto site = inspected_site();
  BuildOptions o;
  o.now = at("2024-07-16");  // 2024-Q2 ended 15 days ago; the news is 76 days old
  Diagnostics d;
  CHECK_FALSE(check_site(site, o, d));
  auto r = d.formatted();
  std::string all;
  for (const auto& l : r) all += l + "\n";
  CAPTURE(all);
  // 错敏词: the built-in list (title and body) and data/terms.yaml, with the right form.
  CHECK(has(r, "content/news/2024-05-01-a.md:2:8: ", "扫黑险恶"));
  CHECK(has(r, "content/news/2024-05-01-a.md:6:5: ", "扫黑险恶"));
  CHECK(has(r, "content/news/2024-05-01-a.md:8:5: ", "金色家苑"));
  CHECK(contains(all, "扫黑除恶"));
  CHECK(contains(all, "金色嘉苑"));
  // A public base_url without an ICP number.
  CHECK(has(r, "site.yaml:2:1: ", "ICP"));
  // A stale news column, an empty one and the menu entry that leads there.
  CHECK(has(r, "content/news/2024-05-01-a.md:1:1: warning: ", "76"));
  CHECK(has(r, "content/topics/_index.md:1:1: warning: ", "专题"));
  CHECK(has(r, "site.yaml:6:1: warning: ", "/topics/"));
  // The image without alt text (and not the one with it).
  CHECK(has(r, "content/news/2024-05-01-a.md:10:1: warning: ", "/images/a.png"));
  CHECK_FALSE(has(r, "content/news/2024-05-01-a.md:12:", "alt"));
  // The overdue 定期 disclosure.
  CHECK(has(r, "content/gongkai/2024-04-05-q1.md:7:9: warning: ", "2024年第二季度"));
  CHECK(contains(all, "period: 2024-Q2"));
}

TEST_CASE("check is quiet on a fresh, filed site and before a period is overdue") {
  auto site = inspected_site();
  site.add("site.yaml", "title: 检查\nbase_url: https://jsjy.gov.cn/\nshare: {image: /images/share.png}\n"
                        "filing: {icp: 鲁ICP备12345678号-1}\nmenu:\n  - {name: 新闻, url: /news/}\n");
  site.add("content/news/2024-05-01-a.md",
           "---\ntitle: 扫黑除恶专项斗争\ndate: 2024-05-01\nsummary: 摘要\n---\n正文。\n\n![说明](/images/a.png)\n");
  MemoryFileSystem clean;
  for (const char* f : {"site.yaml", "static/images/share.png", "static/images/a.png", "data/terms.yaml",
                        "content/news/2024-05-01-a.md", "content/gongkai/2024-01-05-q4.md",
                        "content/gongkai/2024-04-05-q1.md"})
    clean.add(f, *site.read(f));
  BuildOptions o;
  o.now = at("2024-05-10");  // 2024-Q1 is there; Q2 has not ended
  Diagnostics d;
  CHECK(check_site(clean, o, d));
  CHECK(d.formatted().empty());
}

TEST_CASE("text positions count characters, not bytes") {
  std::string t = "第一行\n社区开展扫黑险恶宣传";
  auto p = text_position(t, t.find("扫黑险恶"));
  CHECK(p.line == 2);
  CHECK(p.col == 5);
  CHECK(line_of_key("title: x\nbase_url: y\n", "base_url") == 2);
  CHECK(line_of_key("menu:\n  - {name: a, url: /}\n", "name") == 2);
}
