#include "data/site_data.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/encoding.h"
#include "core/i18n.h"
#include "core/privacy.h"
#include "core/suggest.h"
#include "core/text.h"
#include "data/loaders.h"

namespace hongfan {

namespace {
template <typename T>
const T* lookup(const std::unordered_map<std::string, std::size_t>& index, const std::vector<T>& items,
                const std::string& id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

// The ID-card guard covers every text file under data/ (whatever loader
// reads it, now or later) and site.yaml; the same pass keeps the mobile
// numbers for the privacy rule.
void scan_data_files_for_numbers(const FileSystem& site, SiteData& data, Diagnostics& diags) {
  std::vector<std::string> files = walk_files(site, "data");
  files.push_back(kConfigFile);
  for (const auto& f : files) {
    if (!(ends_with(f, ".yaml") || ends_with(f, ".yml") || ends_with(f, ".csv") ||
          ends_with(f, ".json") || ends_with(f, ".txt")))
      continue;
    if (auto bytes = site.read(f)) {
      // Columns counted in the text as staff see it (GBK decoded); the
      // readers report a file's encoding, so this pass stays quiet.
      auto decoded = decode_text(*bytes);
      for (auto& m : scan_personal_numbers(f, decoded ? decoded->text : *bytes, diags))
        data.mobiles.push_back(std::move(m));
    }
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

void report_unknown_ref(const SourceLoc& loc, const std::string& who, const std::string& key,
                        const std::string& id, RefKind kind, const std::vector<std::string>& candidates,
                        Diagnostics& diags) {
  const char* defined_in = kind == RefKind::grid      ? kGridsFile
                           : kind == RefKind::station ? kStationsFile
                                                      : kOrgFile;
  if (diags.is_unreadable(defined_in)) return;  // reported once, at that file
  const std::string best = closest_match(id, candidates);
  const std::string suggestion = did_you_mean(id, candidates);
  std::string message;
  const char* file = kOrgFile;
  switch (kind) {
    case RefKind::org_unit:
      message = tr("{}: {} '{}' is not an org unit{}", who, key, id, suggestion);
      break;
    case RefKind::grid:
      message = tr("{}: {} '{}' is not a grid{}", who, key, id, suggestion);
      file = kGridsFile;
      break;
    case RefKind::station:
      message = tr("{}: {} '{}' is not a station{}", who, key, id, suggestion);
      file = kStationsFile;
      break;
  }
  diags.error(loc, message,
              best.empty() ? tr("the ids in {} are the ones you can use here", file)
                           : tr("change {} to '{}'", key, best));
}

SiteData load_data(const FileSystem& site, const Config& config, Diagnostics& diags) {
  SiteData data;
  scan_data_files_for_numbers(site, data, diags);
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
