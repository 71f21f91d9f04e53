#include "site/points_pages.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/date.h"
#include "domain/rankings.h"
#include "render/urls.h"

namespace hongfan {

namespace {

std::string grid_label(const ViewContext& v, const std::string& id) {
  const Grid* g = v.data->grid(id);
  return g && !g->name.empty() ? g->name : id;
}

// One ranking table: data-category and data-period let tests find it.
Data ranking_table(const ViewContext& v, const std::string& category, const Period& period, int top,
                   const std::string& root) {
  const auto& rows = v.data->points.rows;
  Data t;
  t.set("category", category);
  t.set("period", period.key());
  t.set("title", period.label() + " · " + category);
  t.set("show_balance", period.kind == Period::Kind::all);
  std::vector<Data> items;
  for (const auto& r : rank_people(rows, category, period, top)) {
    Data e;
    e.set("rank", std::to_string(r.rank));
    e.set("name", r.name);
    e.set("grid", grid_label(v, r.grid));
    e.set("grid_url", v.data->grid(r.grid) ? Data(root + "grids/" + r.grid + "/") : Data(false));
    e.set("points", std::to_string(r.points));
    // An overdrawn balance is a ledger mistake (load_points warns about
    // it); residents see 0, never a negative balance.
    e.set("balance", std::to_string(std::max(0LL, balance_of(rows, r.key))));
    e.set("show_balance", period.kind == Period::Kind::all);
    items.push_back(e);
  }
  t.set("empty", items.empty());
  t.set("rows", list_of(items));
  return t;
}

std::vector<std::string> categories(const ViewContext& v) {
  std::vector<std::string> cats = v.config->points_categories;
  if (cats.empty()) {
    std::set<std::string> seen;
    for (const auto& r : v.data->points.rows)
      if (r.points >= 0 && seen.insert(r.category).second) cats.push_back(r.category);
  }
  return cats;
}

}  // namespace

Data ranking_groups(const ViewContext& v, const std::vector<Period>& periods, int top, const std::string& root) {
  std::vector<Data> groups;
  for (const auto& cat : categories(v)) {
    Data g;
    g.set("category", cat);
    std::vector<Data> tables;
    for (const auto& p : periods) tables.push_back(ranking_table(v, cat, p, top, root));
    g.set("tables", list_of(tables));
    groups.push_back(g);
  }
  return list_of(groups);
}

namespace {

Data period_links(const std::set<std::pair<int, int>>& months, const std::string& root) {
  std::vector<Data> years;
  std::map<int, std::vector<int>> by_year;
  for (auto [y, m] : months) by_year[y].push_back(m);
  for (auto it = by_year.rbegin(); it != by_year.rend(); ++it) {
    Data y;
    y.set("title", fmt::format("{}年", it->first));
    y.set("url", root + fmt::format("points/{}/", it->first));
    std::vector<Data> ms;
    for (int m : it->second) {
      Data e;
      e.set("title", fmt::format("{}月", m));
      e.set("url", root + fmt::format("points/{}/{:02}/", it->first, m));
      ms.push_back(e);
    }
    y.set("months", list_of(ms));
    years.push_back(y);
  }
  return list_of(years);
}

void set_common(Data& d, const std::set<std::pair<int, int>>& months, const std::string& root) {
  d.set("periods", period_links(months, root));
  d.set("points_url", root + "points/");
  d.set("grids_url", root + "points/grids/");
  d.set("rewards_url", root + "points/rewards/");
}

}  // namespace

void plan_points_pages(OutputPlan& plan) {
  const ViewContext& view = plan.view();
  const auto& rows = view.data->points.rows;
  if (rows.empty() && !view.data->community.shop.present) return;
  auto months = std::make_shared<std::set<std::pair<int, int>>>();
  for (const auto& r : rows)
    if (r.points >= 0) months->insert({r.year, r.month});
  const int top = view.config->points_top;
  std::string tmpl = plan.pick({"points.html"});

  plan.add_page("points/", tmpl, [months, top](const ViewContext& v, const std::string& root) {
    Data d = frame_view(v, {"points/", "积分榜", "先锋指数、文明积分排行：本月、本季度、本年和累计。", "", "website"});
    d.set("title", "积分榜");
    CivilTime now = civil_from_epoch(v.now);
    d.set("groups", ranking_groups(v, {month_period(now.year, now.month), quarter_period(now.year, now.month),
                                   year_period(now.year), Period{}}, top, root));
    d.set("note", fmt::format("统计截至{}。兑换积分不影响排名；居民姓名已按隐私规定隐去部分字。", format_chinese_date(v.now)));
    set_common(d, *months, root);
    return d;
  });
  std::set<int> years;
  for (auto [y, m] : *months) years.insert(y);
  for (int y : years) {
    std::string url = fmt::format("points/{}/", y);
    plan.add_page(url, tmpl, [months, top, y, url](const ViewContext& v, const std::string& root) {
      std::string title = fmt::format("{}年积分榜", y);
      Data d = frame_view(v, {url, title, "", "", "website"});
      d.set("title", title);
      std::vector<Period> periods = {year_period(y)};
      std::set<int> quarters;
      for (auto [yy, m] : *months)
        if (yy == y) quarters.insert((m - 1) / 3 + 1);
      for (int q : quarters) periods.push_back({Period::Kind::quarter, y, q});
      d.set("groups", ranking_groups(v, periods, top, root));
      d.set("note", "兑换积分不影响排名；居民姓名已按隐私规定隐去部分字。");
      set_common(d, *months, root);
      return d;
    });
  }
  for (const auto& month : *months) {
    // Named copies: clang before 16 cannot capture structured bindings.
    const int y = month.first, m = month.second;
    std::string url = fmt::format("points/{}/{:02}/", y, m);
    plan.add_page(url, tmpl, [months, top, y, m, url](const ViewContext& v, const std::string& root) {
      std::string title = fmt::format("{}年{}月积分榜", y, m);
      Data d = frame_view(v, {url, title, "", "", "website"});
      d.set("title", title);
      d.set("groups", ranking_groups(v, {month_period(y, m)}, top, root));
      d.set("note", "兑换积分不影响排名；居民姓名已按隐私规定隐去部分字。");
      set_common(d, *months, root);
      return d;
    });
  }

  plan.add_page("points/grids/", plan.pick({"points-grids.html"}), [months](const ViewContext& v, const std::string& root) {
    Data d = frame_view(v, {"points/grids/", "网格积分排行", "各网格户均积分排行", "", "website"});
    d.set("title", "网格积分排行");
    std::vector<GridHouseholds> gh;
    for (const auto& g : v.data->grids) gh.push_back({g.id, g.households});
    CivilTime now = civil_from_epoch(v.now);
    std::vector<Data> tables;
    for (const Period& p : {year_period(now.year), Period{}}) {
      Data t;
      t.set("title", p.label() + " · 户均积分");
      t.set("period", p.key());
      std::vector<Data> items;
      for (const auto& g : rank_grids(v.data->points.rows, gh, p)) {
        Data e;
        e.set("rank", g.rank ? std::to_string(g.rank) : std::string("—"));
        e.set("grid", grid_label(v, g.grid));
        e.set("grid_url", v.data->grid(g.grid) ? Data(root + "grids/" + g.grid + "/") : Data(false));
        e.set("points", std::to_string(g.points));
        e.set("households", g.households ? std::to_string(g.households) : std::string("未登记"));
        e.set("per_household", g.households ? fmt::format("{:.2f}", static_cast<double>(g.points) / g.households)
                                            : std::string("—"));
        items.push_back(e);
      }
      t.set("rows", list_of(items));
      tables.push_back(t);
    }
    d.set("tables", list_of(tables));
    set_common(d, *months, root);
    return d;
  });

  plan.add_page("points/rewards/", plan.pick({"points-rewards.html"}), [months](const ViewContext& v, const std::string& root) {
    const RewardShop& shop = v.data->community.shop;
    Data d = frame_view(v, {"points/rewards/", shop.name, "积分兑换超市：可兑换的物品、所需积分、地点和开放时间。", "", "website"});
    d.set("title", shop.name);
    const Station* st = shop.station.empty() ? nullptr : v.data->station(shop.station);
    std::string place = st ? st->name : shop.station;
    std::string address = !shop.address.empty() ? shop.address : st ? st->address : "";
    d.set("place", text_or_false(place));
    d.set("place_url", st ? Data(root + "stations/" + st->id + "/") : Data(false));
    d.set("address", text_or_false(address));
    d.set("hours", text_or_false(!shop.hours.empty() ? shop.hours : st ? st->hours : ""));
    std::vector<Data> items;
    for (const auto& r : shop.rewards) {
      Data e;
      e.set("name", r.name);
      e.set("points", std::to_string(r.points));
      e.set("stock", r.stock ? Data(std::to_string(*r.stock)) : Data(false));
      e.set("image", r.image.empty() ? Data(false) : Data(resolve_link(root, r.image)));
      items.push_back(e);
    }
    d.set("has_rewards", !items.empty());
    d.set("rewards", list_of(items));
    set_common(d, *months, root);
    return d;
  });
}

void plan_honor_pages(OutputPlan& plan) {
  if (plan.view().data->community.honors.empty()) return;
  plan.add_page("honors/", plan.pick({"honors.html"}), [](const ViewContext& v, const std::string& root) {
    Data d = frame_view(v, {"honors/", "荣誉榜", "五星党员、五星家庭、最美网格员", "", "website"});
    d.set("title", "荣誉榜");
    std::vector<Data> rolls;
    int n = 0;
    for (const auto& h : v.data->community.honors) {
      Data r;
      r.set("id", fmt::format("roll-{}", ++n));
      r.set("title", h.title);
      r.set("kind", text_or_false(h.kind));
      r.set("year", h.year ? Data(fmt::format("{}年", h.year)) : Data(false));
      std::vector<Data> people;
      for (const auto& a : h.awardees) {
        Data p;
        p.set("name", a.name);
        p.set("grid", a.grid.empty() ? Data(false) : Data(grid_label(v, a.grid)));
        p.set("grid_url", v.data->grid(a.grid) ? Data(root + "grids/" + a.grid + "/") : Data(false));
        p.set("story", text_or_false(a.story));
        std::vector<Data> stars;
        for (const auto& s : a.stars) stars.push_back(Data(s));
        p.set("has_stars", !stars.empty());
        p.set("stars", list_of(stars));
        p.set("star_count", std::to_string(a.stars.size()));
        people.push_back(p);
      }
      r.set("awardees", list_of(people));
      rolls.push_back(r);
    }
    d.set("rolls", list_of(rolls));
    return d;
  });
}

}  // namespace hongfan
