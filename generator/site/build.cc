#include "site/build.h"

#include <fmt/format.h>

#include <atomic>
#include <map>
#include <set>
#include <stdexcept>

#include "content/activities.h"
#include "core/parallel.h"
#include "core/text.h"
#include "site/activity_pages.h"
#include "site/home_blocks.h"
#include "site/link_data.h"
#include "site/load_content.h"
#include "site/output.h"
#include "site/points_pages.h"

namespace hongfan {

namespace {

// Every planned file must stay inside the output and be planned once: an id
// like "../x" or two features claiming one URL is reported before anything
// is written, not discovered (or raced) by the writer.
void check_output_paths(const PreparedSite& s, Diagnostics& diags) {
  std::map<std::string, std::string> statics;  // published path → source
  for (const auto& f : s.statics.files) statics.emplace(f.published, f.source);
  std::set<std::string> planned;
  for (const auto& job : s.jobs) {
    if (!is_safe_relative_path(job.path)) {
      diags.error({}, fmt::format("refusing to write '{}': it would leave the output folder", job.path),
                  "ids and slugs may use letters, digits and '-'");
      continue;
    }
    if (!planned.insert(job.path).second)
      diags.error({}, fmt::format("two pages would be written to '{}'", job.path),
                  "give one of them another id or slug");
    if (auto it = statics.find(job.path); it != statics.end())
      diags.warning({it->second}, fmt::format("the generated {} replaces this file", job.path),
                    "rename or remove the file");
  }
}

}  // namespace

std::unique_ptr<PreparedSite> prepare_site(const FileSystem& site, const BuildOptions& options,
                                           Diagnostics& diags, Timings& t) {
  auto s = std::make_unique<PreparedSite>();

  // 1. Configuration and theme.
  {
    ScopedTimer timer(t, "config + templates");
    s->config = load_config(site, diags);
    if (!s->config) return nullptr;
    s->theme = find_theme(site, s->config->theme, diags);
    if (!s->theme) return nullptr;
    TemplateDir own{&site, "templates", "templates"};
    s->templates = TemplateSet::load({s->theme->templates, own}, diags);
  }

  // 2. Data: data/*.yaml and the points ledger, validated.
  {
    ScopedTimer timer(t, "load data");
    s->data = load_data(site, *s->config, diags);
  }

  // 3. Content: read and parse every page in parallel, then link.
  {
    ScopedTimer timer(t, "load content");
    s->content.pages = load_content(site, options.drafts, diags);
  }
  {
    ScopedTimer timer(t, "link");
    link_content(s->content, diags);
    link_data_refs(s->content, s->data, diags);
  }
  {
    ScopedTimer timer(t, "render markdown");
    render_markdown_all(s->content, *s->config, diags, options.keep_markdown);
  }
  {
    ScopedTimer timer(t, "activities + brands");
    s->programme = read_programme(s->content, s->data, diags);
  }

  // 4. Static files.
  {
    ScopedTimer timer(t, "plan static");
    s->statics = plan_static({s->theme->statics, {&site, "static", "static"}}, diags);
  }
  if (!s->templates || (diags.has_errors() && !options.plan_despite_errors)) return nullptr;

  // 5. Plan every output file.
  s->view = ViewContext{&*s->config, &s->content, &s->data, s->statics.assets, options.now};
  {
    ScopedTimer timer(t, "plan outputs");
    OutputPlan plan(s->view, *s->templates);
    plan_content_pages(plan);
    plan_org_pages(plan);
    plan_grid_pages(plan);
    plan_station_pages(plan);
    plan_activity_pages(plan, s->programme);
    plan_brand_pages(plan, s->programme);
    plan_points_pages(plan);
    plan_honor_pages(plan);
    plan_home_blocks(plan, s->programme);
    s->jobs = plan.finish();
  }
  check_output_paths(*s, diags);
  if (diags.has_errors() && !options.plan_despite_errors) return nullptr;
  return s;
}

bool build_site(const FileSystem& site, const BuildOptions& options, Diagnostics& diags,
                BuildStats* stats_out) {
  BuildStats stats;
  Timings& t = stats.timings;
  auto finish = [&](bool ok) {
    if (stats_out) *stats_out = std::move(stats);
    return ok;
  };

  // Read, link, render Markdown and plan (see prepare_site).
  auto prepared = prepare_site(site, options, diags, t);
  if (!prepared) return finish(false);
  const StaticPlan& statics = prepared->statics;
  const std::vector<OutputJob>& jobs = prepared->jobs;

  // 6. Render and write every file in parallel into a staging folder.
  auto out = StagedOutput::begin(options.output_dir, diags);
  if (!out) return finish(false);
  try {
    ScopedTimer timer(t, "render + write");
    parallel_for(statics.files.size(), [&](std::size_t i) {
      const StaticFile& f = statics.files[i];
      auto data = f.fs->read(f.source);
      if (!data) throw std::runtime_error("cannot read " + f.source);
      out->write(f.published, *data);
    });
    parallel_for(jobs.size(), [&](std::size_t i) {
      thread_local std::string buffer;
      buffer.clear();
      jobs[i].render(buffer);
      out->write(jobs[i].path, buffer);
    });
  } catch (const std::exception& e) {
    diags.error({}, std::string("build failed while writing: ") + e.what());
    return finish(false);
  }

  // 7. Swap the output in.
  {
    ScopedTimer timer(t, "swap output");
    if (!out->commit(diags)) return finish(false);
  }
  stats.pages = prepared->content.pages.size();
  stats.files = jobs.size() + statics.files.size() + 1;
  return finish(true);
}

}  // namespace hongfan
