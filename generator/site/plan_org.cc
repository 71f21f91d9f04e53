// The pages built from data/: /org/, /grids/ and /stations/. Each is
// planned only when its data file has entries.
#include <memory>

#include "render/data_views.h"
#include "site/plan.h"

namespace hongfan {

namespace {
// Built once, shared by the page jobs of all three features.
std::shared_ptr<const RelatedPages> related_of(const OutputPlan& plan) {
  return std::make_shared<const RelatedPages>(
      index_related_pages(*plan.view().content, *plan.view().data));
}
}  // namespace

void plan_org_pages(OutputPlan& plan) {
  const OrgTree& tree = plan.view().data->org;
  if (tree.units.empty()) return;
  auto related = related_of(plan);
  plan.add_page("org/", "org.html", [](const ViewContext& v, const std::string& root) {
    return org_index_view(v, root);
  });
  for (std::size_t i = 0; i < tree.units.size(); ++i)
    plan.add_page(org_url(tree.units[i].id), "org-unit.html",
                  [related, i](const ViewContext& v, const std::string& root) {
                    return org_unit_view(v, *related, i, root);
                  });
}

void plan_grid_pages(OutputPlan& plan) {
  const SiteData& data = *plan.view().data;
  if (data.grids.empty()) return;
  auto related = related_of(plan);
  plan.add_page("grids/", "grids.html", [](const ViewContext& v, const std::string& root) {
    return grids_index_view(v, root);
  });
  for (const Grid& g : data.grids) {
    const Grid* grid = &g;
    plan.add_page(grid_url(g.id), "grid.html",
                  [related, grid](const ViewContext& v, const std::string& root) {
                    return grid_view(v, *related, *grid, root);
                  });
    // The card is for printing; the grid page is what the QR code opens.
    plan.add_page(grid_url(g.id) + "card/", "grid-card.html",
                  [grid](const ViewContext& v, const std::string& root) {
                    return grid_card_view(v, *grid, root);
                  }, 0, false);
  }
}

void plan_station_pages(OutputPlan& plan) {
  const SiteData& data = *plan.view().data;
  if (data.stations.empty()) return;
  auto related = related_of(plan);
  plan.add_page("stations/", "stations.html", [](const ViewContext& v, const std::string& root) {
    return stations_index_view(v, root);
  });
  for (const Station& s : data.stations) {
    const Station* station = &s;
    plan.add_page(station_url(s.id), "station.html",
                  [related, station](const ViewContext& v, const std::string& root) {
                    return station_view(v, *related, *station, root);
                  });
  }
}

}  // namespace hongfan
