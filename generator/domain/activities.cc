#include "domain/activities.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "core/date.h"
#include "core/i18n.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/yaml.h"
#include "data/loaders.h"

namespace hongfan {

const std::vector<WucaiColour>& wucai_colours() {
  static const std::vector<WucaiColour> colours = {
      {"红色教育", "red", "#c8161d"},   {"橙色关怀", "orange", "#d9650b"},
      {"蓝色调节", "blue", "#1f5fbf"},  {"绿色志愿", "green", "#2e7d32"},
      {"紫色便民", "purple", "#7b3fa0"}};
  return colours;
}

int wucai_index(std::string_view name) {
  const auto& c = wucai_colours();
  for (std::size_t i = 0; i < c.size(); ++i)
    if (name == c[i].name) return static_cast<int>(i);
  return -1;
}

const Brand* Programme::brand(const std::string& id) const {
  auto it = std::lower_bound(brands.begin(), brands.end(), id,
                             [](const Brand& b, const std::string& k) { return b.id < k; });
  return it != brands.end() && it->id == id ? &*it : nullptr;
}

namespace {

YamlSource front_source(const Page& p) { return front_matter_source(p); }

std::optional<DateTime> read_time(const Page& p, const char* key, const YamlSource& src,
                                  Diagnostics& diags) {
  auto text = yaml_string(p.front, key, src, diags);
  if (!text) return std::nullopt;
  std::string why;
  auto dt = parse_datetime(trim(*text), &why);
  if (!dt)
    diags.error(src.at(p.front[key]), tr("front matter: {} '{}' is not a date-time: {}", key, *text, why),
                tr("write it like `{}: 2024-06-15 09:00`", key));
  return dt;
}

std::vector<Brand> read_brands(const ContentSet& content, Diagnostics& diags) {
  std::vector<Brand> brands;
  const Section* s = content.section("brands");
  if (!s) return brands;
  for (const Page* p : s->pages) {
    YamlSource src = front_source(*p);
    Brand b;
    b.page = p;
    b.id = p->slug;
    if (auto v = yaml_string(p->front, "slogan", src, diags)) b.slogan = *v;
    // `org:` is read with every page's references and checked by
    // site/link_data.cc, like a news page's.
    b.org = std::string(trim(p->org.id));
    if (auto v = yaml_string(p->front, "logo", src, diags)) b.logo = *v;
    if (auto v = yaml_string(p->front, "color", src, diags)) b.colour = *v;
    brands.push_back(std::move(b));
  }
  std::sort(brands.begin(), brands.end(), [](const Brand& a, const Brand& b) { return a.id < b.id; });
  return brands;
}

}  // namespace

bool is_programme_page(const Page& page) { return page.section == "activities" || page.section == "brands"; }

Programme read_programme(const ContentSet& content, const SiteData& data, Diagnostics& diags) {
  Programme prog;
  prog.brands = read_brands(content, diags);
  std::vector<std::string> brand_ids;
  for (const auto& b : prog.brands) brand_ids.push_back(b.id);
  const std::vector<std::string> org_ids = index_ids(data.org.by_id);

  // A `brand:` anywhere (news about a brand, too) must name a brand.
  for (const auto& p : content.pages) {
    if (p.brand.id.empty() || prog.brand(p.brand.id)) continue;
    diags.error(p.brand.loc,
                tr("front matter: brand '{}' is not a brand in content/brands/{}", p.brand.id,
                   did_you_mean(p.brand.id, brand_ids)),
                _("a brand's id is the slug of its page in content/brands/"));
  }

  const Section* s = content.section("activities");
  if (!s) return prog;
  for (const Page* p : s->pages) {
    Diagnostics local;
    YamlSource src = front_source(*p);
    Activity a;
    a.page = p;
    auto start = read_time(*p, "start", src, local);
    auto end = read_time(*p, "end", src, local);
    if (!start && !p->front["start"].IsDefined())
      local.error({p->source, 2, 1}, _("front matter: 'start' is required in activities/"),
                  _("add a line like `start: 2024-06-15T09:00`"));
    if (start) a.start = a.end = start->epoch;
    if (end) a.end = end->epoch;
    if (start && end && end->epoch < start->epoch)
      local.error(src.at(p->front["end"]),
                  tr("front matter: end {} is before start {}", format_rfc3339(end->epoch),
                     format_rfc3339(start->epoch)),
                  _("an activity must end after it starts"));
    if (auto v = yaml_string(p->front, "place", src, local)) a.place = *v;
    // `station:` is a reference of every page, checked by site/link_data.cc.
    a.station = p->station;
    // `organizer:` is one of activities only; reported as link_data reports
    // the others, so `organizer: jsyj` reads like `org: jsyj` in news.
    if (auto v = yaml_string(p->front, "organizer", src, local); v && !trim(*v).empty()) {
      a.organizer = {*v, src.at(p->front["organizer"])};
      if (!data.org.units.empty() && !data.org.find(*v))
        report_unknown_ref(a.organizer.loc, _("front matter"), "organizer", *v, RefKind::org_unit,
                           org_ids, local);
    }
    a.brand = p->brand.id;
    if (const Brand* b = prog.brand(a.brand)) a.brand_title = b->page->title;
    if (auto v = yaml_string(p->front, "color", src, local)) {
      a.colour = wucai_index(trim(*v));
      if (a.colour < 0)
        local.error(src.at(p->front["color"]),
                    tr("front matter: color '{}' is not one of the 五彩 colours", *v),
                    _("use one of 红色教育, 橙色关怀, 蓝色调节, 绿色志愿, 紫色便民"));
    }
    a.capacity = yaml_int(p->front, "capacity", src, local);
    a.points = yaml_int(p->front, "points", src, local);
    // `signup:` is text, or {text, url, qr} (docs/content/reference/format.md).
    if (const YAML::Node su = p->front["signup"]; su.IsDefined() && su.IsMap()) {
      if (auto v = yaml_string(su, "text", src, local)) a.signup = *v;
      if (auto v = yaml_string(su, "url", src, local)) a.signup_url = std::string(trim(*v));
      if (auto v = yaml_string(su, "qr", src, local)) a.signup_qr = std::string(trim(*v));
      if (!a.signup_url.empty() && !starts_with(a.signup_url, "https://") && !starts_with(a.signup_url, "http://"))
        local.error(src.at(su["url"]), tr("signup url '{}' cannot be used as a link", a.signup_url),
                    _("write an address starting with https://"));
    } else if (auto v = yaml_string(p->front, "signup", src, local)) {
      a.signup = *v;
    }
    bool ok = !local.has_errors();
    diags.merge(std::move(local));
    if (ok) prog.activities.push_back(std::move(a));
  }
  std::sort(prog.activities.begin(), prog.activities.end(), [](const Activity& x, const Activity& y) {
    return std::tie(x.start, x.page->source) < std::tie(y.start, y.page->source);
  });
  return prog;
}

}  // namespace hongfan
