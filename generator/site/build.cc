#include "site/build.h"

#include <fmt/format.h>

#include <atomic>
#include <cstdio>
#include <set>
#include <stdexcept>

#include "config/config.h"
#include "content/collection.h"
#include "data/site_data.h"
#include "core/fs.h"
#include "core/parallel.h"
#include "core/text.h"
#include "render/templates.h"
#include "site/assets.h"
#include "site/images.h"
#include "site/load_content.h"
#include "site/output.h"
#include "site/plan.h"
#include "site/theme.h"

namespace hongfan {

namespace {

// The output paths an edit of `changed` shows on.
std::set<std::string> affected_paths(const ContentSet& content, const std::set<std::string>& changed) {
  std::set<std::string> out{"index.html", "feed.xml"};
  for (const auto& p : content.pages) {
    if (!changed.count(p.source)) continue;
    out.insert(p.url + "index.html");
    if (const Section* s = content.section(p.section)) {
      out.insert(s->url + "index.html");
      for (std::size_t i = 0; i < s->pages.size(); ++i) {
        if (s->pages[i] != &p) continue;
        if (i > 0) out.insert(s->pages[i - 1]->url + "index.html");
        if (i + 1 < s->pages.size()) out.insert(s->pages[i + 1]->url + "index.html");
      }
    }
    for (const Taxonomy* tax : {&content.tags, &content.categories})
      for (const auto& term : tax->terms)
        for (const Page* q : term.pages)
          if (q == &p) out.insert(term.url + "index.html");
  }
  return out;
}

// Renders the affected jobs and replaces those files one by one (write to a
// temporary name, rename), so a reader never sees half a file.
bool write_affected(const ContentSet& content, std::vector<OutputJob>& jobs,
                    const std::set<std::string>& changed, const std::string& output_dir, Diagnostics& diags) {
  if (diags.has_errors()) return false;
  auto wanted = affected_paths(content, changed);
  std::vector<OutputJob*> todo;
  for (auto& j : jobs)
    if (wanted.count(j.path)) todo.push_back(&j);
  std::vector<std::string> rendered(todo.size());
  parallel_for(todo.size(), [&](std::size_t i) { todo[i]->render(rendered[i]); });
  for (std::size_t i = 0; i < todo.size(); ++i) {
    std::string path = path_join(output_dir, todo[i]->path);
    std::string tmp = path + ".hongfan-tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    bool ok = f && std::fwrite(rendered[i].data(), 1, rendered[i].size(), f) == rendered[i].size();
    if (f) ok = std::fclose(f) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
      diags.error({path}, "cannot write this file");
      return false;
    }
  }
  return true;
}

}  // namespace

bool build_site(const FileSystem& site, const BuildOptions& options, Diagnostics& diags,
                BuildStats* stats_out) {
  BuildStats stats;
  Timings& t = stats.timings;
  auto finish = [&](bool ok) {
    if (stats_out) *stats_out = std::move(stats);
    return ok;
  };

  // 1. Configuration and theme.
  std::optional<Config> config;
  std::optional<ThemeDirs> theme;
  std::optional<TemplateSet> templates;
  {
    ScopedTimer timer(t, "config + templates");
    config = load_config(site, diags);
    if (!config) return finish(false);
    theme = find_theme(site, config->theme, diags);
    if (!theme) return finish(false);
    TemplateDir own{&site, "templates", "templates"};
    templates = TemplateSet::load({theme->templates, own}, diags);
  }

  // 2. Data: data/*.yaml and the points ledger, validated.
  SiteData data;
  {
    ScopedTimer timer(t, "load data");
    data = load_data(site, *config, diags);
  }

  // 3. Content: read and parse every page in parallel, then link.
  ContentSet content;
  {
    ScopedTimer timer(t, "load content");
    content.pages = load_content(site, options.drafts, diags, options.page_cache,
                                 options.changed_sources);
  }
  {
    ScopedTimer timer(t, "link");
    link_content(content, diags);
  }
  {
    ScopedTimer timer(t, "render markdown");
    render_markdown_all(content, *config, diags, options.page_cache);
  }

  // 4. Static files.
  StaticPlan statics;
  {
    ScopedTimer timer(t, "plan static");
    statics = plan_static({theme->statics, {&site, "static", "static"}}, diags);
  }
  if (diags.has_errors() || !templates) return finish(false);
  ImageSet images;
  {
    ScopedTimer timer(t, "images");
    images = process_images(statics, content, options, diags);
  }
  if (diags.has_errors()) return finish(false);

  // 5. Plan every output file, then render and write them in parallel.
  ViewContext view{&*config, &content, &data, statics.assets, options.now, &images};
  std::vector<OutputJob> jobs;
  {
    ScopedTimer timer(t, "plan outputs");
    OutputPlan plan(view, *templates);
    plan_content_pages(plan);
    if (!options.changed_sources) plan_search_pages(plan);
    jobs = plan.finish();
  }
  if (options.changed_sources) {
    bool ok;
    {
      ScopedTimer timer(t, "render + write affected");
      ok = write_affected(content, jobs, *options.changed_sources, options.output_dir, diags);
    }
    stats.pages = content.pages.size();
    stats.files = ok ? jobs.size() : 0;
    return finish(ok);
  }
  auto out = StagedOutput::begin(options.output_dir, diags);
  if (!out) return finish(false);
  try {
    ScopedTimer timer(t, "render + write");
    parallel_for(statics.files.size(), [&](std::size_t i) {
      const StaticFile& f = statics.files[i];
      if (f.contents) {
        out->write(f.published, *f.contents);
        return;
      }
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
  {
    ScopedTimer timer(t, "swap output");
    if (!out->commit(diags)) return finish(false);
  }
  stats.pages = content.pages.size();
  stats.files = jobs.size() + statics.files.size() + 1;
  return finish(true);
}

}  // namespace hongfan
