#include "site/home_blocks.h"

#include <fmt/format.h>

#include "core/date.h"
#include "domain/rankings.h"
#include "render/charts.h"
#include "site/activity_pages.h"
#include "site/points_pages.h"

namespace hongfan {

void plan_home_blocks(OutputPlan& plan, const Programme& prog) {
  const Programme* pp = &prog;
  plan.add_home_extra([pp](Data& d, const ViewContext& v, const std::string& root) {
    CivilTime now = civil_from_epoch(v.now);
    // Headline figures: computed ones, then those staff state.
    std::vector<Data> figures;
    auto fig = [&](const std::string& label, long long value, const std::string& unit, const std::string& note) {
      Data f;
      f.set("label", label);
      f.set("value", std::to_string(value));
      f.set("unit", unit);
      f.set("note", text_or_false(note));
      figures.push_back(f);
    };
    const SiteData& data = *v.data;
    if (!data.grids.empty()) fig("网格", static_cast<long long>(data.grids.size()), "个", "");
    long long branches = 0, members = 0;
    for (const auto& u : data.org.units) {
      if (u.level.find("支部") != std::string::npos) ++branches;
      members += u.members;
    }
    long long people_members = 0;
    for (const auto& p : data.people) people_members += p.member;
    if (branches) fig("党支部", branches, "个", "");
    if (members || people_members) fig("党员", members ? members : people_members, "名", "");
    long long acts = 0;
    for (const auto& a : pp->activities) acts += civil_from_epoch(a.start).year == now.year;
    if (!pp->activities.empty()) fig(fmt::format("{}年志愿活动", now.year), acts, "场", "");
    long long awarded = 0;
    for (const auto& r : data.points.rows)
      if (r.year == now.year && r.points > 0) awarded += r.points;
    if (!data.points.rows.empty()) fig(fmt::format("{}年发放积分", now.year), awarded, "分", "");
    for (const auto& f : data.community.figures) {
      Data e;
      e.set("label", f.label);
      e.set("value", f.value);
      e.set("unit", f.unit);
      e.set("note", f.as_of.empty() ? Data(false) : Data("截至" + f.as_of));
      figures.push_back(e);
    }
    d.set("has_figures", !figures.empty());
    d.set("figures", list_of(figures));

    std::vector<Data> upcoming;
    for (const Activity* a : upcoming_activities(*pp, v.now, 5)) upcoming.push_back(activity_card(v, *a, root));
    d.set("has_activities", v.content->section("activities") != nullptr);
    d.set("has_upcoming", !upcoming.empty());
    d.set("upcoming", list_of(upcoming));
    d.set("activities_url", root + "activities/");
    std::vector<Data> brands;
    for (const auto& b : pp->brands) brands.push_back(brand_card(v, b, root));
    d.set("has_brands", !brands.empty());
    d.set("brands", list_of(brands));
    d.set("brands_url", root + "brands/");

    d.set("has_rankings", !data.points.rows.empty());
    if (!data.points.rows.empty())
      d.set("ranking_groups", ranking_groups(v, {month_period(now.year, now.month), year_period(now.year)}, 5, root));
    d.set("points_url", root + "points/");

    std::vector<Data> hotlines;
    for (const auto& h : data.community.hotlines) {
      Data e;
      e.set("name", h.name);
      e.set("phone", h.phone);
      std::string tel;
      for (char c : h.phone)
        if ((c >= '0' && c <= '9') || c == '+') tel += c;
      e.set("tel", tel);
      e.set("hours", text_or_false(h.hours));
      hotlines.push_back(e);
    }
    d.set("has_hotlines", !hotlines.empty());
    d.set("hotlines", list_of(hotlines));

    // Charts, drawn now so they need no script.
    std::vector<Data> charts;
    if (!data.points.rows.empty()) {
      auto per_month = points_per_month(data.points.rows, now.year, now.month);
      std::vector<ChartBar> bars;
      int y = now.year, m = now.month;
      for (int i = 11; i >= 0; --i) {
        int mm = m - i, yy = y;
        while (mm < 1) mm += 12, --yy;
        bars.push_back({fmt::format("{}年{}月", yy, mm), fmt::format("{}月", mm), per_month[static_cast<std::size_t>(11 - i)], ""});
      }
      charts.push_back(chart_view("chart-points", "近12个月每月发放积分", "分", bars));
    }
    if (!pp->activities.empty()) {
      std::vector<ChartBar> bars;
      const auto& colours = wucai_colours();
      for (std::size_t i = 0; i < colours.size(); ++i) {
        long long n = 0;
        for (const auto& a : pp->activities) n += a.colour == static_cast<int>(i);
        bars.push_back({colours[i].name, colours[i].name, n, colours[i].hex});
      }
      charts.push_back(chart_view("chart-colours", "各类五彩志愿活动数量", "场", bars));
    }
    d.set("has_charts", !charts.empty());
    d.set("charts", list_of(charts));
  });
}

}  // namespace hongfan
