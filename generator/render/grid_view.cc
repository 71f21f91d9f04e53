// /grids/, /grids/ID/ and /grids/ID/card/: whom to call about my building.
#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "domain/org_rollup.h"
#include "render/data_views.h"
#include "render/qr_svg.h"
#include "render/urls.h"

namespace hongfan {

namespace {

std::string asset(const ViewContext& ctx, const std::string& root, const std::string& path) {
  auto it = ctx.assets.find(path);
  return root + (it == ctx.assets.end() ? path : it->second);
}

std::string org_name(const ViewContext& ctx, const std::string& id) {
  const OrgUnit* u = ctx.data->org.find(id);
  return u ? u->name : id;
}

// 网格长 first: the person a resident should call.
const GridStaff* grid_head(const Grid& g) {
  for (const auto& s : g.staff)
    if (s.role == "网格长") return &s;
  return g.staff.empty() ? nullptr : &g.staff.front();
}

Data staff_entry(const GridStaff& s) {
  Data e;
  e.set("name", s.name);
  e.set("role", s.role);
  e.set("duty", text_or_false(s.duty));
  e.set("phone", text_or_false(s.phone));
  e.set("tel", s.phone.empty() ? Data(false) : Data(tel_href(s.phone)));
  return e;
}

// Staff grouped by role: roles in the order they first appear, people in
// data order within a role.
Data staff_by_role(const Grid& g) {
  std::vector<std::string> roles;
  for (const auto& s : g.staff)
    if (std::find(roles.begin(), roles.end(), s.role) == roles.end()) roles.push_back(s.role);
  Data list(Data::type::list);
  for (const auto& role : roles) {
    Data group;
    group.set("role", role);
    Data people(Data::type::list);
    for (const auto& s : g.staff)
      if (s.role == role) people.push_back(staff_entry(s));
    group.set("staff", people);
    list.push_back(group);
  }
  return list;
}

Data head_view(const Grid& g) {
  const GridStaff* h = grid_head(g);
  return h ? staff_entry(*h) : Data(false);
}

// "12号楼" sorts after "3号楼": by the leading number, then by name.
bool building_less(const std::string& a, const std::string& b) {
  auto number = [](const std::string& s) {
    long long n = 0;
    std::size_t i = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 12; ++i) n = n * 10 + (s[i] - '0');
    return i == 0 ? -1 : n;
  };
  long long na = number(a), nb = number(b);
  if (na != nb) return na < nb;
  return a < b;
}

Data grid_summary(const ViewContext& ctx, const Grid& g, const std::string& root) {
  Data e;
  e.set("id", g.id);
  e.set("name", g.name);
  e.set("url", root + grid_url(g.id));
  e.set("kind", text_or_false(g.kind));
  e.set("community", text_or_false(g.community.empty() ? "" : org_name(ctx, g.community)));
  e.set("area", text_or_false(g.area));
  std::string buildings;
  for (const auto& b : g.buildings) buildings += (buildings.empty() ? "" : "、") + b;
  e.set("buildings", text_or_false(buildings));
  e.set("households", g.households ? Data(std::to_string(g.households)) : Data(false));
  e.set("head", head_view(g));
  return e;
}

}  // namespace

Data grids_index_view(const ViewContext& ctx, const std::string& root) {
  const SiteData& data = *ctx.data;
  Data d = frame_view(ctx, {"grids/", "网格服务",
                            "我的网格：输入楼号，查找所在网格和网格员联系电话。", "", "website"});
  // The lookup without JavaScript: every building, grouped by community.
  std::vector<std::string> communities;
  for (const Grid& g : data.grids)
    if (std::find(communities.begin(), communities.end(), g.community) == communities.end())
      communities.push_back(g.community);
  Data groups(Data::type::list);
  for (std::size_t ci = 0; ci < communities.size(); ++ci) {
    const std::string& c = communities[ci];
    struct Entry { std::string building; const Grid* grid; };
    std::vector<Entry> entries;
    for (const Grid& g : data.grids)
      if (g.community == c)
        for (const auto& b : g.buildings) entries.push_back({b, &g});
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return building_less(a.building, b.building); });
    Data buildings(Data::type::list);
    for (const auto& e : entries) {
      Data b;
      b.set("building", e.building);
      b.set("grid_name", e.grid->name);
      b.set("grid_url", root + grid_url(e.grid->id));
      b.set("head", head_view(*e.grid));
      buildings.push_back(b);
    }
    Data group;
    group.set("name", c.empty() ? std::string("其他") : org_name(ctx, c));
    group.set("anchor", "c-" + std::to_string(ci + 1));
    group.set("buildings", buildings);
    groups.push_back(group);
  }
  d.set("communities", groups);
  Data grids(Data::type::list);
  for (const Grid& g : data.grids) grids.push_back(grid_summary(ctx, g, root));
  d.set("grids", grids);
  d.set("lookup_js", asset(ctx, root, "js/grid-lookup.js"));
  return d;
}

Data grid_view(const ViewContext& ctx, const RelatedPages& related, const Grid& g,
               const std::string& root) {
  std::string description = g.name;
  if (!g.area.empty()) description += "（" + g.area + "）";
  if (const GridStaff* h = grid_head(g)) description += "，" + h->role + h->name + " " + h->phone;
  Data d = frame_view(ctx, {grid_url(g.id), g.name, description, g.wechat_qr, "website"});
  Data grid = grid_summary(ctx, g, root);
  grid.set("population", g.population ? Data(std::to_string(g.population)) : Data(false));
  grid.set("community_url",
           ctx.data->org.find(g.community) ? Data(root + org_url(g.community)) : Data(false));
  const OrgUnit* branch = ctx.data->org.find(g.branch);
  grid.set("branch", branch ? Data(branch->name) : Data(false));
  grid.set("branch_url", branch ? Data(root + org_url(branch->id)) : Data(false));
  grid.set("wechat_qr", g.wechat_qr.empty() ? Data(false) : Data(resolve_link(root, g.wechat_qr)));
  grid.set("roles", staff_by_role(g));
  grid.set("has_staff", !g.staff.empty());
  Data building_list(Data::type::list);
  for (const auto& b : g.buildings) building_list.push_back(Data(b));
  grid.set("building_list", building_list);
  grid.set("card_url", root + grid_url(g.id) + "card/");
  d.set("grid", grid);

  // Residents of the grid, by the names they may be shown with (docs/content/reference/format.md, 隐私规则).
  Data members(Data::type::list), households(Data::type::list);
  for (const Person& p : ctx.data->people) {
    if (p.grid != g.id) continue;
    if (p.member) members.push_back(Data(p.shown_name));
    if (p.household) households.push_back(Data(p.shown_name));
  }
  d.set("has_members", !members.is_empty_list());
  d.set("members", members);
  d.set("has_households", !households.is_empty_list());
  d.set("households", households);
  d.set("grids_url", root + "grids/");
  auto it = related.by_grid.find(g.id);
  Data pages = it == related.by_grid.end() ? Data(Data::type::list) : related_cards(ctx, it->second, root);
  d.set("has_related", !pages.is_empty_list());
  d.set("related", pages);
  return d;
}

Data grid_card_view(const ViewContext& ctx, const Grid& g, const std::string& root) {
  Data d = frame_view(ctx, {grid_url(g.id) + "card/", g.name + "网格连心服务卡",
                            g.name + "网格连心服务卡：网格员、联系电话和二维码。", "", "website"});
  Data grid = grid_summary(ctx, g, root);
  grid.set("roles", staff_by_role(g));
  std::string page_url = ctx.config->absolute_url(grid_url(g.id));
  grid.set("page_url", page_url);
  grid.set("qr", qr_svg(page_url, g.name + "网页二维码"));
  // Hotlines: the community's and the branch's numbers, as the org gives them.
  Data hotlines(Data::type::list);
  for (const std::string& id : {g.community, g.branch}) {
    const OrgUnit* u = ctx.data->org.find(id);
    if (!u || u->phone.empty()) continue;
    Data h;
    h.set("name", u->name);
    h.set("phone", u->phone);
    h.set("tel", tel_href(u->phone));
    hotlines.push_back(h);
  }
  grid.set("has_hotlines", !hotlines.is_empty_list());
  grid.set("hotlines", hotlines);
  d.set("grid", grid);
  d.set("grid_url", root + grid_url(g.id));
  return d;
}

}  // namespace hongfan
