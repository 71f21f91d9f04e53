#include "site/link_data.h"

#include "core/i18n.h"
#include "data/loaders.h"

namespace hongfan {

void link_data_refs(const ContentSet& content, const SiteData& data, Diagnostics& diags) {
  const std::vector<std::string> org_ids = index_ids(data.org.by_id);
  const std::vector<std::string> grid_ids = index_ids(data.grid_by_id);
  const std::vector<std::string> station_ids = index_ids(data.station_by_id);
  const std::string who = _("front matter");
  for (const Page& p : content.pages) {
    if (!p.org.id.empty() && !data.org.find(p.org.id))
      report_unknown_ref(p.org.loc, who, "org", p.org.id, RefKind::org_unit, org_ids, diags);
    if (!p.grid.id.empty() && !data.grid(p.grid.id))
      report_unknown_ref(p.grid.loc, who, "grid", p.grid.id, RefKind::grid, grid_ids, diags);
    if (!p.station.id.empty() && !data.station(p.station.id))
      report_unknown_ref(p.station.loc, who, "station", p.station.id, RefKind::station, station_ids,
                         diags);
  }
}

}  // namespace hongfan
