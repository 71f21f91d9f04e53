// The loaders of the data files, one per file (org.cc, grids.cc …), run in
// this order by load_data() so that each can check its references against
// the files loaded before it.
#pragma once

#include "config/config.h"
#include "core/fs.h"
#include "data/data_file.h"
#include "data/site_data.h"

namespace hongfan {

inline constexpr const char* kOrgFile = "data/org.yaml";
inline constexpr const char* kGridsFile = "data/grids.yaml";
inline constexpr const char* kStationsFile = "data/stations.yaml";
inline constexpr const char* kPeopleFile = "data/people.yaml";

/// data/org.yaml: nested `children` and flat `parent:` entries, several
/// roots, levels, derived leaf ids, parent cycles.
OrgTree load_org(const FileSystem& site, IdRegistry& ids, Diagnostics& diags);

/// data/grids.yaml; `community` and `branch` must be org units.
void load_grids(const FileSystem& site, SiteData& data, IdRegistry& ids, Diagnostics& diags);

/// data/stations.yaml; `org` must be an org unit.
void load_stations(const FileSystem& site, SiteData& data, IdRegistry& ids, Diagnostics& diags);

/// data/people.yaml; `grid` must be a grid. Names are masked per site.yaml.
void load_people(const FileSystem& site, const Config& config, SiteData& data, IdRegistry& ids,
                 Diagnostics& diags);

/// What a reference names; the message says so and the hint names its file.
enum class RefKind { org_unit, grid, station };

/// "grid g07: branch 'x' is not an org unit (did you mean 'y'?)" for a
/// reference `id` under `key` of the entry `who` ("grid g07", "front
/// matter") that names nothing, reported at `loc`. One whole message per
/// kind, so a translator sees full sentences.
void report_unknown_ref(const SourceLoc& loc, const std::string& who, const std::string& key,
                        const std::string& id, RefKind kind, const std::vector<std::string>& candidates,
                        Diagnostics& diags);

/// The ids of an index, sorted, for suggestions.
std::vector<std::string> index_ids(const std::unordered_map<std::string, std::size_t>& index);

}  // namespace hongfan
