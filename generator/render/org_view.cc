// /org/ and /org/ID/: the tree(s) with rolled-up counts, and one unit with
// its breadcrumb, contact, intro, children and the news naming it.
#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "domain/org_rollup.h"
#include "markdown/markdown.h"
#include "render/data_views.h"
#include "render/urls.h"

namespace hongfan {

std::string org_url(const std::string& id) { return "org/" + id + "/"; }
std::string grid_url(const std::string& id) { return "grids/" + id + "/"; }
std::string station_url(const std::string& id) { return "stations/" + id + "/"; }

std::string tel_href(const std::string& phone) {
  std::string out = "tel:";
  for (char c : phone)
    if ((c >= '0' && c <= '9') || c == '+' || c == '-') out += c;
  return out;
}

RelatedPages index_related_pages(const ContentSet& content, const SiteData& data) {
  RelatedPages r;
  r.by_org.resize(data.org.units.size());
  for (const Page& p : content.pages) {
    if (p.is_section_index) continue;
    // An activity names its unit as `organizer:` (docs/content/reference/format.md); a page that
    // names one unit both ways is listed once.
    std::vector<std::ptrdiff_t> named;
    if (!p.org.id.empty()) named.push_back(data.org.index_of(p.org.id));
    if (p.activity && !p.activity->organizer.id.empty() && p.activity->organizer.id != p.org.id)
      named.push_back(data.org.index_of(p.activity->organizer.id));
    std::vector<bool> added(data.org.units.size(), false);
    for (std::ptrdiff_t at : named)
      for (; at >= 0; at = data.org.units[static_cast<std::size_t>(at)].parent_index) {
        if (added[static_cast<std::size_t>(at)]) continue;
        added[static_cast<std::size_t>(at)] = true;
        r.by_org[static_cast<std::size_t>(at)].push_back(&p);
      }
    if (!p.grid.id.empty()) r.by_grid[p.grid.id].push_back(&p);
    if (!p.station.id.empty()) r.by_station[p.station.id].push_back(&p);
  }
  auto newest_first = [](const Page* a, const Page* b) {
    if (a->date.value_or(INT64_MIN) != b->date.value_or(INT64_MIN))
      return a->date.value_or(INT64_MIN) > b->date.value_or(INT64_MIN);
    return a->source < b->source;
  };
  for (auto& v : r.by_org) std::sort(v.begin(), v.end(), newest_first);
  for (auto& [id, v] : r.by_grid) std::sort(v.begin(), v.end(), newest_first);
  for (auto& [id, v] : r.by_station) std::sort(v.begin(), v.end(), newest_first);
  return r;
}

Data related_cards(const ViewContext& ctx, const std::vector<const Page*>& pages,
                   const std::string& root) {
  Data list(Data::type::list);
  for (const Page* p : pages) {
    Data card = page_card(ctx, *p, root);
    const Section* s = ctx.content->section(p->section);
    card.set("section_title", s ? Data(s->title) : Data(false));
    list.push_back(card);
  }
  return list;
}

namespace {

// The tree as a flat list of rows, because templates cannot recurse: a
// unit with children opens <details> and a list, a leaf is one item, and
// `closes` says how many open lists end after the row. Every row sets every
// key the template reads, so no lookup falls through to an outer context.
void org_rows(const OrgTree& tree, std::size_t i, const std::string& root,
              std::vector<Data>& rows, std::vector<int>& closes) {
  const OrgUnit& u = tree.units[i];
  Data n;
  n.set("id", u.id);
  n.set("name", u.name);
  n.set("level", text_or_false(u.level));
  n.set("url", root + org_url(u.id));
  n.set("rollup", text_or_false(rollup_phrase(rollup_in_level_order(tree, u))));
  n.set("members_total", std::to_string(u.members_total));
  // Roots open; deeper levels fold so the page stays short on a phone.
  n.set("open", u.depth < 1);
  n.set("branch", !u.children.empty());
  n.set("leaf", u.children.empty());
  rows.push_back(n);
  closes.push_back(0);
  for (std::size_t c : u.children) org_rows(tree, c, root, rows, closes);
  if (!u.children.empty()) ++closes.back();
}

Data org_tree_rows(const OrgTree& tree, const std::string& root) {
  std::vector<Data> rows;
  std::vector<int> closes;
  for (std::size_t r : tree.roots) org_rows(tree, r, root, rows, closes);
  Data list(Data::type::list);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    Data close_list(Data::type::list);
    for (int c = 0; c < closes[k]; ++c) close_list.push_back(Data(true));
    rows[k].set("closes", close_list);
    list.push_back(rows[k]);
  }
  return list;
}

std::string render_intro(const ViewContext& ctx, const std::string& text, const std::string& root) {
  if (text.empty()) return {};
  MarkdownOptions options;
  options.unsafe_html = ctx.config->unsafe_html;
  options.indented_code = ctx.config->indented_code;
  return render_markdown(text, options, [&root](std::string_view url) {
           return resolve_link(root, url);
         }).html;
}

Data grid_links(const ViewContext& ctx, const std::string& unit_id, const std::string& root) {
  Data list(Data::type::list);
  for (const Grid& g : ctx.data->grids) {
    if (g.community != unit_id && g.branch != unit_id) continue;
    Data e;
    e.set("name", g.name);
    e.set("url", root + grid_url(g.id));
    list.push_back(e);
  }
  return list;
}

Data station_links(const ViewContext& ctx, const std::string& unit_id, const std::string& root) {
  Data list(Data::type::list);
  for (const Station& s : ctx.data->stations) {
    if (s.org != unit_id) continue;
    Data e;
    e.set("name", s.name);
    e.set("kind", text_or_false(s.kind));
    e.set("url", root + station_url(s.id));
    list.push_back(e);
  }
  return list;
}

}  // namespace

Data org_index_view(const ViewContext& ctx, const std::string& root) {
  const OrgTree& tree = ctx.data->org;
  std::string total = rollup_phrase(rollup_of_roots(tree));
  long long members = 0;
  for (std::size_t r : tree.roots) members += tree.units[r].members_total;
  Data d = frame_view(ctx, {"org/", "组织架构", "党组织体系：" + total, "", "website"});
  d.set("rows", org_tree_rows(tree, root));
  d.set("total", text_or_false(total));
  d.set("members_total", std::to_string(members));
  d.set("levels", text_or_false([&] {
          std::string s;
          for (const auto& l : tree.levels) s += (s.empty() ? "" : " → ") + l;
          return s;
        }()));
  return d;
}

Data org_unit_view(const ViewContext& ctx, const RelatedPages& related, std::size_t index,
                   const std::string& root) {
  const OrgTree& tree = ctx.data->org;
  const OrgUnit& u = tree.units[index];
  std::string phrase = rollup_phrase(rollup_in_level_order(tree, u));
  std::string description = u.name;
  if (!u.level.empty() && u.level != u.name) description += "（" + u.level + "）";
  if (!phrase.empty()) description += "，下辖" + phrase;
  Data d = frame_view(ctx, {org_url(u.id), u.name, description, "", "website"});

  Data crumbs(Data::type::list);
  std::vector<std::size_t> path = org_path(tree, index);
  for (std::size_t k = 0; k + 1 < path.size(); ++k) {
    Data c;
    c.set("name", tree.units[path[k]].name);
    c.set("url", root + org_url(tree.units[path[k]].id));
    crumbs.push_back(c);
  }
  Data unit;
  unit.set("id", u.id);
  unit.set("name", u.name);
  unit.set("level", text_or_false(u.level));
  unit.set("secretary", text_or_false(u.secretary));
  unit.set("phone", text_or_false(u.phone));
  unit.set("tel", u.phone.empty() ? Data(false) : Data(tel_href(u.phone)));
  unit.set("address", text_or_false(u.address));
  unit.set("intro", text_or_false(render_intro(ctx, u.intro, root)));
  unit.set("rollup", text_or_false(phrase));
  unit.set("members", std::to_string(u.members));
  unit.set("members_total", std::to_string(u.members_total));
  unit.set("has_below", !u.children.empty());
  Data children(Data::type::list);
  for (std::size_t c : u.children) {
    const OrgUnit& child = tree.units[c];
    Data e;
    e.set("id", child.id);
    e.set("name", child.name);
    e.set("level", text_or_false(child.level));
    e.set("url", root + org_url(child.id));
    e.set("rollup", text_or_false(rollup_phrase(rollup_in_level_order(tree, child))));
    e.set("members_total", std::to_string(child.members_total));
    children.push_back(e);
  }
  unit.set("children", children);
  unit.set("has_children", !u.children.empty());
  d.set("unit", unit);
  d.set("crumbs", crumbs);
  d.set("org_index_url", root + "org/");
  Data grids = grid_links(ctx, u.id, root);
  d.set("has_grids", !grids.is_empty_list());
  d.set("grids", grids);
  Data stations = station_links(ctx, u.id, root);
  d.set("has_stations", !stations.is_empty_list());
  d.set("stations", stations);
  Data pages = related_cards(ctx, related.by_org[index], root);
  d.set("has_related", !pages.is_empty_list());
  d.set("related", pages);
  return d;
}

}  // namespace hongfan
