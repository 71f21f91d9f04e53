// Roll-ups over the organisation tree: how many units of each level lie
// below a unit, and the party members in it and below, stated the way the
// press states them ("网格党支部29个、楼栋党小组252个、党员中心户514户").
#pragma once

#include <string>
#include <vector>

#include "data/site_data.h"

namespace hongfan {

struct LevelCount {
  std::string level;
  long long count = 0;
  std::string measure;  ///< 个, or 户 for a level of households (党员中心户)
};

/// A unit's roll-up in level order: the order of `levels`, then levels
/// given only by `level:` in the order they first appear in the tree.
std::vector<LevelCount> rollup_in_level_order(const OrgTree& tree, const OrgUnit& unit);

/// The counts of several roots together (the street's whole portal).
std::vector<LevelCount> rollup_of_roots(const OrgTree& tree);

/// "网格党支部29个、楼栋党小组252个、党员中心户514户"; "" when nothing lies below.
std::string rollup_phrase(const std::vector<LevelCount>& counts);

/// Indices from the root down to `index` (both included).
std::vector<std::size_t> org_path(const OrgTree& tree, std::size_t index);

/// True when unit `index` is `ancestor` or lies below it.
bool org_is_within(const OrgTree& tree, std::size_t index, std::size_t ancestor);

}  // namespace hongfan
