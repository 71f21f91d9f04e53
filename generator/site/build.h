// site::build — the pipeline, top to bottom.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "core/diagnostics.h"
#include "core/fs.h"
#include "core/timings.h"

namespace hongfan {

struct BuildOptions {
  std::string output_dir;      ///< where public/ goes (absolute or relative to the cwd)
  bool drafts = false;         ///< also publish `draft: true` pages
  std::int64_t now = 0;        ///< "today" (see DESIGN §5), epoch seconds
  struct PageCache* page_cache = nullptr;  ///< `serve` keeps parsed pages between builds
  /// `serve` after an edit of existing content files only: render just the
  /// pages an edit shows on (the page, its neighbours, its section's first
  /// list page, its terms' first pages, home, feed) straight into the
  /// existing output; no search index, no static files. Null → full build.
  const std::set<std::string>* changed_sources = nullptr;
};

struct BuildStats {
  std::size_t pages = 0;   ///< content pages published
  std::size_t files = 0;   ///< files written in all
  Timings timings;
};

/// Builds the site in `site` into options.output_dir. Returns false when
/// there were errors (all of them reported in `diags`); the previous output
/// is then untouched.
bool build_site(const FileSystem& site, const BuildOptions& options, Diagnostics& diags,
                BuildStats* stats = nullptr);

}  // namespace hongfan
