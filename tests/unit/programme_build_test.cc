// Whole builds of a small in-memory site with activities, brands, a ledger
// and honours: the pages docs/content/reference/urls.md lists exist and say the right things.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/date.h"
#include "core/fs.h"
#include "site/build.h"
#include "test_util.h"

using namespace hongfan;
namespace fs = std::filesystem;
using namespace hongfan::testing;

namespace {

MemoryFileSystem programme_site() {
  MemoryFileSystem s;
  s.add("site.yaml", "title: 测试社区\nbase_url: https://example.org/sub/\n"
                     "points: {categories: [先锋指数, 文明积分], top: 3}\n");
  s.add("content/brands/wucai.md", "---\ntitle: 五彩志愿\nslogan: 五彩缤纷\n---\n介绍\n");
  s.add("content/news/2024-06-01-n.md", "---\ntitle: 五彩志愿新闻\ndate: 2024-06-01\nbrand: wucai\n---\n正文\n");
  s.add("content/activities/past-one.md",
        "---\ntitle: 已办活动\nstart: 2024-06-15T09:00\nend: 2024-06-15T11:30\nplace: 小区广场\n"
        "brand: wucai\ncolor: 绿色志愿\ncapacity: 20\nsignup: 电话报名\npoints: 5\n---\n正文\n");
  s.add("content/activities/later.md",
        "---\ntitle: 后办活动\nstart: 2024-07-20T09:00\nend: 2024-07-20T11:00\nplace: 小区广场\n---\n");
  s.add("content/activities/sooner.md",
        "---\ntitle: 先办活动\nstart: 2024-07-05T19:00\nend: 2024-07-05T20:30\nplace: 会议室\ncolor: 蓝色调节\n---\n");
  s.add("data/points.csv",
        "date,person,grid,category,points,reason\n"
        "2024-06-01,李瑞勤,g01,先锋指数,5,a\n2024-06-02,王芳,g01,先锋指数,3,b\n"
        "2024-06-03,赵建国家,g02,先锋指数,3,c\n2024-06-04,李瑞勤,g01,兑换,-5,d\n"
        "2024-05-04,刘洋,g02,文明积分,2,e\n");
  s.add("data/honors.yaml", "honors:\n  - {title: 2024年度五星党员, kind: 五星党员, year: 2024, "
                            "awardees: [{name: 李瑞勤, grid: g01, stars: [学习星, 奉献星]}]}\n");
  return s;
}

}  // namespace

TEST_CASE("activities, brands, points and honours get their pages") {
  TempDir tmp;
  auto site = programme_site();
  const fs::path out = build_ok(tmp, site, "2024-07-01");
  for (const char* f : {"activities/index.html", "activities/2024/06/index.html", "activities/2024/07/index.html",
                        "activities/past-one/index.html", "activities.ics", "activities/past-one.ics",
                        "brands/index.html", "brands/wucai/index.html", "points/index.html",
                        "points/2024/index.html", "points/2024/06/index.html", "points/2024/05/index.html",
                        "points/grids/index.html", "points/rewards/index.html", "honors/index.html"})
    CHECK_MESSAGE(fs::exists(out / f), f);
  CHECK_FALSE(fs::exists(out / "activities/page/2"));  // not the generic list

  std::string index = slurp(out / "activities/index.html");
  auto upcoming = index.find("即将开始"), past = index.find("往期活动");
  CHECK(index.find("先办活动") < index.find("后办活动"));  // soonest first
  CHECK(index.find("先办活动") > upcoming);
  CHECK(index.find("已办活动") > past);

  std::string single = slurp(out / "activities/past-one/index.html");
  CHECK(contains(single, "2024年6月15日 星期六 9:00—11:30"));
  CHECK(contains(single, "已结束"));
  CHECK(contains(single, "绿色志愿"));
  CHECK(contains(single, "href=\"../../brands/wucai/\""));
  CHECK(contains(single, "请在浏览器中打开"));

  std::string june = slurp(out / "activities/2024/06/index.html");
  CHECK(contains(june, "href=\"../../../activities/2024/07/\""));  // next month with activities
  std::size_t day_headings = 0;
  for (std::size_t p = 0; (p = june.find("<h2><time", p)) != std::string::npos; ++p) ++day_headings;
  CHECK(day_headings == 1);  // only days that have activities

  std::string brand = slurp(out / "brands/wucai/index.html");
  CHECK(contains(brand, "已办活动"));
  CHECK(contains(brand, "五彩志愿新闻"));

  // June: 李*勤 5, then 王* and 赵**家 tied on 3 (rank 2, by name); the
  // redemption does not lower 李*勤's rank. top: 3.
  std::string june_points = slurp(out / "points/2024/06/index.html");
  auto r1 = june_points.find("<td>1</td><td>李*勤</td>");
  auto r2 = june_points.find("<td>2</td><td>王*</td>");
  auto r3 = june_points.find("<td>2</td><td>赵**家</td>");
  CHECK(r1 != std::string::npos);
  CHECK(r2 != std::string::npos);
  CHECK(r3 != std::string::npos);
  CHECK(r1 < r2);
  CHECK(r2 < r3);  // 王 (U+738B) sorts before 赵 (U+8D75)
  CHECK_FALSE(contains(june_points, "李瑞勤"));

  std::string honors = slurp(out / "honors/index.html");
  CHECK(contains(honors, "学习星"));
  CHECK(contains(honors, "获得2颗星"));

  std::string home = slurp(out / "index.html");
  CHECK(contains(home, "先办活动"));
  CHECK(contains(home, "<svg"));
}
