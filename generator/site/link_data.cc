#include "site/link_data.h"

#include "data/loaders.h"

namespace hongfan {

void link_data_refs(const ContentSet& content, const SiteData& data, Diagnostics& diags) {
  const std::vector<std::string> org_ids = index_ids(data.org.by_id);
  const std::vector<std::string> grid_ids = index_ids(data.grid_by_id);
  const std::vector<std::string> station_ids = index_ids(data.station_by_id);
  for (const Page& p : content.pages) {
    if (!p.org.id.empty() && !data.org.find(p.org.id))
      report_unknown_ref(p.org.loc, "front matter: org", p.org.id, "an org unit", org_ids, kOrgFile,
                         diags);
    if (!p.grid.id.empty() && !data.grid(p.grid.id))
      report_unknown_ref(p.grid.loc, "front matter: grid", p.grid.id, "a grid", grid_ids,
                         kGridsFile, diags);
    if (!p.station.id.empty() && !data.station(p.station.id))
      report_unknown_ref(p.station.loc, "front matter: station", p.station.id, "a station",
                         station_ids, kStationsFile, diags);
  }
}

}  // namespace hongfan
