#include "domain/rankings.h"

#include <doctest/doctest.h>

using namespace hongfan;

namespace {
PointsRow row(int m, const char* key, const char* name, const char* cat, long long pts) {
  PointsRow r;
  r.year = 2025, r.month = m, r.day = 1;
  r.person_key = key, r.name = name, r.full_name = name, r.grid = "g01", r.category = cat, r.points = pts;
  return r;
}
}  // namespace

TEST_CASE("ties share a rank and redemptions do not lower rankings") {
  std::vector<PointsRow> rows = {
      row(6, "p1", "李*勤", "先锋指数", 10), row(6, "p2", "王*", "先锋指数", 8),
      row(6, "p3", "张*", "先锋指数", 8),    row(6, "p4", "赵**家", "先锋指数", 5),
      row(6, "p1", "李*勤", "兑换", -9),      row(5, "p4", "赵**家", "先锋指数", 100),
      row(6, "p5", "孙*", "文明积分", 50)};
  auto r = rank_people(rows, "先锋指数", month_period(2025, 6), 20);
  REQUIRE(r.size() == 4);
  CHECK(r[0].key == "p1");
  CHECK(r[0].points == 10);
  CHECK(r[1].rank == 2);
  CHECK(r[2].rank == 2);
  CHECK(r[1].name < r[2].name);  // stable order by name among ties
  CHECK(r[3].rank == 4);
  CHECK(rank_people(rows, "先锋指数", month_period(2025, 6), 2).size() == 3);  // the tie at the cut stays
  CHECK(rank_people(rows, "先锋指数", year_period(2025), 20)[0].key == "p4");
  CHECK(balance_of(rows, "p1") == 1);
  CHECK(quarter_period(2025, 6).key() == "2025-Q2");
  CHECK(quarter_period(2025, 6).label() == "2025年第二季度");
}

TEST_CASE("grids rank by points per household") {
  std::vector<PointsRow> rows = {row(6, "p1", "a", "x", 100)};
  rows.push_back(rows[0]);
  rows[1].grid = "g02";
  rows[1].points = 150;
  auto g = rank_grids(rows, {{"g01", 100}, {"g02", 300}, {"g03", 0}}, Period{});
  REQUIRE(g.size() == 3);
  CHECK(g[0].grid == "g01");
  CHECK(g[1].grid == "g02");
  CHECK(g[2].rank == 0);
}
