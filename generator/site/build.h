// site::build — the pipeline, top to bottom.
//
// prepare_site() runs every stage that only reads (config → data → content →
// render Markdown → link → plan static files → plan outputs); build_site()
// adds the stages that write (render + write, swap). `hongfan check` and the
// fuzz harnesses run prepare_site() alone, so they see exactly the pages a
// build would produce without touching the disk.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "domain/activities.h"
#include "content/collection.h"
#include "content/disclosures.h"
#include "core/diagnostics.h"
#include "core/fs.h"
#include "core/timings.h"
#include "data/site_data.h"
#include "render/templates.h"
#include "render/view.h"
#include "site/assets.h"
#include "site/build_record.h"
#include "render/images.h"
#include "site/page_store.h"
#include "site/plan.h"
#include "site/theme.h"

namespace hongfan {

struct BuildOptions {
  std::string output_dir;      ///< where public/ goes (absolute or relative to the cwd)
  bool drafts = false;         ///< also publish `draft: true` pages
  /// Links to folders end in index.html, so the output works opened from
  /// disk (file://), e.g. copied to a USB stick; see link_index_files().
  bool offline = false;
  std::int64_t now = 0;        ///< "today" (see docs/content/reference/format.md), epoch seconds
  /// Keep each page's Markdown after rendering it (`hongfan check` scans the
  /// bodies); a build drops them to save memory.
  bool keep_markdown = false;
  /// Plan the outputs even when the input has errors (for `check`, which
  /// reports everything it can find); nothing is written either way.
  bool plan_despite_errors = false;
  struct PageCache* page_cache = nullptr;  ///< `serve` keeps parsed pages between builds
  /// `serve` after an edit of existing content files only, and of data/
  /// (named page_reads::kDataSource here): render just the files that
  /// showed an edited page, or data/, when last rendered (`page_reads`),
  /// plus home and the feed, and the search index updated from `previous`'s
  /// (its page and the shards that changed), straight into the existing
  /// output; no static files. When an edit moves a page (a new date, tags,
  /// flags …: placement_signature), every file is rendered again and the
  /// search index is left as it is.
  /// Null → full build.
  const std::set<std::string>* changed_sources = nullptr;
  /// `serve`: which content files each output file showed, as its last
  /// render noted them (render/page_reads.h). A full build fills it; a quick
  /// build uses it and updates the files it rendered.
  struct PageReadsMap* page_reads = nullptr;
  /// With `changed_sources`: the previous build. Its pages whose file did
  /// not change are moved in instead of being loaded again (only the
  /// changed files are read, parsed and rendered), and its search index,
  /// when it has one, is updated for the edited pages rather than left for
  /// the full refresh.
  struct PreparedSite* previous = nullptr;
  /// Runs on the prepared site before anything is written (full builds
  /// only): `build` and `serve` pass check's rules here, so every build
  /// reports what `check` knows without reading the site again.
  std::function<void(const struct PreparedSite&, Diagnostics&)> review;
  /// `build --strict`: every warning is an error; nothing is written.
  bool strict = false;
  /// Keep a record of what the build read and wrote beside the output, and
  /// skip the build when nothing it depends on changed (site/build_record.h).
  bool record = false;
  /// Write the output here instead of into output_dir (tests: MemoryOutput
  /// in site/output_sink.h). With an empty output_dir nothing else is
  /// written either: no image cache, no record, no next-build.
  class OutputSink* output = nullptr;
};

struct BuildStats {
  std::size_t pages = 0;   ///< content pages published
  std::size_t files = 0;   ///< files in the output
  std::size_t files_changed = 0;  ///< of those, files whose bytes changed (and were written)
  /// A rebuild after edits of pages only: the files rendered; the others
  /// were kept as the last build left them. 0 when every file was rendered.
  std::size_t files_rendered = 0;
  bool up_to_date = false;  ///< nothing changed since the last build: nothing was done
  /// YAML files (site.yaml, data/) edited since the last build in their
  /// comments or layout only: they changed no page.
  std::set<std::string> edited_without_meaning;
  /// The next instant the output changes by time alone (next_time_change).
  std::optional<std::int64_t> next_change;
  Timings timings;
};

namespace search {
struct Index;
}

/// A rebuild after edits of content files only, none other changed since
/// the last good build (pages_changed_since): what that build left.
struct EditsSinceLastBuild {
  const std::set<std::string>* edited = nullptr;
  const struct PageReadsMap* reads = nullptr;  ///< what its files showed, where its pages sat
  std::string output_dir;                      ///< its output (and search index)
  /// Its pages (site/page_store.h): those of files not edited are taken
  /// from here instead of being read again. Null when it left none.
  PageStore* stored = nullptr;
};

/// Everything a build knows just before it writes. Not movable: the view
/// context and the jobs point into the other members.
struct PreparedSite {
  PreparedSite() = default;
  PreparedSite(const PreparedSite&) = delete;
  PreparedSite& operator=(const PreparedSite&) = delete;

  std::optional<Config> config;
  std::optional<ThemeDirs> theme;
  std::optional<TemplateSet> templates;
  SiteData data;
  ContentSet content;
  Programme programme;  ///< activities and brands, read from content
  std::vector<Disclosure> disclosures;  ///< 三务公开 items (content/gongkai/)
  StaticPlan statics;
  ImageSet images;      ///< resized, metadata-free images (view.images points here)
  ViewContext view;
  /// serve's quick path: an edited page moved (placement_signature), so
  /// every file is rendered again.
  bool placement_changed = false;
  /// The EditsSinceLastBuild moved no page (each edited page is still where
  /// the last build placed it): only the files that showed one change, and
  /// the search index was updated rather than built.
  bool edits_in_place = false;
  std::shared_ptr<const search::Index> search_index;  ///< null without search
  /// The earliest `publish_date` or `expires` after "now" (apply_schedule).
  std::optional<std::int64_t> scheduled_change;
  std::vector<OutputJob> jobs;  ///< every file to write but the static ones
  /// The site folder as the build read it (recording its answers); the
  /// static files above read through it, so it lives as long as they do.
  std::unique_ptr<const FileSystem> inputs;
};

/// Runs the reading stages of the pipeline. Returns nullptr when there were
/// errors (all of them reported in `diags`).
std::unique_ptr<PreparedSite> prepare_site(const FileSystem& site, const BuildOptions& options,
                                           Diagnostics& diags, Timings& timings,
                                           const EditsSinceLastBuild* edits = nullptr);

/// Builds the site in `site` into options.output_dir. Returns false when
/// there were errors (all of them reported in `diags`); the previous output
/// is then untouched. With `keep`, the site's pages, views and jobs are moved
/// there instead of being freed (a caller about to exit skips the teardown).
bool build_site(const FileSystem& site, const BuildOptions& options, Diagnostics& diags,
                BuildStats* stats = nullptr, std::unique_ptr<PreparedSite>* keep = nullptr);

}  // namespace hongfan
