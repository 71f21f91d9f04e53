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

// A date-time as written in `key:`, or nullopt (reported when it is not one).
std::optional<DateTime> read_time(const Written& w, const char* key, Diagnostics& diags) {
  if (!w.given()) return std::nullopt;
  std::string why;
  auto dt = parse_datetime(trim(w.text), &why);
  if (!dt)
    diags.error(w.loc, tr("front matter: {} '{}' is not a date-time: {}", key, w.text, why),
                tr("write it like `{}: 2024-06-15 09:00`", key));
  return dt;
}

std::vector<Brand> read_brands(const ContentSet& content) {
  std::vector<Brand> brands;
  const Section* s = content.section("brands");
  if (!s) return brands;
  for (const Page* p : s->pages) {
    Brand b;
    b.page = p;
    b.id = p->slug;
    if (p->brand_fields) {
      b.slogan = p->brand_fields->slogan;
      b.logo = p->brand_fields->logo;
      b.colour = p->brand_fields->colour;
    }
    // `org:` is read with every page's references and checked by
    // site/link_data.cc, like a news page's.
    b.org = std::string(trim(p->org.id));
    brands.push_back(std::move(b));
  }
  std::sort(brands.begin(), brands.end(), [](const Brand& a, const Brand& b) { return a.id < b.id; });
  return brands;
}

}  // namespace

Programme read_programme(const ContentSet& content, const SiteData& data, Diagnostics& diags) {
  Programme prog;
  prog.brands = read_brands(content);
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
    if (!p->activity) continue;  // parse_page reads them for each page of activities/
    const ActivityFields& f = *p->activity;
    Diagnostics local;
    Activity a;
    a.page = p;
    auto start = read_time(f.start, "start", local);
    auto end = read_time(f.end, "end", local);
    if (f.start.missing())
      local.error(f.start.at({p->source, 2, 1}), _("front matter: 'start' is required in activities/"),
                  f.start.empty ? _("write the date and time after `start:`, like `start: 2024-06-15 09:00`")
                                : _("add a line like `start: 2024-06-15T09:00`"));
    if (start) a.start = a.end = start->epoch;
    if (end) a.end = end->epoch;
    if (start && end && end->epoch < start->epoch)
      local.error(f.end.loc,
                  tr("front matter: end {} is before start {}", format_rfc3339(end->epoch),
                     format_rfc3339(start->epoch)),
                  _("an activity must end after it starts"));
    a.place = f.place;
    // `station:` is a reference of every page, checked by site/link_data.cc.
    a.station = p->station;
    // `organizer:` is one of activities only; reported as link_data reports
    // the others, so `organizer: jsyj` reads like `org: jsyj` in news.
    if (!trim(f.organizer.id).empty()) {
      a.organizer = f.organizer;
      if (!data.org.units.empty() && !data.org.find(a.organizer.id))
        report_unknown_ref(a.organizer.loc, _("front matter"), "organizer", a.organizer.id, RefKind::org_unit,
                           org_ids, local);
    }
    a.brand = p->brand.id;
    if (const Brand* b = prog.brand(a.brand)) a.brand_title = b->page->title;
    if (f.colour.given()) {
      a.colour = wucai_index(trim(f.colour.text));
      if (a.colour < 0)
        local.error(f.colour.loc, tr("front matter: color '{}' is not one of the 五彩 colours", f.colour.text),
                    _("use one of 红色教育, 橙色关怀, 蓝色调节, 绿色志愿, 紫色便民"));
    }
    a.capacity = f.capacity;
    a.points = f.points;
    a.signup = f.signup;
    a.signup_url = f.signup_url.text;
    a.signup_qr = f.signup_qr;
    if (!a.signup_url.empty() && !starts_with(a.signup_url, "https://") && !starts_with(a.signup_url, "http://"))
      local.error(f.signup_url.loc, tr("signup url '{}' cannot be used as a link", a.signup_url),
                  _("write an address starting with https://"));
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
