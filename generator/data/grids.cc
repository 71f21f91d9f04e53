// data/grids.yaml → grids with their staff ("1+1+X+N"), buildings and the
// org units they belong to.
#include <fmt/format.h>

#include <map>

#include "core/i18n.h"
#include "data/loaders.h"

namespace hongfan {

namespace {

void check_org_ref(const YAML::Node& entry, const char* key, const std::string& who,
                   const YamlSource& src, const OrgTree& org,
                   const std::vector<std::string>& org_ids, std::string& out, Diagnostics& diags) {
  auto v = yaml_string(entry, key, src, diags);
  if (!v) return;
  out = *v;
  if (!org.find(*v))
    report_unknown_ref(src.at(entry[key]), who, key, *v, RefKind::org_unit, org_ids, diags);
}

}  // namespace

void load_grids(const FileSystem& site, SiteData& data, IdRegistry& ids, Diagnostics& diags) {
  auto file = read_data_file(site, kGridsFile, diags);
  if (!file) return;
  const YamlSource& src = file->src;
  std::vector<std::string> org_ids = index_ids(data.org.by_id);
  std::map<std::string, std::string> building_owner;  // community + building → grid
  for (const auto& item : data_list(*file, "grids", diags)) {
    auto head = read_entry_head(item, _("grid"), "{id: g01, name: 第一网格, ...}", src, ids, diags);
    if (!head) continue;
    Grid g;
    g.loc = head->loc;
    g.raw = head->raw;
    g.id = head->id;
    g.name = head->name;
    const std::string& who = head->who;
    g.kind = yaml_string(item, "kind", src, diags).value_or("居民网格");
    check_org_ref(item, "community", who, src, data.org, org_ids, g.community, diags);
    check_org_ref(item, "branch", who, src, data.org, org_ids, g.branch, diags);
    g.area = yaml_string(item, "area", src, diags).value_or("");
    g.buildings = yaml_string_list(item, "buildings", src, diags).value_or(std::vector<std::string>{});
    g.households = yaml_int(item, "households", src, diags).value_or(0);
    g.population = yaml_int(item, "population", src, diags).value_or(0);
    g.wechat_qr = yaml_string(item, "wechat_qr", src, diags).value_or("");
    YAML::Node staff = item["staff"];
    if (staff.IsDefined() && !staff.IsNull()) {
      if (!staff.IsSequence()) {
        diags.error(src.at(staff), tr("{}: 'staff' must be a list of {{role, name, phone}}", who),
                    _("write each person on a line of their own: `  - {role: 网格长, name: 张伟, phone: 0537-1234567}`"));
      } else {
        for (const auto& s : staff) {
          if (!s.IsMap()) {
            diags.error(src.at(s), tr("{}: each staff entry must be {{role: ..., name: ..., phone: ...}}", who),
                        _("write it like `  - {role: 网格长, name: 张伟, phone: 0537-1234567}`"));
            continue;
          }
          GridStaff st;
          st.role = yaml_string(s, "role", src, diags).value_or("");
          st.name = yaml_string(s, "name", src, diags).value_or("");
          st.phone = yaml_string(s, "phone", src, diags).value_or("");
          st.duty = yaml_string(s, "duty", src, diags).value_or("");
          if (st.role.empty() || st.name.empty()) {
            diags.error(src.at(s), tr("{}: a staff entry needs a role and a name", who),
                        _("add both, like `{role: 网格员, name: 李娜}`"));
            continue;
          }
          g.staff.push_back(std::move(st));
        }
      }
    }
    if (g.id.empty()) continue;
    // The 我的网格 lookup must give one answer per building of a community.
    YAML::Node building_nodes = item["buildings"];
    for (std::size_t i = 0; i < g.buildings.size(); ++i) {
      auto [it, fresh] = building_owner.emplace(g.community + '\n' + g.buildings[i], g.id);
      if (!fresh && it->second != g.id)
        diags.warning(building_nodes.IsSequence() ? src.at(building_nodes[i]) : g.loc,
                      tr("{}: building '{}' is also in grid {} of the same community", who,
                         g.buildings[i], it->second),
                      _("the building lookup will show both grids; list each building in one grid"));
    }
    data.grid_by_id.emplace(g.id, data.grids.size());
    data.grids.push_back(std::move(g));
  }
}

void load_stations(const FileSystem& site, SiteData& data, IdRegistry& ids, Diagnostics& diags) {
  auto file = read_data_file(site, kStationsFile, diags);
  if (!file) return;
  const YamlSource& src = file->src;
  std::vector<std::string> org_ids = index_ids(data.org.by_id);
  for (const auto& item : data_list(*file, "stations", diags)) {
    auto head = read_entry_head(item, _("station"), "{id: hf-east, name: ...}", src, ids, diags);
    if (!head) continue;
    Station s;
    s.loc = head->loc;
    s.raw = head->raw;
    s.id = head->id;
    s.name = head->name;
    const std::string& who = head->who;
    s.kind = yaml_string(item, "kind", src, diags).value_or("");
    check_org_ref(item, "org", who, src, data.org, org_ids, s.org, diags);
    s.address = yaml_string(item, "address", src, diags).value_or("");
    s.hours = yaml_string(item, "hours", src, diags).value_or("");
    s.phone = yaml_string(item, "phone", src, diags).value_or("");
    s.services = yaml_string_list(item, "services", src, diags).value_or(std::vector<std::string>{});
    YAML::Node loc = item["location"];
    if (loc.IsDefined() && !loc.IsNull()) {
      bool ok = loc.IsSequence() && loc.size() == 2 && loc[0].IsScalar() && loc[1].IsScalar();
      if (ok) {
        try {
          double lng = std::stod(loc[0].Scalar()), lat = std::stod(loc[1].Scalar());
          ok = lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
          if (ok) s.location = std::make_pair(lng, lat);
        } catch (const std::exception&) {
          ok = false;
        }
      }
      if (!ok)
        diags.error(src.at(loc), tr("{}: 'location' must be [longitude, latitude]", who),
                    _("write the longitude first, then the latitude, like `location: [116.5871, 35.4153]`"));
    }
    if (s.id.empty()) continue;
    data.station_by_id.emplace(s.id, data.stations.size());
    data.stations.push_back(std::move(s));
  }
}

}  // namespace hongfan
