// Points rankings (docs/content/reference/format.md "Rankings count points earned in the period;
// redemptions lower the balance, not the ranking. Ties share a rank").
// Pure functions over the ledger.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/points.h"

namespace hongfan {

struct Period {
  enum class Kind { all, year, quarter, month } kind = Kind::all;
  int year = 0, number = 0;  ///< number: quarter 1–4 or month 1–12

  bool contains(int y, int m) const;
  /// "all", "2025", "2025-Q2", "2025-06": stable keys (data-period in pages).
  std::string key() const;
  /// 累计, 2025年, 2025年第二季度, 2025年6月
  std::string label() const;
};

/// The month, quarter and year containing a day.
Period month_period(int year, int month);
Period quarter_period(int year, int month);
Period year_period(int year);

struct RankedPerson {
  int rank = 0;
  std::string key, name, grid;
  std::string full_name;  ///< orders ties; never shown
  long long points = 0;
};

/// People by points earned (rows ≥ 0) in `category` within `period`, most
/// first; equal points share a rank (1, 2, 2, 4) and are ordered by name
/// (the full name, so the order does not change when masking is turned
/// off), then key. Only people with more than 0 points; those with rank ≤
/// `top` (so a tie at the cut keeps everyone tied).
std::vector<RankedPerson> rank_people(const std::vector<PointsRow>& rows, const std::string& category,
                                      const Period& period, int top);

/// Every row summed per person: earned minus redeemed.
long long balance_of(const std::vector<PointsRow>& rows, const std::string& person_key);

struct GridScore {
  std::string grid;
  long long points = 0, households = 0;
  int rank = 0;  ///< 0 when the grid's households are unknown
};
struct GridHouseholds {
  std::string grid;
  long long households = 0;
};
/// Grids by points earned per household in `period` (all categories), most
/// first, ties sharing a rank; grids with unknown households come last,
/// unranked. `grids` lists every grid known (order does not matter).
std::vector<GridScore> rank_grids(const std::vector<PointsRow>& rows, const std::vector<GridHouseholds>& grids,
                                  const Period& period);

/// Points earned (rows ≥ 0) per month over the 12 months ending with
/// (year, month), oldest first.
std::vector<long long> points_per_month(const std::vector<PointsRow>& rows, int year, int month);

}  // namespace hongfan
