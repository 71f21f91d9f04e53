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

TEST_CASE("GBK, UTF-8 and UTF-8 with BOM all decode to the same text") {
  std::string utf8 = "date,person\n2024-06-01,李瑞勤\n";
  CHECK(*decode_text(utf8) == utf8);
  CHECK(*decode_text("\xEF\xBB\xBF" + utf8) == utf8);
  // 李瑞勤 in GBK: C0EE C8F0 C7DA
  CHECK(*decode_text("date,person\n2024-06-01,\xC0\xEE\xC8\xF0\xC7\xDA\n") == utf8);
}

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
  REQUIRE(m.size() == 3);
  CHECK(m[0] == "data/points.csv:4:10: person '张伟' is ambiguous in grid g02: 2 people have this name\n    hint: write the person's id instead");
  CHECK(m[1] == "data/points.csv:5:12: person 'p001' lives in grid g01, not g02");
  CHECK(m[2] == "data/points.csv:6:12: person '赵六' is not in data/people.yaml for grid g01");
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
