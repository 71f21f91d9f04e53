#include "site/archive_pages.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

#include "content/news_type.h"
#include "core/date.h"

namespace hongfan {

namespace {

// A section's dated pages by year and month, newest first within each.
struct Months {
  std::map<int, std::map<int, std::vector<const Page*>>, std::greater<>> years;  // year → month → pages
};

Months group(const Section& s) {
  Months m;
  for (const Page* p : s.pages) {
    if (!p->date) continue;
    CivilTime t = civil_from_epoch(*p->date);
    m.years[t.year][t.month].push_back(p);
  }
  auto newest_first = [](const Page* a, const Page* b) {
    if (*a->date != *b->date) return *a->date > *b->date;
    return a->source < b->source;
  };
  for (auto& [year, months] : m.years)
    for (auto& [month, pages] : months) std::stable_sort(pages.begin(), pages.end(), newest_first);
  return m;
}

std::string year_url(const Section& s, int year) { return fmt::format("{}{}/", s.url, year); }
std::string month_url(const Section& s, int year, int month) {
  return fmt::format("{}{}/{:02}/", s.url, year, month);
}

// One list (a year or a month), paginated like the section itself.
void plan_list(OutputPlan& plan, const Section& s, std::shared_ptr<const ArchiveLinks> archives,
               const std::string& base, const std::string& title, std::vector<const Page*> pages) {
  const int per = plan.view().config->pagination;
  const int count = std::max<int>(1, static_cast<int>((pages.size() + per - 1) / per));
  auto shared = std::make_shared<const std::vector<const Page*>>(std::move(pages));
  std::string tmpl = plan.pick({"archive.html", "list.html"});
  for (int n = 1; n <= count; ++n) {
    std::string url = list_page_url(base, n);
    plan.add_page(url, tmpl, [&s, archives, shared, base, title, n, count, per, url](const ViewContext& v, const std::string& root) {
      std::string heading = n == 1 ? title : title + "（第" + std::to_string(n) + "页）";
      Data d = frame_view(v, {url, heading, "", "", "website"});
      Data sec;
      sec.set("title", s.title);
      sec.set("url", root + s.url);
      sec.set("intro", false);
      d.set("section", std::move(sec));
      d.set("pages", page_cards(v, *shared, static_cast<std::size_t>((n - 1) * per), per, root));
      d.set("empty", shared->empty());
      d.set("pager", pager_view(base, n, count, root));
      const Data& links = archives->for_root(root);
      d.set("has_archives", !links.is_bool());
      d.set("archives", links);
      return d;
    }, 0, n == 1);
  }
}

}  // namespace

ArchiveLinks::ArchiveLinks(const Section& s) : section_(s) {
  if (!is_news_type(s)) return;
  for (const Page* p : s.pages) {
    if (!p->date) continue;
    CivilTime t = civil_from_epoch(*p->date);
    ++years_[t.year][t.month];
  }
}

const Data& ArchiveLinks::for_root(const std::string& root) const {
  std::lock_guard lock(mutex_);
  auto [it, fresh] = made_.try_emplace(root, false);
  if (!fresh || years_.empty()) return it->second;
  Data years(Data::type::list);
  for (const auto& [year, months] : years_) {
    std::size_t total = 0;
    Data ml(Data::type::list);
    for (auto m = months.rbegin(); m != months.rend(); ++m) {
      Data e;
      e.set("title", fmt::format("{}月", m->first));
      e.set("url", root + month_url(section_, year, m->first));
      e.set("count", std::to_string(m->second));
      ml.push_back(e);
      total += m->second;
    }
    Data y;
    y.set("title", fmt::format("{}年", year));
    y.set("url", root + year_url(section_, year));
    y.set("count", std::to_string(total));
    y.set("months", ml);
    years.push_back(y);
  }
  it->second = std::move(years);
  return it->second;
}

void plan_archive_pages(OutputPlan& plan) {
  for (const auto& s : plan.view().content->sections) {
    if (!is_news_type(s)) continue;
    Months m = group(s);
    auto archives = std::make_shared<const ArchiveLinks>(s);
    for (const auto& [year, months] : m.years) {
      std::vector<const Page*> all;
      for (auto it = months.rbegin(); it != months.rend(); ++it)
        all.insert(all.end(), it->second.begin(), it->second.end());
      std::stable_sort(all.begin(), all.end(), [](const Page* a, const Page* b) { return *a->date > *b->date; });
      plan_list(plan, s, archives, year_url(s, year), fmt::format("{} · {}年", s.title, year), std::move(all));
      for (const auto& [month, pages] : months)
        plan_list(plan, s, archives, month_url(s, year, month), fmt::format("{} · {}年{}月", s.title, year, month), pages);
    }
  }
}

}  // namespace hongfan
