#include "data/site_data.h"

namespace hongfan {

namespace {
template <typename T>
const T* lookup(const std::unordered_map<std::string, std::size_t>& index, const std::vector<T>& items,
                const std::string& id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}
}  // namespace

const OrgUnit* OrgTree::find(const std::string& id) const { return lookup(by_id, units, id); }
const Grid* SiteData::grid(const std::string& id) const { return lookup(grid_by_id, grids, id); }
const Station* SiteData::station(const std::string& id) const {
  return lookup(station_by_id, stations, id);
}
const Person* SiteData::person(const std::string& id) const {
  return lookup(person_by_id, people, id);
}

SiteData load_data(const FileSystem& site, const Config& config, Diagnostics& diags) {
  SiteData data;
  // The loaders of data/*.yaml and data/points.* plug in here (issues 3, 4).
  // The ledger comes after people and grids: its rows refer to them.
  data.points = load_points(site, config, data, diags);
  data.community = load_community_data(site, diags);
  return data;
}

}  // namespace hongfan
