// Planning the outputs: one job per file to write, each knowing its path and
// how to render itself, so the writer can run them on the worker pool.
//
// Each feature plans its pages in a function of its own (plan_content_pages
// here; organisation, activities, points … beside it) against OutputPlan.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "render/feeds.h"
#include "render/search_index.h"
#include "render/templates.h"
#include "render/view.h"

namespace hongfan {

struct OutputJob {
  std::string path;                              ///< inside the output, e.g. "news/x/index.html"
  std::function<void(std::string& out)> render;  ///< appends the file's bytes
  /// Planned from what data/ says (OutputPlan::feature): it shows data/
  /// whether or not its view reads it again.
  bool reads_data = false;
};

class OutputPlan {
 public:
  /// The view context and templates must outlive the jobs.
  OutputPlan(const ViewContext& view, const TemplateSet& templates);

  /// Builds the template data of one page; `root` leads back to the site root.
  using ViewFn = std::function<Data(const ViewContext& view, const std::string& root)>;

  /// An HTML page at site-relative `url` ("news/x/"), written to
  /// url/index.html with template `tmpl`. Listed in the sitemap unless told.
  void add_page(const std::string& url, const std::string& tmpl, ViewFn view,
                std::int64_t lastmod = 0, bool in_sitemap = true);
  /// A sitemap entry for a page planned elsewhere or earlier.
  void add_sitemap_entry(const std::string& url, std::int64_t lastmod = 0) { sitemap_->push_back({url, lastmod}); }
  /// Any other file (feeds, .ics, JSON …).
  void add_file(OutputJob job);
  /// An HTML file at `path` whose links start at `root` (404.html uses base_url).
  void add_html_file(const std::string& path, const std::string& root, const std::string& tmpl,
                     ViewFn view);

  /// Adds blocks to the home page's data (activities, rankings …): features
  /// planned after the home page still reach it, since views run later.
  using HomeExtra = std::function<void(Data& home, const ViewContext& view, const std::string& root)>;
  void add_home_extra(HomeExtra extra);
  std::shared_ptr<const std::vector<HomeExtra>> home_extras() const { return home_extras_; }

  /// Runs one feature's planner. When planning read data/ (the org tree to
  /// plan its pages, the grids a page lists), every file the feature planned
  /// may show what it read there, so each is marked as showing data/.
  template <typename Planner>
  void feature(Planner&& planner) {
    view_.data.forget_planning_reads();
    const std::size_t first = jobs_.size();
    planner();
    if (view_.data.read_while_planning())
      for (std::size_t i = first; i < jobs_.size(); ++i) jobs_[i].reads_data = true;
  }

  /// The first of `names` the template set has (the last one otherwise).
  std::string pick(std::initializer_list<std::string> names) const;

  const ViewContext& view() const { return view_; }
  const TemplateSet& templates() const { return templates_; }

  /// Adds the sitemap of every page planned and returns all jobs.
  std::vector<OutputJob> finish();

 private:
  const ViewContext& view_;
  const TemplateSet& templates_;
  /// site_view() of every distinct root, shared by the jobs at that depth.
  std::shared_ptr<const Data> frame_for(const std::string& root);

  std::vector<OutputJob> jobs_;
  std::map<std::string, std::shared_ptr<const Data>> frames_;
  std::shared_ptr<std::vector<HomeExtra>> home_extras_ = std::make_shared<std::vector<HomeExtra>>();
  std::shared_ptr<std::vector<SitemapEntry>> sitemap_ = std::make_shared<std::vector<SitemapEntry>>();
};

/// Home, section lists, pages, taxonomies, 404, feed and robots.txt.
void plan_content_pages(OutputPlan& plan);

/// /org/ and /org/ID/ (site/plan_org.cc).
void plan_org_pages(OutputPlan& plan);
/// /grids/, /grids/ID/ and /grids/ID/card/ (site/plan_org.cc).
void plan_grid_pages(OutputPlan& plan);
/// /stations/ and /stations/ID/ (site/plan_org.cc).
void plan_station_pages(OutputPlan& plan);
/// Where plan_search_pages takes the search index from.
struct SearchIndexSource {
  /// A rebuild after edits of these content files (and templates) only, none of them moved
  /// (so every document keeps its id): the index the last build wrote,
  /// `last`, updated for them (search::update_index) when it can be.
  /// With page_reads::kDataSource among them, data/ was edited too: every
  /// document of a unit, grid or station is taken as edited (their old
  /// versions are not known, so `before` is not used).
  const std::set<std::string>* edited = nullptr;
  std::optional<search::Previous> last;
  /// serve: the edited pages as the last index had them.
  const std::vector<Page>* before = nullptr;
  /// serve's quick rebuild: an index that cannot be updated stays as it is
  /// (with its page) until the full refresh; only the page's sitemap entry
  /// is planned. Otherwise it is built.
  bool keep = false;
};

/// The /search/ page and its sharded index (site/plan_search.cc). Returns
/// the index planned, null when there is none or it is kept.
std::shared_ptr<const search::Index> plan_search_pages(OutputPlan& plan, const SearchIndexSource& source = {});

}  // namespace hongfan
