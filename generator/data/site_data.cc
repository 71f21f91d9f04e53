#include "data/site_data.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "data/loaders.h"
#include "data/privacy.h"
#include "domain/org_rollup.h"

namespace hongfan {

namespace {
template <typename T>
const T* lookup(const std::unordered_map<std::string, std::size_t>& index, const std::vector<T>& items,
                const std::string& id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

// The ID-card guard covers every text file under data/ (whatever loader
// reads it, now or later) and site.yaml.
void check_data_files_for_id_numbers(const FileSystem& site, Diagnostics& diags) {
  std::vector<std::string> files = walk_files(site, "data");
  files.push_back(kConfigFile);
  for (const auto& f : files) {
    if (!(ends_with(f, ".yaml") || ends_with(f, ".yml") || ends_with(f, ".csv") ||
          ends_with(f, ".json") || ends_with(f, ".txt")))
      continue;
    if (auto text = site.read(f)) check_id_numbers(f, *text, diags);
  }
}
}  // namespace

const OrgUnit* OrgTree::find(const std::string& id) const { return lookup(by_id, units, id); }
std::ptrdiff_t OrgTree::index_of(const std::string& id) const {
  auto it = by_id.find(id);
  return it == by_id.end() ? -1 : static_cast<std::ptrdiff_t>(it->second);
}
const Grid* SiteData::grid(const std::string& id) const { return lookup(grid_by_id, grids, id); }
const Station* SiteData::station(const std::string& id) const {
  return lookup(station_by_id, stations, id);
}
const Person* SiteData::person(const std::string& id) const {
  return lookup(person_by_id, people, id);
}

std::vector<std::string> index_ids(const std::unordered_map<std::string, std::size_t>& index) {
  std::vector<std::string> ids;
  ids.reserve(index.size());
  for (const auto& [id, i] : index) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

void report_unknown_ref(const SourceLoc& loc, const std::string& who, const std::string& id,
                        const char* kind_phrase, const std::vector<std::string>& candidates,
                        const char* where_defined, Diagnostics& diags) {
  if (diags.is_unreadable(where_defined)) return;  // reported once, at that file
  std::string suggestion = did_you_mean(id, candidates);
  std::string hint = suggestion.empty()
                         ? fmt::format("the ids in {} are the ones you can use here", where_defined)
                         : std::string();
  diags.error(loc, fmt::format("{} '{}' is not {}{}", who, id, kind_phrase, suggestion), hint);
}

SiteData load_data(const FileSystem& site, const Config& config, Diagnostics& diags) {
  SiteData data;
  check_data_files_for_id_numbers(site, diags);
  IdRegistry ids;
  data.org = load_org(site, ids, diags);
  roll_up_org(data.org);
  load_grids(site, data, ids, diags);
  load_stations(site, data, ids, diags);
  load_people(site, config, data, ids, diags);
  // The ledger comes after people and grids: its rows refer to them.
  data.points = load_points(site, config, data, diags);
  data.community = load_community_data(site, diags);
  return data;
}

}  // namespace hongfan
