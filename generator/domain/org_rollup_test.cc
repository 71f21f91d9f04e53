#include "domain/org_rollup.h"

#include <doctest/doctest.h>

using namespace hongfan;

namespace {
// A small tree built by hand: street → 2 communities → branches → households.
OrgTree sample() {
  OrgTree t;
  t.levels = {"街道大工委", "社区大党委", "网格党支部", "党员中心户"};
  auto add = [&](std::string id, std::string level, std::ptrdiff_t parent, long long members) {
    OrgUnit u;
    u.id = id;
    u.level = level;
    u.parent_index = parent;
    u.members = members;
    std::size_t me = t.units.size();
    t.units.push_back(u);
    if (parent >= 0) t.units[static_cast<std::size_t>(parent)].children.push_back(me);
    else t.roots.push_back(me);
    t.by_id[id] = me;
  };
  add("street", "街道大工委", -1, 1);
  add("c1", "社区大党委", 0, 2);
  add("c1-b1", "网格党支部", 1, 3);
  add("c1-b1-1", "党员中心户", 2, 1);
  add("c1-b1-2", "党员中心户", 2, 1);
  add("c2", "社区大党委", 0, 2);
  add("c2-b1", "网格党支部", 5, 4);
  add("v1", "村党支部", -1, 9);
  return t;
}
}  // namespace

TEST_CASE("counts roll up by level, members sum up") {
  OrgTree t = sample();
  roll_up_org(t);
  const OrgUnit& street = t.units[0];
  CHECK(street.members_total == 14);
  CHECK(rollup_phrase(rollup_in_level_order(t, street)) == "社区大党委2个、网格党支部2个、党员中心户2户");
  CHECK(rollup_phrase(rollup_in_level_order(t, t.units[5])) == "网格党支部1个");
  CHECK(rollup_phrase(rollup_in_level_order(t, t.units[3])) == "");
  CHECK(rollup_phrase(rollup_of_roots(t)) == "街道大工委1个、社区大党委2个、网格党支部2个、党员中心户2户、村党支部1个");
}

TEST_CASE("paths and containment follow parents") {
  OrgTree t = sample();
  CHECK(org_path(t, 3) == std::vector<std::size_t>{0, 1, 2, 3});
  CHECK(org_is_within(t, 3, 1));
  CHECK_FALSE(org_is_within(t, 3, 5));
  CHECK(org_is_within(t, 5, 5));
}
