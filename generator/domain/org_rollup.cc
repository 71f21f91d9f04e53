#include "domain/org_rollup.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace hongfan {

namespace {

std::vector<std::string> level_order(const OrgTree& tree) {
  std::vector<std::string> order = tree.levels;
  for (const auto& u : tree.units)
    if (!u.level.empty() && std::find(order.begin(), order.end(), u.level) == order.end())
      order.push_back(u.level);
  return order;
}

std::vector<LevelCount> in_order(const OrgTree& tree, const std::map<std::string, long long>& by_level) {
  std::vector<LevelCount> out;
  for (const auto& level : level_order(tree)) {
    auto it = by_level.find(level);
    if (it == by_level.end() || it->second == 0) continue;
    out.push_back({level, it->second, ends_with(level, "户") ? "户" : "个"});
  }
  return out;
}

}  // namespace

std::vector<LevelCount> rollup_in_level_order(const OrgTree& tree, const OrgUnit& unit) {
  return in_order(tree, unit.units_below_by_level);
}

std::vector<LevelCount> rollup_of_roots(const OrgTree& tree) {
  std::map<std::string, long long> all;
  for (std::size_t r : tree.roots) {
    const OrgUnit& u = tree.units[r];
    if (!u.level.empty()) ++all[u.level];
    for (const auto& [level, n] : u.units_below_by_level) all[level] += n;
  }
  return in_order(tree, all);
}

std::string rollup_phrase(const std::vector<LevelCount>& counts) {
  std::string out;
  for (const auto& c : counts) {
    if (!out.empty()) out += "、";
    out += c.level + std::to_string(c.count) + c.measure;
  }
  return out;
}

std::vector<std::size_t> org_path(const OrgTree& tree, std::size_t index) {
  std::vector<std::size_t> path;
  for (std::ptrdiff_t at = static_cast<std::ptrdiff_t>(index); at >= 0;
       at = tree.units[static_cast<std::size_t>(at)].parent_index)
    path.push_back(static_cast<std::size_t>(at));
  std::reverse(path.begin(), path.end());
  return path;
}

bool org_is_within(const OrgTree& tree, std::size_t index, std::size_t ancestor) {
  for (std::ptrdiff_t at = static_cast<std::ptrdiff_t>(index); at >= 0;
       at = tree.units[static_cast<std::size_t>(at)].parent_index)
    if (static_cast<std::size_t>(at) == ancestor) return true;
  return false;
}

}  // namespace hongfan
