#include "data/points.h"

#include <doctest/doctest.h>

#include "data/site_data.h"

using namespace hongfan;

namespace {

Config config() {
  Config c;
  c.points_categories = {"先锋指数", "文明积分"};
  return c;
}

// People as issue 3's loader fills them.
SiteData people() {
  SiteData data;
  auto add = [&](const char* id, const char* name, const char* grid, bool pub) {
    Person p;
    p.id = id, p.name = name, p.grid = grid, p.is_public = pub;
    data.person_by_id[id] = data.people.size();
    data.people.push_back(p);
  };
  add("p001", "李瑞勤", "g01", false);
  add("p010", "王芳", "g01", true);
  add("p002", "张伟", "g02", false);
  add("p003", "张伟", "g02", false);
  return data;
}

}  // namespace

TEST_CASE("ledger people resolve by id or by a name unique in its grid") {
  MemoryFileSystem fs;
  fs.add("data/people.yaml", "people: []\n");  // present: ids and names are checked
  fs.add("data/points.csv",
         "date,person,grid,category,points,reason\n"
         "2024-06-01,p001,g01,先锋指数,5,a\n"
         "2024-06-02,王芳,g01,先锋指数,3,b\n"
         "2024/6/3,张伟,g02,文明积分,2,c\n"
         "2024-06-04,p001,g02,先锋指数,1,d\n"
         "2024-06-05,赵六,g01,先锋指数,1,e\n"
         "2024-06-06,p001,g01,兑换,-20,\"兑换洗衣液, 一瓶\"\n"
         "2024-06-07 10:30,p001,,先锋指数,2,f\n");
  Diagnostics d;
  Ledger l = load_points(fs, config(), people(), d);
  auto m = d.formatted();
  REQUIRE(m.size() == 4);
  CHECK(m[3].rfind("data/points.csv:7:1: warning: 李*勤 (grid g01) redeemed 20 points but earned only 7;", 0) == 0);
  CHECK(m[0] == "data/points.csv:4:10: person '张伟' is ambiguous in grid g02: 2 people have this name\n    hint: write the person's id instead");
  CHECK(m[1] == "data/points.csv:5:12: person 'p001' lives in grid g01, not g02\n    hint: write grid g01 in this row, or the id of the right person");
  CHECK(m[2] == "data/points.csv:6:12: person '赵六' is not in data/people.yaml for grid g01\n    hint: add the person to data/people.yaml, or check the name and the grid");
  REQUIRE(l.rows.size() == 4);
  CHECK(l.rows[3].grid == "g01");  // from the person
  CHECK(l.rows[0].person_key == "p001");
  CHECK(l.rows[0].name == "李*勤");
  CHECK(l.rows[1].person_key == "p010");
  CHECK(l.rows[1].name == "王芳");  // public: true
  CHECK(l.rows[2].points == -20);
  CHECK(l.rows[2].reason == "兑换洗衣液, 一瓶");
}

TEST_CASE("points.yaml carries the same fields") {
  MemoryFileSystem fs;
  fs.add("data/points.yaml", "points:\n  - {date: 2024-06-01, person: 李瑞勤, grid: g01, category: 先锋指数, points: 5}\n"
                             "  - {date: 2024-06-01, person: 王芳, grid: g01, category: 先锋指数, points: x}\n");
  Diagnostics d;
  Ledger l = load_points(fs, config(), SiteData{}, d);
  auto m = d.formatted();
  REQUIRE(m.size() == 1);
  CHECK(m[0].rfind("data/points.yaml:3:71: points 'x' is not a whole number", 0) == 0);
  REQUIRE(l.rows.size() == 1);
  CHECK(l.rows[0].name == "李*勤");
  CHECK(l.rows[0].person_key == "g01/李瑞勤");
}

TEST_CASE("Chinese headers, blank rows and grids named instead of given by id") {
  MemoryFileSystem fs;
  fs.add("data/grids.yaml", "grids: []\n");  // present: grids are checked
  fs.add("data/points.csv",
         "\xEF\xBB\xBF日期,姓名,网格,类别,积分,事由\r\n"
         ",,,,,\r\n"
         "2024年6月1日,李瑞勤,第一网格,先锋指数,5,义诊\r\n"
         "\r\n"
         "2024/6/2 9:30,王芳,g01,先锋指数,3,\r\n"
         "2024.6.3,赵六,第九网格,先锋指数,1,\r\n");
  SiteData data;
  Grid g;
  g.id = "g01", g.name = "第一网格";
  data.grids.push_back(g);
  data.grid_by_id["g01"] = 0;
  Diagnostics d;
  Ledger l = load_points(fs, config(), data, d);
  auto m = d.formatted();
  REQUIRE(m.size() == 1);
  CHECK(m[0] == "data/points.csv:6:13: grid '第九网格' is not in data/grids.yaml\n"
                "    hint: write a grid's id or name from data/grids.yaml, like g01 or 第一网格");
  REQUIRE(l.rows.size() == 2);
  CHECK(l.rows[0].grid == "g01");
  CHECK(l.rows[0].day == 1);
  CHECK(l.rows[1].day == 2);
  CHECK(l.rows[1].grid == "g01");
}

TEST_CASE("a missing column is named in the header's words") {
  MemoryFileSystem fs;
  fs.add("data/points.csv", "日期,人员,网格,积分\n2024-06-01,李瑞勤,g01,5\n");
  Diagnostics d;
  load_points(fs, config(), SiteData{}, d);
  auto m = d.formatted();
  REQUIRE(m.size() == 1);
  CHECK(m[0].rfind("data/points.csv:1:1: the first row (the header) has no '类别' column", 0) == 0);
}

TEST_CASE("two ledgers at once are an error, not a silent choice") {
  MemoryFileSystem fs;
  fs.add("data/points.csv", "date,person,grid,category,points\n2024-06-01,李瑞勤,g01,先锋指数,5\n");
  fs.add("data/points.xlsx", "PK");
  Diagnostics d;
  Ledger l = load_points(fs, config(), SiteData{}, d);
  auto m = d.formatted();
  REQUIRE(m.size() == 1);
  CHECK(m[0].rfind("data/points.xlsx:1:1: both data/points.csv and data/points.xlsx exist", 0) == 0);
  CHECK(l.rows.empty());
}

TEST_CASE("a workbook that is not one is an error") {
  MemoryFileSystem fs;
  fs.add("data/points.xlsx", "date,person\n");
  Diagnostics d;
  load_points(fs, config(), SiteData{}, d);
  auto m = d.formatted();
  REQUIRE(m.size() == 1);
  CHECK(m[0].rfind("data/points.xlsx:1:1: this is not an Excel workbook (.xlsx), or it is damaged", 0) == 0);
}

TEST_CASE("redeeming more than was earned warns, naming the masked person and the figures") {
  MemoryFileSystem fs;
  fs.add("data/points.csv",
         "date,person,grid,category,points\n"
         "2024-06-01,李瑞勤,g01,先锋指数,5\n"
         "2024-06-02,李瑞勤,g01,兑换,-20\n"
         "2024-06-03,李瑞勤,g01,先锋指数,5\n"
         "2024-06-03,王芳,g01,先锋指数,5\n");
  Diagnostics d;
  Ledger l = load_points(fs, config(), SiteData{}, d);
  auto m = d.formatted();
  REQUIRE(m.size() == 1);
  CHECK(m[0] == "data/points.csv:3:1: warning: 李*勤 (grid g01) redeemed 20 points but earned only 10; "
                "the points pages show a balance of 0\n"
                "    hint: check this person's rows: an award may be missing, or a redemption written twice");
  CHECK(l.rows.size() == 4);
  CHECK_FALSE(d.has_errors());
}
