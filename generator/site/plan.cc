#include "site/plan.h"

#include <algorithm>
#include <memory>

#include "render/feeds.h"
#include "render/article_meta.h"
#include "render/minify.h"
#include "render/urls.h"
#include "site/archive_pages.h"

namespace hongfan {

namespace {

constexpr std::size_t kHomeLatest = 10;
constexpr std::size_t kHomeNotices = 5;
// content/pages/ holds free pages (社区简介 …) reached from the menu; they
// get no list page of their own.
constexpr const char* kFreePagesSection = "pages";

// Sections whose pages have pages of their own, planned beside this file
// (site/activity_pages.cc), not as generic lists and singles.
bool planned_elsewhere(const std::string& section) {
  return section == "activities" || section == "brands" || section == "gongkai";
}

// Home, section lists, single pages, taxonomies, 404, feed and robots.txt.
class ContentPlanner {
 public:
  explicit ContentPlanner(OutputPlan& plan) : plan_(plan) {}

  void run() {
    home();
    for (const auto& s : plan_.view().content->sections)
      if (s.name != kFreePagesSection && !planned_elsewhere(s.name)) section(s);
    for (const auto& p : plan_.view().content->pages)
      if (!p.is_section_index && !planned_elsewhere(p.section)) single(p);
    taxonomy(plan_.view().content->tags);
    taxonomy(plan_.view().content->categories);
    not_found();
    feeds();
  }

 private:
  void home() {
    std::string tmpl = plan_.pick({"home.html", "list.html"});
    plan_.add_page("", tmpl, [extras = plan_.home_extras()](const ViewContext& v, const std::string& root) {
      Data d = frame_view(v, {"", "", "", "", "website"});
      const auto* content = v.content;
      const Section* news = content->section("news");
      const Section* notices = content->section("notices");
      std::vector<const Page*> latest;
      if (news) {
        for (const Page* p : news->pages)
          if (!p->expired) latest.push_back(p);  // the format reference (docs/content/reference/): expired pages leave home
        std::stable_sort(latest.begin(), latest.end(), [](const Page* a, const Page* b) {
          return a->date.value_or(INT64_MIN) > b->date.value_or(INT64_MIN);
        });
      }
      d.set("latest", page_cards(v, latest, 0, kHomeLatest, root));
      d.set("news_url", news ? Data(root + news->url) : Data(false));
      Data pinned(Data::type::list), recent(Data::type::list);
      if (notices) {
        for (const Page* p : notices->pages) {
          if (p->expired) continue;
          if (p->pinned) pinned.push_back(page_card(v, *p, root));
          else if (recent.list_value().size() < kHomeNotices) recent.push_back(page_card(v, *p, root));
        }
      }
      // kainjow cannot test a list for emptiness by index, so say it.
      d.set("has_pinned_notices", !pinned.is_empty_list());
      d.set("has_notices", !recent.is_empty_list());
      d.set("pinned_notices", std::move(pinned));
      d.set("notices", std::move(recent));
      d.set("notices_url", notices ? Data(root + notices->url) : Data(false));
      Data sections(Data::type::list);
      for (const auto& s : content->sections) {
        Data e;
        e.set("title", s.title);
        e.set("url", root + s.url);
        e.set("count", std::to_string(s.pages.size()));
        sections.push_back(std::move(e));
      }
      d.set("sections", std::move(sections));
      // 我的网格 (docs/content/reference/urls.md): a building box that opens the lookup on /grids/.
      bool has_grids = v.data && !v.data->grids.empty();
      d.set("grid_lookup_url", has_grids ? Data(root + "grids/") : Data(false));
      const Page* intro = nullptr;
      for (const auto& p : content->pages)
        if (p.is_section_index && p.section.empty()) intro = &p;
      d.set("intro", intro ? Data(intro->content_html) : Data(false));
      for (const auto& extra : *extras) extra(d, v, root);
      return d;
    });
  }

  void section(const Section& s) {
    const int per = plan_.view().config->pagination;
    const int count = std::max<int>(1, static_cast<int>((s.pages.size() + per - 1) / per));
    std::string tmpl = plan_.pick({"list-" + s.name + ".html", "list.html"});
    auto archives = std::make_shared<const ArchiveLinks>(s);  // by year and month (site/archive_pages.cc)
    for (int n = 1; n <= count; ++n) {
      std::string url = list_page_url(s.url, n);
      plan_.add_page(url, tmpl, [&s, archives, n, count, per, url](const ViewContext& v, const std::string& root) {
        std::string title = n == 1 ? s.title : s.title + "（第" + std::to_string(n) + "页）";
        std::string description = s.index ? s.index->plain_summary : std::string();
        Data d = frame_view(v, {url, title, description, "", "website"});
        Data sec;
        sec.set("title", s.title);
        sec.set("url", root + s.url);
        sec.set("intro", n == 1 && s.index && !s.index->content_html.empty()
                             ? Data(s.index->content_html) : Data(false));
        d.set("section", std::move(sec));
        d.set("pages", page_cards(v, s.pages, static_cast<std::size_t>((n - 1) * per), per, root));
        d.set("empty", s.pages.empty());
        d.set("pager", pager_view(s.url, n, count, root));
        const Data& links = archives->for_root(root);
        d.set("has_archives", !links.is_bool());
        d.set("archives", links);
        return d;
      }, 0, n == 1);
    }
  }

  void single(const Page& p) {
    std::string tmpl = plan_.pick({"single-" + p.section + ".html", "single.html"});
    plan_.add_page(p.url, tmpl, [&p](const ViewContext& v, const std::string& root) {
      std::string image = p.cover;
      Data d = frame_view(v, {p.url, p.title, p.plain_summary, image, p.date ? "article" : "website"});
      d.set("page", page_view(v, p, root));
      d.set("article_meta", article_meta_view(v, p));
      return d;
    }, p.date.value_or(0));
  }

  void taxonomy(const Taxonomy& tax) {
    if (tax.terms.empty()) return;
    std::string index_url = tax.key + "/";
    plan_.add_page(index_url, plan_.pick({"terms.html"}), [&tax, index_url](const ViewContext& v, const std::string& root) {
      Data d = frame_view(v, {index_url, tax.title, "", "", "website"});
      Data terms(Data::type::list);
      std::vector<const Term*> sorted;
      for (const auto& term : tax.terms) sorted.push_back(&term);
      std::stable_sort(sorted.begin(), sorted.end(), [](const Term* a, const Term* b) {
        return a->pages.size() > b->pages.size();
      });
      for (const Term* term : sorted) {
        Data e;
        e.set("name", term->name);
        e.set("url", root + term->url);
        e.set("count", std::to_string(term->pages.size()));
        terms.push_back(std::move(e));
      }
      Data taxd;
      taxd.set("title", tax.title);
      taxd.set("terms", std::move(terms));
      d.set("taxonomy", std::move(taxd));
      return d;
    });
    const int per = plan_.view().config->pagination;
    for (const auto& term : tax.terms) {
      const int count = std::max<int>(1, static_cast<int>((term.pages.size() + per - 1) / per));
      for (int n = 1; n <= count; ++n) {
        std::string url = list_page_url(term.url, n);
        plan_.add_page(url, plan_.pick({"term.html", "list.html"}),
                 [&tax, &term, n, count, per, url](const ViewContext& v, const std::string& root) {
                   std::string title = tax.title + "：" + term.name;
                   if (n > 1) title += "（第" + std::to_string(n) + "页）";
                   Data d = frame_view(v, {url, title, "", "", "website"});
                   Data termd;
                   termd.set("name", term.name);
                   termd.set("taxonomy_title", tax.title);
                   termd.set("taxonomy_url", root + tax.key + "/");
                   d.set("term", std::move(termd));
                   d.set("pages", page_cards(v, term.pages, static_cast<std::size_t>((n - 1) * per), per, root));
                   d.set("pager", pager_view(term.url, n, count, root));
                   return d;
                 },
                 0, n == 1);
      }
    }
  }

  void not_found() {
    if (!plan_.templates().has("404.html")) return;
    // Served at any path, so its links start at base_url.
    plan_.add_html_file("404.html", plan_.view().config->base_url, "404.html",
                        [](const ViewContext& v, const std::string&) {
                          PageMeta meta{"404.html", "页面未找到", "", "", "website"};
                          meta.absolute_root = true;
                          return frame_view(v, meta);
                        });
  }

  void feeds() {
    const ViewContext* v = &plan_.view();
    plan_.add_file({"feed.xml", [v](std::string& out) {
                      out += render_atom_feed(*v->config, v->content->dated_pages(), v->now);
                    }});
    plan_.add_file({"robots.txt", [v](std::string& out) { out += render_robots(*v->config); }});
  }
  OutputPlan& plan_;
};

}  // namespace

OutputPlan::OutputPlan(const ViewContext& view, const TemplateSet& templates)
    : view_(view), templates_(templates) {}

std::string OutputPlan::pick(std::initializer_list<std::string> names) const {
  for (const auto& n : names)
    if (templates_.has(n)) return n;
  return *(names.end() - 1);
}

std::shared_ptr<const Data> OutputPlan::frame_for(const std::string& root) {
  auto& frame = frames_[root];
  if (!frame) frame = std::make_shared<const Data>(site_view(view_, root));
  return frame;
}

void OutputPlan::add_page(const std::string& url, const std::string& tmpl, ViewFn view,
                          std::int64_t lastmod, bool in_sitemap) {
  if (in_sitemap) sitemap_->push_back({url, lastmod});
  add_html_file(url + "index.html", root_prefix(url), tmpl, std::move(view));
}

void OutputPlan::add_html_file(const std::string& path, const std::string& root,
                               const std::string& tmpl, ViewFn view) {
  const ViewContext* v = &view_;
  const TemplateSet* t = &templates_;
  jobs_.push_back({path, [v, t, tmpl, view = std::move(view), root, frame = frame_for(root)](
                             std::string& out) {
                     thread_local std::string page;
                     page.clear();
                     t->render(tmpl, *frame, view(*v, root), page);
                     out += minify_html(v->offline ? link_index_files(page) : page);
                   }});
}

void OutputPlan::add_file(OutputJob job) { jobs_.push_back(std::move(job)); }

void OutputPlan::add_home_extra(HomeExtra extra) { home_extras_->push_back(std::move(extra)); }

std::vector<OutputJob> OutputPlan::finish() {
  std::sort(sitemap_->begin(), sitemap_->end(),
            [](const SitemapEntry& a, const SitemapEntry& b) { return a.url < b.url; });
  const ViewContext* v = &view_;
  jobs_.push_back({"sitemap.xml", [v, entries = sitemap_](std::string& out) {
                     out += render_sitemap(*v->config, *entries);
                   }});
  return std::move(jobs_);
}

void plan_content_pages(OutputPlan& plan) { ContentPlanner(plan).run(); }

}  // namespace hongfan
