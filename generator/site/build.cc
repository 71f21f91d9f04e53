#include "site/build.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "domain/activities.h"
#include "content/schedule.h"
#include "core/i18n.h"
#include "core/parallel.h"
#include "core/recording_fs.h"
#include "core/text.h"
#include "render/page_reads.h"
#include "render/search_index.h"
#include "render/view.h"
#include "site/activity_pages.h"
#include "site/archive_pages.h"
#include "site/build_record.h"
#include "site/gongkai_pages.h"
#include "site/home_blocks.h"
#include "site/images.h"
#include "site/link_data.h"
#include "site/load_content.h"
#include "site/next_change.h"
#include "site/media.h"
#include "site/moved_pages.h"
#include "site/output.h"
#include "site/output_sink.h"
#include "site/points_pages.h"

namespace hongfan {

namespace {

// Every planned file must stay inside the output and be planned once: an id
// like "../x" or two features claiming one URL is reported before anything
// is written, not discovered (or raced) by the writer.
void check_output_paths(const PreparedSite& s, Diagnostics& diags) {
  std::map<std::string, std::string> statics;  // published path → source
  for (const auto& f : s.statics.files) statics.emplace(f.published, f.source);
  // Hashed views of the jobs' paths: an ordered set of 30,000 copies was a
  // tenth of serve's quick rebuild.
  std::unordered_set<std::string_view> planned;
  planned.reserve(s.jobs.size());
  for (const auto& job : s.jobs) {
    if (!is_safe_relative_path(job.path)) {
      diags.error({}, tr("refusing to write '{}': it would leave the output folder", job.path),
                  _("ids and slugs may use letters, digits and '-'"));
      continue;
    }
    if (!planned.insert(job.path).second)
      diags.error({}, tr("two pages would be written to '{}'", job.path),
                  _("give one of them another id or slug"));
    if (auto it = statics.find(job.path); it != statics.end())
      diags.warning({it->second}, tr("the generated {} replaces this file", job.path),
                    _("rename or remove the file"));
  }
}


// serve's quick path: the jobs whose file showed an edited page when it
// was last rendered, files not rendered before, and home and the feed
// (their lead story and entries are picked, not noted). Every job when an
// edited page moved, or when nothing was noted yet.
std::vector<std::size_t> jobs_showing(const std::vector<OutputJob>& jobs, const std::set<std::string>& changed,
                                      const PageReadsMap* reads, bool everything,
                                      const std::unordered_set<std::string>& also) {
  std::vector<char> edited(reads ? reads->sources.size() : 0, 0);
  for (const auto& source : changed)
    if (reads)
      if (auto it = reads->source_ids.find(source); it != reads->source_ids.end()) edited[it->second] = 1;
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const std::string& path = jobs[i].path;
    bool wanted = everything || !reads || path == "index.html" || path == "feed.xml" || also.count(path);
    if (!wanted) {
      auto it = reads->sources_by_path.find(path);
      wanted = it == reads->sources_by_path.end() ||
               std::any_of(it->second.begin(), it->second.end(), [&](std::uint32_t id) { return edited[id] != 0; });
    }
    if (wanted) out.push_back(i);
  }
  return out;
}

// Drops the repeats from `noted`, keeping the first of each in its place
// (a list notes each page once per card and again for its neighbours): the
// ids are then given in the order sources were first noted, the same in
// every build.
void keep_first_of_each(std::vector<const std::string*>& noted) {
  std::vector<const std::string*> distinct = noted;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  if (distinct.size() == noted.size()) return;
  std::vector<char> taken(distinct.size(), 0);
  std::erase_if(noted, [&](const std::string* source) {
    char& t = taken[std::lower_bound(distinct.begin(), distinct.end(), source) - distinct.begin()];
    return std::exchange(t, 1) != 0;
  });
}

// Renders the jobs at `which` into `out` on the worker pool. With `reads`,
// notes for each file the sources it showed (pages, data/, templates).
void render_jobs(std::vector<OutputJob>& jobs, const std::vector<std::size_t>& which, OutputSink& out,
                 PageReadsMap* reads) {
  std::vector<std::vector<const std::string*>> shown(reads ? which.size() : 0);
  parallel_for(which.size(), [&](std::size_t k) {
    thread_local std::string buffer;
    buffer.clear();
    OutputJob& job = jobs[which[k]];
    {
      page_reads::Scope noting(reads ? &shown[k] : nullptr);
      if (job.reads_data) page_reads::note_data();
      job.render(buffer);
    }
    out.write(job.path, buffer);
    if (reads) keep_first_of_each(shown[k]);  // fewer to look up below
  });
  if (!reads) return;
  // One string lookup for each source, not for each time a file noted it
  // (300,000 at 10,000 articles): this part runs on one core.
  std::unordered_map<const std::string*, std::uint32_t> id_of;
  reads->sources_by_path.reserve(reads->sources_by_path.size() + which.size());
  for (std::size_t k = 0; k < which.size(); ++k) {
    std::vector<std::uint32_t> ids;
    ids.reserve(shown[k].size());
    for (const std::string* source : shown[k]) {
      auto [it, added] = id_of.try_emplace(source);
      if (added) it->second = reads->id(*source);
      ids.push_back(it->second);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    ids.shrink_to_fit();
    reads->sources_by_path[jobs[which[k]].path] = std::move(ids);
    std::vector<const std::string*>().swap(shown[k]);
  }
}

// Whether an edit moved a page (placement_signature): a changed page that
// is new, gone, or placed differently. A section's `_index.md` counts as
// moved whatever changed: its title and intro are shown by every list and
// page of the section, which read them from the section, not the page.
bool moved(const std::vector<Page>& pages, const std::set<std::string>& changed,
           const std::map<std::string, std::uint64_t>& before) {
  std::size_t found = 0;
  for (const auto& p : pages) {
    if (!changed.count(p.source)) continue;
    if (p.is_section_index) return true;
    auto it = before.find(p.source);
    if (it == before.end() || it->second != placement_signature(p)) return true;
    ++found;
  }
  return found != before.size();
}

// A rebuild after edits of pages, data/ and templates only: whether each
// edited page is still a page, placed where the recorded build had it. An
// `_index.md` counts as moved (see moved()). data/ and templates move no
// page.
bool stayed_in_place(const PageReadsMap& recorded, const std::vector<Page>& pages,
                     const std::set<std::string>& edited) {
  std::size_t found = std::count_if(edited.begin(), edited.end(),
                                    [](const std::string& source) { return !page_reads::is_content_page(source); });
  for (const auto& p : pages) {
    if (!edited.count(p.source)) continue;
    auto it = recorded.placement_by_source.find(p.source);
    if (p.is_section_index || it == recorded.placement_by_source.end() || it->second != placement_signature(p))
      return false;
    ++found;
  }
  return found == edited.size();
}

// The jobs a rebuild after edits of pages renders: those whose file showed
// an edited page, files the output does not have, and the ones made from
// every page at once (home, feed, sitemap, the search index's shards and
// page). The output keeps every other file as it is.
std::vector<std::size_t> jobs_to_render(const std::vector<OutputJob>& jobs, const std::set<std::string>& edited,
                                        const PageReadsMap& recorded, OutputSink& out,
                                        const std::unordered_set<std::string>& also) {
  std::vector<char> wanted(jobs.size(), 0);
  for (std::size_t i : jobs_showing(jobs, edited, &recorded, false, also)) wanted[i] = 1;
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (jobs[i].path == "sitemap.xml") wanted[i] = 1;
    if (wanted[i] || !out.keep(jobs[i].path)) todo.push_back(i);
  }
  return todo;
}

// The search index's files that may have changed, and its page (which
// names the index's version): made from every page at once, they note
// none, so an edit renders them by name. An updated index names the shards
// it changed; a built one, all of them.
std::unordered_set<std::string> search_files_to_render(const PreparedSite& s) {
  std::unordered_set<std::string> out;
  const search::Index* index = s.search_index.get();
  if (!index) return out;
  out.insert("search/index.html");
  for (std::size_t i = 0; i < index->files.size(); ++i)
    if (index->unchanged.empty() || !index->unchanged[i]) out.insert(index->files[i].path);
  return out;
}

// Where the search index comes from: updated from the one serve keeps in
// memory, or from the one the last build wrote, when only pages were edited
// and none moved (with their old versions, `pages_before`, when serve or
// the page store has them); else built (kept as it is by serve's quick
// rebuild).
SearchIndexSource search_index_source(const BuildOptions& options, const PreparedSite& s,
                                      const std::vector<Page>& pages_before, const EditsSinceLastBuild* edits) {
  SearchIndexSource search;
  search.keep = options.changed_sources != nullptr;
  const auto& last_index = options.previous ? options.previous->search_index : nullptr;
  if (options.changed_sources && !s.placement_changed && last_index) {
    search.edited = options.changed_sources;
    search.before = &pages_before;
    search.last = search::Previous{last_index->shards, last_index->docs, last_index->docs_digest,
                                   [index = last_index](const std::string& path) -> std::shared_ptr<const std::string> {
                                     // Only shards are asked for: shard_path(n) is files[n].
                                     std::size_t n = 0;
                                     if (std::sscanf(path.c_str(), "search/s/%zu.json", &n) == 1 &&
                                         n < index->files.size() && path == search::shard_path(n))
                                       return index->files[n].text;
                                     return nullptr;
                                   },
                                   &last_index->doc_hashes, &last_index->file_hashes};
  } else if (s.edits_in_place) {
    auto state = load_search_state(edits->output_dir);
    if (state && state->shards > 0) {
      search.edited = edits->edited;
      if (!pages_before.empty()) search.before = &pages_before;
      search.last = search::Previous{state->shards, state->docs, state->docs_digest,
                                     [output = DiskFileSystem(edits->output_dir)](const std::string& path) {
                                       auto text = output.read(path);
                                       return text ? std::make_shared<const std::string>(std::move(*text)) : nullptr;
                                     }};
    }
  }
  return search;
}

// What the next rebuild needs: every planned file's pages, and every page's
// placement. `all_rendered`: every file was rendered by this build, so
// each one noted is planned.
PageReadsMap reads_to_keep(PageReadsMap reads, const std::vector<OutputJob>& jobs, const std::vector<Page>& pages,
                           bool all_rendered) {
  if (!all_rendered) {  // files the last build noted may be gone
    std::unordered_set<std::string_view> planned;
    for (const auto& job : jobs) planned.insert(job.path);
    std::erase_if(reads.sources_by_path, [&](const auto& entry) { return !planned.count(entry.first); });
  }
  reads.placement_by_source.clear();
  reads.placement_by_source.reserve(pages.size() + reads.sources.size());
  for (const auto& p : pages) reads.placement_by_source[p.source] = placement_signature(p);
  // data/ and the templates are noted like pages, placed nowhere.
  for (const auto& source : reads.sources)
    if (!page_reads::is_content_page(source)) reads.placement_by_source[source] = 0;
  return reads;
}

// What this build read and wrote, for the next one (site/build_record.h).
BuildRecord make_record(const std::string& key, std::int64_t now, const BuildStats& stats,
                        const InputAnswers* carried, const RecordingFileSystem& inputs, const StagedOutput& out,
                        const Diagnostics& diags) {
  BuildRecord r;
  r.key = key;
  r.now = now;
  // Warnings of check's rules can depend on the day (a section not updated
  // for N days), so a record is trusted until midnight at most.
  r.valid_until = earliest(stats.next_change, next_shanghai_midnight(now));
  r.next_change = stats.next_change;
  r.pages = stats.pages;
  r.files = stats.files;
  if (carried) {
    r.inputs = *carried;
    InputAnswers asked = inputs.answers();
    for (auto& [k, v] : asked.reads) r.inputs.reads.insert_or_assign(k, std::move(v));
    for (auto& [k, v] : asked.files) r.inputs.files.insert_or_assign(k, v);
    for (auto& [k, v] : asked.dirs) r.inputs.dirs.insert_or_assign(k, v);
    for (auto& [k, v] : asked.lists) r.inputs.lists.insert_or_assign(k, v);
  } else {
    r.inputs = inputs.answers();
  }
  r.outputs = out.file_stamps();
  r.diagnostics = diags.sorted();
  return r;
}

}  // namespace

std::unique_ptr<PreparedSite> prepare_site(const FileSystem& site, const BuildOptions& options,
                                           Diagnostics& diags, Timings& t, const EditsSinceLastBuild* edits) {
  auto s = std::make_unique<PreparedSite>();

  // 1. Configuration and theme.
  {
    ScopedTimer timer(t, _("config + templates"));
    s->config = load_config(site, diags);
    if (!s->config) return nullptr;
    s->theme = find_theme(site, s->config->theme, diags);
    if (!s->theme) return nullptr;
    TemplateDir own{&site, "templates", "templates", /*in_site=*/true};
    s->templates = TemplateSet::load({s->theme->templates, own}, diags);
  }

  // 2. Data: data/*.yaml and the points ledger, validated.
  {
    ScopedTimer timer(t, _("load data"));
    s->data = load_data(site, *s->config, diags);
  }

  // 3. Content: read and parse every page and render its Markdown in
  // parallel, then link.
  std::map<std::string, std::uint64_t> placed_before;  // serve: where the edited pages were
  std::vector<Page> pages_before;  // serve, or a build from the store: the edited pages as they were
  {
    ScopedTimer timer(t, _("load content + markdown"));
    MarkdownStage markdown{&*s->config, options.keep_markdown, options.page_cache};
    if (options.changed_sources && options.previous) {
      for (const auto& p : options.previous->content.pages)
        if (options.changed_sources->count(p.source)) {
          placed_before[p.source] = placement_signature(p);
          pages_before.push_back(p);
        }
      s->content.pages = reload_changed(site, std::move(options.previous->content.pages), *options.changed_sources,
                                        options.drafts, diags, markdown);
    } else {
      const bool from_store = edits && edits->stored;
      s->content.pages = load_content(site, options.drafts, diags, options.page_cache,
                                      from_store ? edits->edited : options.changed_sources, &markdown,
                                      from_store ? edits->stored : nullptr);
      // The store still has the edited pages as the last build had them:
      // the search index then looks only through the shards of their words,
      // then and now. Only when it has every one of them.
      if (from_store)
        for (const auto& source : *edits->edited) {
          auto it = edits->stored->find(source);
          if (it == edits->stored->end()) {
            pages_before.clear();
            break;
          }
          pages_before.push_back(it->second);
        }
    }
  }
  // Scheduled and expiring pages: before link, so a page not yet published
  // reaches no list, feed, sitemap, search index or calendar.
  s->scheduled_change = apply_schedule(s->content.pages, options.now);
  if (options.changed_sources) s->placement_changed = moved(s->content.pages, *options.changed_sources, placed_before);
  s->edits_in_place = edits && stayed_in_place(*edits->reads, s->content.pages, *edits->edited);
  {
    ScopedTimer timer(t, _("link"));
    link_content(s->content, diags);
    link_data_refs(s->content, s->data, diags);
  }
  {
    ScopedTimer timer(t, _("activities + brands"));
    s->programme = read_programme(s->content, s->data, diags);
    s->disclosures = read_disclosures(s->content, diags);
  }

  // 4. Static files.
  {
    ScopedTimer timer(t, _("plan static"));
    s->statics = plan_static({s->theme->statics, {&site, "static", "static"}}, diags);
    check_attachments(s->disclosures, s->statics, diags);
  }
  if (!s->templates || (diags.has_errors() && !options.plan_despite_errors)) return nullptr;
  if (!options.output_dir.empty()) {  // `check` writes nothing, not even the image cache
    ScopedTimer timer(t, _("images"));
    s->images = process_images(s->statics, s->content, options.output_dir, diags);
  }
  if (diags.has_errors() && !options.plan_despite_errors) return nullptr;

  // 5. Plan every output file.
  s->view = ViewContext{&*s->config, &s->content, &s->data, s->statics.assets, options.now, &s->images,
                        options.offline};
  {
    ScopedTimer timer(t, _("plan outputs"));
    OutputPlan plan(s->view, *s->templates);
    plan.feature([&] { plan_content_pages(plan); });
    plan.feature([&] { plan_archive_pages(plan); });
    plan.feature([&] { plan_gongkai_pages(plan, s->disclosures); });
    plan.feature([&] { plan_org_pages(plan); });
    plan.feature([&] { plan_grid_pages(plan); });
    plan.feature([&] { plan_station_pages(plan); });
    plan.feature([&] { plan_activity_pages(plan, s->programme); });
    plan.feature([&] { plan_brand_pages(plan, s->programme); });
    plan.feature([&] { plan_points_pages(plan); });
    plan.feature([&] { plan_honor_pages(plan); });
    plan.feature([&] { plan_home_blocks(plan, s->programme); });
    plan.feature([&] { plan_lead_story(plan); });
    plan.feature([&] {
      s->search_index = plan_search_pages(plan, search_index_source(options, *s, pages_before, edits));
    });
    s->jobs = plan.finish();
  }
  check_output_paths(*s, diags);
  if (diags.has_errors() && !options.plan_despite_errors) return nullptr;
  return s;
}

bool build_site(const FileSystem& site, const BuildOptions& options, Diagnostics& diags,
                BuildStats* stats_out, std::unique_ptr<PreparedSite>* keep) {
  BuildStats stats;
  Timings& t = stats.timings;
  auto finish = [&](bool ok) {
    if (stats_out) *stats_out = std::move(stats);
    return ok;
  };

  // 0. Nothing to do? The last good build left a record of everything it
  // read and wrote (site/build_record.h); if all of it is as it was, the
  // output is already what this build would write.
  // The record describes a folder on disk: none for another output sink.
  const bool recording = options.record && !options.output;
  std::string key;
  std::optional<BuildRecord> record;
  // Content pages edited since then, when nothing else changed, and what
  // that build read (still true of every file but those pages).
  std::optional<std::set<std::string>> edited;
  InputAnswers last_inputs;
  std::uint64_t last_store = 0;
  std::vector<std::pair<std::string, std::string>> last_outputs;
  if (recording) {
    ScopedTimer timer(t, _("compare with the last build"));
    key = record_key(options.drafts, options.offline, options.output_dir);
    record = load_build_record(options.output_dir);
    if (record)
      edited = pages_changed_since(*record, key, options.now, site, options.output_dir, &stats.edited_without_meaning);
    if (edited && !edited->empty()) {
      last_inputs = std::move(record->inputs);
      last_store = record->page_store;
      last_outputs = std::move(record->outputs);  // each one compared just now
    }
    if (!edited || !edited->empty()) record.reset();  // current only when nothing changed
  }
  if (record) {  // say what it said, write nothing
    for (const auto& d : record->diagnostics) {
      if (d.severity == Severity::error) diags.error(d.loc, d.message, d.hint);
      else diags.warning(d.loc, d.message, d.hint);
    }
    if (options.strict) diags.promote_warnings();
    stats.pages = record->pages;
    stats.files = record->files;
    stats.next_change = record->next_change;
    stats.up_to_date = true;
    return finish(!diags.has_errors());
  }
  // Every question the stages ask of the site folder is recorded, for the
  // next build's comparison.
  std::unique_ptr<RecordingFileSystem> recorder;
  if (recording) recorder = std::make_unique<RecordingFileSystem>(site, std::time(nullptr) - 1);
  const FileSystem& input = recorder ? static_cast<const FileSystem&>(*recorder) : site;

  // A rebuild over an earlier output sets its staging tree up first: it
  // starts from the tree the last build replaced, and listing that tree
  // (some tenths of a second at 10,000 articles) then runs on its own thread
  // while the articles are read. Started after them, it was the longest
  // part of a rebuild that renders only the few files an edit touched.
  // A first build sets up later, so a failed one leaves nothing behind.
  const bool rebuild = recording && !options.changed_sources && holds_earlier_output(options.output_dir);
  std::optional<StagedOutput> staged;
  bool staging_failed = false;
  if (rebuild) {
    if (auto begun = StagedOutput::begin(options.output_dir, diags)) staged.emplace(std::move(*begun));
    staging_failed = !staged;  // said; the site's own mistakes are read and said too
    // The output's files as the record has them, each just compared: a
    // file kept as it is needs no question to the disk (30,000 at 10,000
    // articles).
    if (staged) staged->trust_stamps(std::move(last_outputs));
  }

  // Only pages were edited: what the last build's files showed, so that an
  // edit which moves no page renders only the files that showed it.
  // And the pages it stored, so that only the edited files are read.
  PageReadsMap recorded_reads;
  std::optional<EditsSinceLastBuild> edits;
  std::optional<PageStore> stored;
  if (recording && edited && !edited->empty()) {
    if (auto last = load_page_reads(options.output_dir)) {
      recorded_reads = std::move(*last);
      edits = EditsSinceLastBuild{&*edited, &recorded_reads, options.output_dir};
      ScopedTimer timer(t, _("read the stored pages"));
      if (last_store) stored = load_page_store(options.output_dir, last_store);
      if (stored) edits->stored = &*stored;
    }
  }

  // Read, link, render Markdown and plan (see prepare_site).
  auto prepared = prepare_site(input, options, diags, t, edits ? &*edits : nullptr);
  if (!prepared || staging_failed) return finish(false);
  if (options.review && !options.changed_sources) {
    ScopedTimer timer(t, _("check rules"));
    options.review(*prepared, diags);
  }
  // Links staff shared to a page whose title edit moved it (site/moved_pages.h).
  if (recording) warn_moved_pages(prepared->content.pages, load_page_urls(options.output_dir), *prepared->config, diags);
  if (options.strict) diags.promote_warnings();
  if (diags.has_errors()) return finish(false);
  const StaticPlan& statics = prepared->statics;

  // The pages are final now (rendering only reads them): they are stored
  // for the next build on a thread of their own while the files are
  // written. A store whose build then fails is never used: the record that
  // would name its token is not written.
  const std::uint64_t store_token = recording && !options.changed_sources ? new_page_store_token() : 0;
  std::jthread storing;
  if (store_token)
    storing = std::jthread([&, kept = pages_to_store(prepared->content.pages, diags.sorted())] {
      save_page_store(options.output_dir, store_token, kept);
    });
  std::vector<OutputJob>& jobs = prepared->jobs;

  // serve, after an edit of existing pages: replace only the files that
  // show them, in place.
  if (options.changed_sources) {
    std::optional<InPlaceOutput> in_place;
    if (!options.output) in_place.emplace(options.output_dir);
    OutputSink& out = options.output ? *options.output : *in_place;
    std::vector<std::size_t> todo;
    bool ok = false;
    {
      ScopedTimer timer(t, _("render + write affected"));
      out.start();
      todo = jobs_showing(jobs, *options.changed_sources, options.page_reads, prepared->placement_changed,
                          search_files_to_render(*prepared));
      try {
        render_jobs(jobs, todo, out, options.page_reads);
        ok = out.commit_some(diags);
      } catch (const std::exception& e) {
        diags.error({}, tr("build failed while writing: {}", e.what()));
      }
    }
    if (!ok) return finish(false);
    stats.pages = prepared->content.pages.size();
    stats.files = jobs.size();
    stats.files_changed = todo.size();
    if (keep) *keep = std::move(prepared);
    return finish(true);
  }

  // Only pages were edited, and none of them moved (placement_signature):
  // a file that showed none of them when the last build rendered it is kept
  // as that build left it (page_reads, recorded beside the output).
  PageReadsMap* noting = options.page_reads ? options.page_reads : recording ? &recorded_reads : nullptr;
  std::optional<std::set<std::string>> only;
  if (prepared->edits_in_place) only = std::move(edited);
  else recorded_reads = PageReadsMap();  // a full render notes afresh, whoever notes

  // 6. Render and write every file in parallel into the output sink: a
  // staging folder beside the output (site/output.h) unless told otherwise.
  if (!options.output && !staged) {
    auto begun = StagedOutput::begin(options.output_dir, diags);
    if (!begun) return finish(false);
    staged.emplace(std::move(*begun));
  }
  OutputSink* out = options.output ? options.output : &*staged;
  out->start();
  try {
    ScopedTimer timer(t, _("render + write"));
    // The pages' folders are made on a thread of their own, ahead of the
    // workers: ext4 allocates and zeroes a block for each new folder while it
    // holds the parent's lock, so workers making folders in news/ side by
    // side mostly waited for each other.
    // (A jthread: joined even when a worker's exception leaves this block.)
    // A rebuild over an existing output makes only the folders of files
    // that changed, as it finds them.
    std::exception_ptr folder_error;
    std::jthread folders([&] {
      try {
        if (!out->incremental())
          for (const auto& job : jobs) out->make_parent_dir(job.path);
      } catch (...) {
        folder_error = std::current_exception();
      }
    });
    // A generated page replaces a static file of the same path (reported by
    // check_output_paths): the static one is not written at all.
    std::unordered_set<std::string_view> generated;
    generated.reserve(jobs.size());
    for (const auto& job : jobs) generated.insert(job.path);
    parallel_for(statics.files.size(), [&](std::size_t i) {
      const StaticFile& f = statics.files[i];
      if (generated.count(f.published)) return;
      if (only && out->keep(f.published)) return;  // no static file changed
      if (f.contents) {  // already processed (images without metadata)
        out->write(f.published, *f.contents);
        return;
      }
      auto data = f.fs->read(f.source);
      if (!data) throw std::runtime_error(tr("cannot read {}", f.source));
      out->write(f.published, *data);
    });
    std::vector<std::size_t> todo;
    if (only) {
      todo = jobs_to_render(jobs, *only, recorded_reads, *out, search_files_to_render(*prepared));
      stats.files_rendered = todo.size();
    } else {
      if (noting) *noting = PageReadsMap();
      todo.resize(jobs.size());
      for (std::size_t i = 0; i < todo.size(); ++i) todo[i] = i;
    }
    render_jobs(jobs, todo, *out, noting);
    folders.join();
    if (folder_error) std::rethrow_exception(folder_error);
  } catch (const std::exception& e) {
    diags.error({}, tr("build failed while writing: {}", e.what()));
    return finish(false);
  }

  // 7. Swap the output in.
  {
    ScopedTimer timer(t, _("swap output"));
    if (!out->commit(diags)) return finish(false);
  }
  stats.pages = prepared->content.pages.size();
  stats.files = out->files_changed() + out->files_unchanged();
  stats.files_changed = out->files_changed();
  stats.next_change = next_time_change(*prepared, options.now);
  if (!options.output_dir.empty()) write_next_change(options.output_dir, stats.next_change);
  if (recorder && staged) {
    ScopedTimer timer(t, _("record the build"));
    // The reads first, the record last: reads without their record are
    // never used, a record without its reads makes the next build whole.
    save_page_urls(options.output_dir, title_made_urls(prepared->content.pages));
    const search::Index* index = prepared->search_index.get();
    save_search_state(options.output_dir, index ? SearchIndexState{index->shards, index->docs, index->docs_digest}
                                                : SearchIndexState{});
    drop_page_reads(options.output_dir);
    // The reads are saved while the record is made: both run on one core
    // each, after every other stage.
    std::jthread saving_reads([&] {
      save_page_reads(options.output_dir, reads_to_keep(std::move(recorded_reads), jobs, prepared->content.pages, !only));
    });
    if (storing.joinable()) storing.join();
    // A file kept without rendering read nothing (a static file is not even
    // read), nor did a page taken from the store: what the last build read,
    // and this one did not ask again, is still true and stays recorded.
    const bool carried = only || stored;
    BuildRecord made = make_record(key, options.now, stats, carried ? &last_inputs : nullptr, *recorder, *staged, diags);
    made.page_store = store_token;
    saving_reads.join();
    save_build_record(options.output_dir, made);
    prepared->inputs = std::move(recorder);  // the kept site's static files read through it
  }
  if (storing.joinable()) storing.join();  // it reads the pages
  if (keep) *keep = std::move(prepared);
  return finish(true);
}

}  // namespace hongfan
