// View models of the pages built from data/: the organisation tree
// (/org/), grids (/grids/, with the building lookup and the printable
// card) and service positions (/stations/). Each returns a whole page's
// template data (the frame plus the page's own keys).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "content/collection.h"
#include "data/site_data.h"
#include "render/view.h"

namespace hongfan {

/// Site-relative URLs of the data pages.
std::string org_url(const std::string& id);      ///< "org/jsjy/"
std::string grid_url(const std::string& id);     ///< "grids/g01/"
std::string station_url(const std::string& id);  ///< "stations/hf-east/"

/// "tel:0537-3265810" for a phone number as staff wrote it (spaces dropped).
std::string tel_href(const std::string& phone);

/// The pages that name each unit, grid and station, newest first. A page
/// naming a unit also belongs to every unit above it.
struct RelatedPages {
  std::vector<std::vector<const Page*>> by_org;  ///< by OrgTree::units index
  std::map<std::string, std::vector<const Page*>> by_grid, by_station;
};
RelatedPages index_related_pages(const ContentSet& content, const SiteData& data);

/// Cards of related pages, each with the title of its section.
Data related_cards(const ViewContext& ctx, const std::vector<const Page*>& pages,
                   const std::string& root);

// ---- /org/ (render/org_view.cc) ------------------------------------------
Data org_index_view(const ViewContext& ctx, const std::string& root);
Data org_unit_view(const ViewContext& ctx, const RelatedPages& related, std::size_t index,
                   const std::string& root);

// ---- /grids/ (render/grid_view.cc) ---------------------------------------
Data grids_index_view(const ViewContext& ctx, const std::string& root);
Data grid_view(const ViewContext& ctx, const RelatedPages& related, const Grid& grid,
               const std::string& root);
Data grid_card_view(const ViewContext& ctx, const Grid& grid, const std::string& root);

// ---- /stations/ (render/station_view.cc) ---------------------------------
Data stations_index_view(const ViewContext& ctx, const std::string& root);
Data station_view(const ViewContext& ctx, const RelatedPages& related, const Station& station,
                  const std::string& root);

}  // namespace hongfan
