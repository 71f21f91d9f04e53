// Everything under data/ (docs/content/reference/format.md), loaded and validated: the organisation
// tree, grids, stations, people, the points ledger, rewards, honours,
// contacts and figures. Each file has a loader of its own in this folder;
// load_data() runs them and cross-checks their references.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "core/diagnostics.h"
#include "core/fs.h"
#include "core/privacy.h"
#include "data/community.h"
#include "data/points.h"

namespace hongfan {

// ---- data/org.yaml -------------------------------------------------------

struct OrgUnit {
  std::string id;
  std::string name;
  std::string level;       ///< `level:` if given, else levels[depth]
  std::string secretary, phone, address;
  std::string intro;       ///< Markdown as written
  long long members = 0;   ///< party members directly in this unit
  std::string parent;      ///< id; "" for a root
  std::ptrdiff_t parent_index = -1;   ///< index into OrgTree::units; -1 for a root
  std::vector<std::size_t> children;  ///< indices into OrgTree::units, in data order
  int depth = 0;
  SourceLoc loc;           ///< where the unit is written
  YAML::Node raw;          ///< all its keys, for templates

  // Roll-ups, filled after loading.
  std::map<std::string, long long> units_below_by_level;  ///< level name → count below
  long long members_total = 0;  ///< members here and below
};

struct OrgTree {
  std::vector<std::string> levels;
  std::vector<OrgUnit> units;       ///< depth-first, data order
  std::vector<std::size_t> roots;
  std::unordered_map<std::string, std::size_t> by_id;

  const OrgUnit* find(const std::string& id) const;
  /// Index of unit `id`, or -1.
  std::ptrdiff_t index_of(const std::string& id) const;
};

/// Fills units_below_by_level and members_total of every unit. load_data
/// calls it: the totals are part of the loaded tree, which the roll-up
/// phrases of domain/org_rollup.h then read.
void roll_up_org(OrgTree& tree);

// ---- data/grids.yaml -----------------------------------------------------

struct GridStaff {
  std::string role, name, phone, duty;
};

struct Grid {
  std::string id, name, kind, community, branch, area;
  std::vector<std::string> buildings;
  long long households = 0, population = 0;
  std::string wechat_qr;
  std::vector<GridStaff> staff;  ///< data order
  SourceLoc loc;
  YAML::Node raw;
};

// ---- data/stations.yaml --------------------------------------------------

struct Station {
  std::string id, name, kind, org, address, hours, phone;
  std::optional<std::pair<double, double>> location;  ///< lng, lat (GCJ-02)
  std::vector<std::string> services;
  SourceLoc loc;
  YAML::Node raw;
};

// ---- data/people.yaml ----------------------------------------------------

struct Person {
  std::string id, name, grid;
  bool member = false, household = false, is_public = false;
  SourceLoc loc;
  YAML::Node raw;
  /// The name residents see: masked (docs/content/reference/format.md, 隐私规则) unless public or masking is off.
  std::string shown_name;
};

// ---- the whole data folder ----------------------------------------------

struct SiteData {
  OrgTree org;
  std::vector<Grid> grids;
  std::vector<Station> stations;
  std::vector<Person> people;
  Ledger points;           ///< data/points.csv|yaml (issue 4)
  CommunityData community; ///< rewards, honours, hotlines, figures (issue 4)
  std::vector<MobileMention> mobiles;  ///< every mobile number in data/ and site.yaml

  std::unordered_map<std::string, std::size_t> grid_by_id, station_by_id, person_by_id;

  const Grid* grid(const std::string& id) const;
  const Station* station(const std::string& id) const;
  const Person* person(const std::string& id) const;
};

/// Loads every file under data/ that exists; reports every problem.
/// Returns the data even when there were errors (callers check diags), so
/// later stages can still report their own problems in the same build.
SiteData load_data(const FileSystem& site, const Config& config, Diagnostics& diags);

}  // namespace hongfan
