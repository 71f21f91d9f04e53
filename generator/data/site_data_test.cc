#include "data/site_data.h"

#include <doctest/doctest.h>

#include "data/data_file.h"

using namespace hongfan;

namespace {
std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) out.push_back(x.format().substr(0, x.format().find('\n')));
  return out;
}

SiteData load(MemoryFileSystem& fs, Diagnostics& d, bool mask = true) {
  Config c;
  c.mask_residents = mask;
  return load_data(fs, c, d);
}

const char* kFiveLevels =
    "levels: [街道大工委, 社区大党委, 网格党支部, 楼栋党小组, 党员中心户]\n"
    "units:\n"
    "  - id: huangtun\n"
    "    name: 黄屯街道大工委\n"
    "    members: 5\n"
    "    children:\n"
    "      - id: jsjy\n"
    "        name: 金色嘉苑社区大党委\n"
    "        members: 10\n"
    "        children:\n"
    "          - id: jsjy-g01\n"
    "            name: 第一网格党支部\n"
    "            children:\n"
    "              - id: jsjy-g01-b1\n"
    "                name: 1号楼党小组\n"
    "                members: 7\n"
    "                children:\n"
    "                  - {name: 1单元党员中心户}\n"
    "                  - {name: 2单元党员中心户}\n"
    "  - {id: xfl, name: 幸福里社区大党委, parent: huangtun, members: 3}\n"
    "  - {id: xfl-g06, name: 第六网格党支部, parent: xfl}\n"
    "  - {id: village-1, name: 一村党支部, level: 村党支部}\n";
}  // namespace

TEST_CASE("nested and flat org units form one tree, with levels and derived leaf ids") {
  MemoryFileSystem fs;
  fs.add("data/org.yaml", kFiveLevels);
  Diagnostics d;
  SiteData data = load(fs, d);
  CHECK(messages(d).empty());
  const OrgTree& t = data.org;
  REQUIRE(t.roots.size() == 2);
  CHECK(t.units[t.roots[0]].id == "huangtun");
  CHECK(t.units[t.roots[1]].id == "village-1");
  CHECK(t.units[t.roots[1]].level == "村党支部");
  const OrgUnit* xfl = t.find("xfl");
  REQUIRE(xfl);
  CHECK(xfl->parent == "huangtun");
  CHECK(xfl->level == "社区大党委");
  CHECK(xfl->depth == 1);
  const OrgUnit* leaf = t.find("jsjy-g01-b1-2");
  REQUIRE(leaf);
  CHECK(leaf->name == "2单元党员中心户");
  CHECK(leaf->level == "党员中心户");
  // Children in data order: the nested community first, then the flat one.
  const OrgUnit* street = t.find("huangtun");
  REQUIRE(street->children.size() == 2);
  CHECK(t.units[street->children[0]].id == "jsjy");
  CHECK(t.units[street->children[1]].id == "xfl");
  // Roll-ups.
  CHECK(street->units_below_by_level.at("社区大党委") == 2);
  CHECK(street->units_below_by_level.at("网格党支部") == 2);
  CHECK(street->units_below_by_level.at("党员中心户") == 2);
  CHECK(street->members_total == 25);
  CHECK(t.find("jsjy")->members_total == 17);
}

TEST_CASE("org problems are all reported at once, with suggestions") {
  MemoryFileSystem fs;
  fs.add("data/org.yaml",
         "levels: [社区, 支部]\n"
         "units:\n"
         "  - {id: jsjy, name: 社区}\n"
         "  - {id: a, name: 甲, parent: b}\n"
         "  - {id: b, name: 乙, parent: a}\n"
         "  - {id: jsjy, name: 重复}\n"
         "  - {id: c, name: 丙, parent: jsyj}\n"
         "  - {id: Bad_Id, name: 坏}\n"
         "  - {id: d, name: 丁, parent: c}\n"
         "  - {id: e, name: 戊, parent: d}\n");
  Diagnostics d;
  load(fs, d);
  auto m = messages(d);
  REQUIRE(m.size() == 5);
  CHECK(m[0] == "data/org.yaml:4:30: org unit a: parent cycle a → b → a");
  CHECK(m[1] == "data/org.yaml:6:10: duplicate id 'jsjy' (first used at data/org.yaml:3:10)");
  CHECK(m[2] == "data/org.yaml:7:30: org unit c: parent 'jsyj' is not an org unit (did you mean 'jsjy'?)");
  CHECK(m[3] == "data/org.yaml:8:10: org unit id 'Bad_Id' may only use a-z, 0-9 and '-'");
  CHECK(m[4] == "data/org.yaml:10:5: org unit e is at level 3 but `levels` names only 2");
}

TEST_CASE("grids, stations and people check their references") {
  MemoryFileSystem fs;
  fs.add("data/org.yaml", kFiveLevels);
  fs.add("data/grids.yaml",
         "grids:\n"
         "  - id: g01\n"
         "    name: 第一网格\n"
         "    community: jsjy\n"
         "    branch: jsjy-g1\n"
         "    buildings: [1号楼, 2号楼]\n"
         "    households: 420\n"
         "    staff:\n"
         "      - {role: 网格长, name: 王芳, phone: \"13800000001\"}\n"
         "      - {role: 专职网格员, name: 刘洋}\n"
         "  - {id: g02, name: 第二网格, community: zzz, branch: xfl-g06}\n");
  fs.add("data/stations.yaml",
         "stations:\n"
         "  - {id: hf-east, name: 驿站, org: jsj, location: [116.5, 35.4]}\n"
         "  - {id: hf-west, name: 驿站二, location: [1]}\n");
  fs.add("data/people.yaml",
         "people:\n"
         "  - {id: p001, name: 李瑞勤, grid: g01, member: true}\n"
         "  - {id: p002, name: 王芳, grid: g01, public: true}\n"
         "  - {id: h001, name: 赵建国家, grid: g9, household: true}\n"
         "  - {id: g01, name: 重名, grid: g02}\n");
  Diagnostics d;
  SiteData data = load(fs, d);
  auto m = messages(d);
  REQUIRE(m.size() == 6);
  CHECK(m[0] == "data/grids.yaml:5:13: grid g01: branch 'jsjy-g1' is not an org unit (did you mean 'jsjy-g01'?)");
  CHECK(m[1] == "data/grids.yaml:11:38: grid g02: community 'zzz' is not an org unit");
  CHECK(m[2] == "data/people.yaml:4:34: person h001: grid 'g9' is not a grid");
  CHECK(m[3] == "data/people.yaml:5:10: duplicate id 'g01' (first used at data/grids.yaml:2:9)");
  CHECK(m[4] == "data/stations.yaml:2:34: station hf-east: org 'jsj' is not an org unit (did you mean 'jsjy'?)");
  CHECK(m[5] == "data/stations.yaml:3:40: station hf-west: 'location' must be [longitude, latitude]");
  // The hint says what to type: the suggested id, or where the ids are.
  CHECK(d.sorted()[0].hint == "change branch to 'jsjy-g01'");
  CHECK(d.sorted()[1].hint == "the ids in data/org.yaml are the ones you can use here");
  REQUIRE(data.grid("g01"));
  CHECK(data.grid("g01")->staff.size() == 2);
  CHECK(data.grid("g01")->buildings.size() == 2);
  REQUIRE(data.station("hf-east"));
  CHECK(data.station("hf-east")->location->first == doctest::Approx(116.5));
  CHECK(data.person("p001")->shown_name == "李*勤");
  CHECK(data.person("p002")->shown_name == "王芳");
  CHECK(data.person("h001")->shown_name == "赵**家");
}

TEST_CASE("a building in two grids of one community is a warning") {
  MemoryFileSystem fs;
  fs.add("data/grids.yaml",
         "grids:\n  - {id: g01, name: 一, buildings: [1号楼, 2号楼]}\n"
         "  - {id: g02, name: 二, buildings: [3号楼, 2号楼]}\n");
  Diagnostics d;
  load(fs, d);
  auto m = messages(d);
  REQUIRE(m.size() == 1);
  CHECK(m[0] == "data/grids.yaml:3:41: warning: grid g02: building '2号楼' is also in grid g01 of the same community");
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("masking can be turned off in site.yaml") {
  MemoryFileSystem fs;
  fs.add("data/people.yaml", "people:\n  - {id: p001, name: 李瑞勤}\n");
  Diagnostics d;
  SiteData data = load(fs, d, false);
  CHECK(data.person("p001")->shown_name == "李瑞勤");
}

TEST_CASE("an ID-card number in a data file stops the build") {
  MemoryFileSystem fs;
  fs.add("data/people.yaml", "people:\n  - {id: p001, name: 李瑞勤, card: \"370811199001011234\"}\n");
  Diagnostics d;
  load(fs, d);
  auto m = messages(d);
  REQUIRE(m.size() == 1);
  CHECK(m[0] == "data/people.yaml:2:34: an ID-card number must never be published");
}

TEST_CASE("columns count characters, not bytes, after Chinese text") {
  MemoryFileSystem fs;
  fs.add("data/grids.yaml", "grids:\n  - {id: g01, name: 第一网格, community: jsjy}\n");
  Diagnostics d;
  load(fs, d);
  auto m = messages(d);
  REQUIRE(m.size() == 1);
  // "  - {id: g01, name: 第一网格, community: " is 37 characters (45 bytes).
  CHECK(m[0] == "data/grids.yaml:2:38: grid g01: community 'jsjy' is not an org unit");
}
