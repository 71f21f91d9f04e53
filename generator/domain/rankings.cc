#include "domain/rankings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace hongfan {

bool Period::contains(int y, int m) const {
  switch (kind) {
    case Kind::all: return true;
    case Kind::year: return y == year;
    case Kind::quarter: return y == year && (m - 1) / 3 + 1 == number;
    case Kind::month: return y == year && m == number;
  }
  return false;
}

std::string Period::key() const {
  switch (kind) {
    case Kind::all: return "all";
    case Kind::year: return std::to_string(year);
    case Kind::quarter: return fmt::format("{}-Q{}", year, number);
    case Kind::month: return fmt::format("{}-{:02}", year, number);
  }
  return "";
}

std::string Period::label() const {
  static const char* quarters[] = {"", "第一季度", "第二季度", "第三季度", "第四季度"};
  switch (kind) {
    case Kind::all: return "累计";
    case Kind::year: return fmt::format("{}年", year);
    case Kind::quarter: return fmt::format("{}年{}", year, quarters[number]);
    case Kind::month: return fmt::format("{}年{}月", year, number);
  }
  return "";
}

Period month_period(int year, int month) { return {Period::Kind::month, year, month}; }
Period quarter_period(int year, int month) { return {Period::Kind::quarter, year, (month - 1) / 3 + 1}; }
Period year_period(int year) { return {Period::Kind::year, year, 0}; }

std::vector<RankedPerson> rank_people(const std::vector<PointsRow>& rows, const std::string& category,
                                      const Period& period, int top) {
  std::map<std::string, RankedPerson> by_key;
  for (const auto& r : rows) {
    if (r.points < 0 || r.category != category || !period.contains(r.year, r.month)) continue;
    RankedPerson& p = by_key[r.person_key];
    if (p.key.empty()) {
      p.key = r.person_key;
      p.name = r.name;
      p.full_name = r.full_name;
      p.grid = r.grid;
    }
    p.points += r.points;
  }
  std::vector<RankedPerson> all;
  for (auto& [k, p] : by_key)
    if (p.points > 0) all.push_back(std::move(p));
  std::sort(all.begin(), all.end(), [](const RankedPerson& a, const RankedPerson& b) {
    return std::tie(b.points, a.full_name, a.key) < std::tie(a.points, b.full_name, b.key);
  });
  std::vector<RankedPerson> out;
  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i].rank = i > 0 && all[i].points == all[i - 1].points ? all[i - 1].rank : static_cast<int>(i) + 1;
    if (all[i].rank > top) break;
    out.push_back(all[i]);
  }
  return out;
}

long long balance_of(const std::vector<PointsRow>& rows, const std::string& person_key) {
  long long sum = 0;
  for (const auto& r : rows)
    if (r.person_key == person_key) sum += r.points;
  return sum;
}

std::vector<GridScore> rank_grids(const std::vector<PointsRow>& rows, const std::vector<GridHouseholds>& grids,
                                  const Period& period) {
  std::map<std::string, GridScore> by_id;
  for (const auto& g : grids) {
    by_id[g.grid].grid = g.grid;
    by_id[g.grid].households = g.households;
  }
  for (const auto& r : rows) {
    if (r.points < 0 || !period.contains(r.year, r.month)) continue;
    GridScore& g = by_id[r.grid];
    g.grid = r.grid;
    g.points += r.points;
  }
  std::vector<GridScore> known, unknown;
  for (auto& [id, g] : by_id) (g.households > 0 ? known : unknown).push_back(g);
  // a/b > c/d  ⇔  a·d > c·b (households are positive): exact, no rounding.
  auto more = [](const GridScore& a, const GridScore& b) { return a.points * b.households > b.points * a.households; };
  std::stable_sort(known.begin(), known.end(), more);
  for (std::size_t i = 0; i < known.size(); ++i)
    known[i].rank = i > 0 && !more(known[i - 1], known[i]) ? known[i - 1].rank : static_cast<int>(i) + 1;
  known.insert(known.end(), unknown.begin(), unknown.end());
  return known;
}

std::vector<long long> points_per_month(const std::vector<PointsRow>& rows, int year, int month) {
  std::vector<long long> out(12, 0);
  int last = year * 12 + (month - 1);
  for (const auto& r : rows) {
    int idx = 11 - (last - (r.year * 12 + r.month - 1));
    if (r.points > 0 && idx >= 0 && idx < 12) out[static_cast<std::size_t>(idx)] += r.points;
  }
  return out;
}

}  // namespace hongfan
