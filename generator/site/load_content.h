// The content stage of the pipeline: discover and parse pages and render
// their Markdown, on the worker pool.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <vector>

#include "config/config.h"
#include "content/collection.h"
#include "content/page.h"
#include "core/diagnostics.h"
#include "core/fs.h"
#include "site/page_store.h"

namespace hongfan {

/// Parsed pages kept between builds (`hongfan serve`): a file whose stamp
/// (mtime and size) has not changed is neither read nor parsed again.
struct PageCache {
  std::mutex mutex;
  std::map<std::string, std::pair<std::string, Page>> by_path;  ///< path → (stamp, page)
  struct Rendered {
    std::uint64_t body_hash;
    std::string html, summary;
    std::vector<BodyRef> refs;         // the link rule runs on every full build
    std::vector<std::string> anchors;
  };
  std::map<std::string, Rendered> rendered;  ///< source + url → its Markdown, rendered
};

/// How `load_content` renders each page's Markdown once the page is parsed:
/// links made relative to the page, plain summary and card fields set, the
/// Markdown dropped afterwards unless `keep_markdown`. `cache` (serve) reuses
/// the HTML of pages whose Markdown did not change.
struct MarkdownStage {
  const Config* config;
  bool keep_markdown = false;
  PageCache* cache = nullptr;
};

/// Every `*.md` under content/, parsed; drafts dropped unless `drafts`.
/// With `changed` (serve, after inotify said which files changed), cached
/// pages of the other files are used without even looking at the files.
/// With `markdown`, each kept page's Markdown is rendered too. With
/// `stored` and `changed` (a rebuild after edits of pages), the pages of
/// the files not in `changed` are moved out of the last build's store,
/// already rendered, when it has them (site/page_store.h).
std::vector<Page> load_content(const FileSystem& site, bool drafts, Diagnostics& diags,
                               PageCache* cache = nullptr,
                               const std::set<std::string>* changed = nullptr,
                               const MarkdownStage* markdown = nullptr, PageStore* stored = nullptr);

/// `hongfan serve` after an edit of content files: the `previous` build's
/// pages (rendered) whose file is not in `changed`, plus the changed files
/// read, parsed and rendered again.
std::vector<Page> reload_changed(const FileSystem& site, std::vector<Page> previous,
                                 const std::set<std::string>& changed, bool drafts, Diagnostics& diags,
                                 const MarkdownStage& markdown);

}  // namespace hongfan
