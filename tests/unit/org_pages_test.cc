// Whole builds of a small site with data/: the organisation, grid and
// station pages, relative links, masked names, QR code and map link.
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

std::size_t count_of(const std::string& s, const std::string& x) {
  std::size_t n = 0;
  for (auto at = s.find(x); at != std::string::npos; at = s.find(x, at + x.size())) ++n;
  return n;
}

bool has(const std::string& s, const std::string& x) { return s.find(x) != std::string::npos; }

MemoryFileSystem data_site() {
  MemoryFileSystem s;
  s.add("site.yaml", "title: 测试社区\nbase_url: https://example.org/sub/\n");
  s.add("data/org.yaml",
        "levels: [街道大工委, 社区大党委, 网格党支部, 党员中心户]\n"
        "units:\n"
        "  - id: street\n    name: 测试街道大工委\n    secretary: 张文彦\n    phone: 0537-3265800\n"
        "    intro: 五级组织体系，**党建引领**。\n"
        "    children:\n"
        "      - id: c1\n        name: 一社区大党委\n        members: 4\n"
        "        children:\n"
        "          - {id: c1-b1, name: 第一网格党支部, members: 2, children: [{name: 1号楼党员中心户}, {name: 2号楼党员中心户}]}\n"
        "  - {id: c2, name: 二社区大党委, parent: street, members: 1}\n"
        "  - {id: v1, name: 一村党支部, level: 村党支部}\n");
  s.add("data/grids.yaml",
        "grids:\n"
        "  - id: g01\n    name: 第一网格\n    community: c1\n    branch: c1-b1\n    buildings: [1号楼, 2号楼]\n"
        "    households: 400\n    population: 1200\n    wechat_qr: /images/g01-wechat.png\n"
        "    staff:\n"
        "      - {role: 网格长, name: 王芳, phone: \"13800000001\"}\n"
        "      - {role: 专职网格员, name: 刘洋, phone: \"13800000002\"}\n"
        "      - {role: 网格长, name: 赵强, phone: \"13800000003\"}\n");
  s.add("data/stations.yaml",
        "stations:\n  - {id: hf-east, name: 东门红帆驿站, kind: 红帆驿站, org: c1, location: [116.5871, 35.4153], "
        "services: [手机充电, 热茶开水]}\n");
  s.add("data/people.yaml",
        "people:\n  - {id: p001, name: 李瑞勤, grid: g01, member: true}\n"
        "  - {id: p010, name: 孙秀英, grid: g01, member: true, public: true}\n"
        "  - {id: h001, name: 赵建国家, grid: g01, household: true}\n");
  s.add("content/news/2024-06-01-a.md",
        "---\ntitle: 一号楼中心户走访\ndate: 2024-06-01\norg: c1-b1-1\ngrid: g01\nstation: hf-east\n---\n正文\n");
  return s;
}

}  // namespace

TEST_CASE("data pages are built with counts, breadcrumbs and related news") {
  TempDir tmp;
  auto site = data_site();
  const fs::path out = build_ok(tmp, site, "2024-07-01");

  std::string org = slurp(out / "org/index.html");
  CHECK(has(org, "街道大工委1个、社区大党委2个、网格党支部1个、党员中心户2户、村党支部1个"));
  CHECK(count_of(org, "<details") == count_of(org, "</details>"));
  CHECK(count_of(org, "<details") == 3);  // street, c1, c1-b1 have children
  CHECK(has(org, "href=\"../org/c1-b1-2/\""));

  std::string c1 = slurp(out / "org/c1/index.html");
  CHECK(has(c1, "<a href=\"../../org/street/\">测试街道大工委</a>"));
  CHECK(has(c1, "一号楼中心户走访"));  // names a household centre below c1
  CHECK(has(c1, "网格党支部1个、党员中心户2户"));
  std::string street = slurp(out / "org/street/index.html");
  CHECK(has(street, "<strong>党建引领</strong>"));
  CHECK(has(street, "href=\"tel:0537-3265800\""));
  CHECK(has(street, "一号楼中心户走访"));
  CHECK_FALSE(has(slurp(out / "org/c2/index.html"), "一号楼中心户走访"));

  std::string grid = slurp(out / "grids/g01/index.html");
  CHECK(has(grid, "李*勤"));
  CHECK(has(grid, "赵**家"));
  CHECK(has(grid, "孙秀英"));
  CHECK_FALSE(has(grid, "李瑞勤"));
  CHECK_FALSE(has(grid, "赵建国家"));
  CHECK(has(grid, "href=\"tel:13800000001\""));
  // Staff grouped by role, in data order: both 网格长 before the 专职网格员.
  CHECK(grid.find("王芳") < grid.find("赵强"));
  CHECK(grid.find("赵强") < grid.find("刘洋"));
  CHECK(has(grid, "href=\"../../org/c1-b1/\""));
  CHECK(has(grid, "src=\"../../images/g01-wechat.png\""));
  CHECK(has(grid, "1200人"));

  std::string card = slurp(out / "grids/g01/card/index.html");
  CHECK(has(card, "<svg class=\"qr\""));
  CHECK(has(card, "https://example.org/sub/grids/g01/"));

  std::string lookup = slurp(out / "grids/index.html");
  CHECK(has(lookup, "data-building=\"2号楼\""));
  CHECK(has(lookup, "<script src=\"../js/grid-lookup."));

  std::string station = slurp(out / "stations/hf-east/index.html");
  CHECK(has(station, "https://uri.amap.com/marker?position=116.587100,35.415300&amp;name=%E4%B8%9C"));
  CHECK(has(station, "一号楼中心户走访"));
  // Links between pages stay relative.
  for (const auto& page : {org, c1, grid, card, lookup, station}) CHECK_FALSE(has(page, "href=\"/"));
}
