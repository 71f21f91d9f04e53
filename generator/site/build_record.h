// What the last good build read and wrote, kept in .hongfan-cache/ beside
// the output, so that a build with nothing to do does nothing.
//
// A build's output is a function of the files it read, the folders it
// listed, the binary, its options and "today" (which only matters at the
// instants next_time_change() names). The record keeps all of those, plus
// the stamp of every file the build left in the output and the warnings it
// printed. When the site answers every recorded question the same way, the
// binary and options are the same, today is still inside the same window
// and the output is untouched, the build would write the same bytes: it
// prints the same warnings and stops, writing nothing (not even an mtime).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.h"
#include "core/recording_fs.h"

namespace hongfan {

struct BuildRecord {
  std::string key;       ///< binary and output-affecting options (record_key)
  std::int64_t now = 0;  ///< "today" of the recorded build
  std::optional<std::int64_t> valid_until;  ///< the record is trusted until then; none: forever
  std::optional<std::int64_t> next_change;  ///< next_time_change, as the build reported it
  std::size_t pages = 0, files = 0;
  InputAnswers inputs;
  /// Every file of the output: path → "size:mtime:inode" (output_stamp).
  std::vector<std::pair<std::string, std::string>> outputs;
  std::vector<Diagnostic> diagnostics;  ///< what the build reported (warnings)
  /// The token of the page store this build left (site/page_store.h); 0: none.
  std::uint64_t page_store = 0;
};

/// The binary (its path, size and mtime) and the options that change what
/// a build writes or says. Two builds with equal keys and inputs agree.
std::string record_key(bool drafts, bool offline, const std::string& output_dir);

/// `.hongfan-cache/build-record` beside the output folder.
std::string build_record_path(const std::string& output_dir);

/// Nullopt when missing or unreadable (a record is only ever a shortcut).
std::optional<BuildRecord> load_build_record(const std::string& output_dir);

/// Writes the record atomically (temporary file, rename). Best effort.
void save_build_record(const std::string& output_dir, const BuildRecord& record);

/// Forgets the record (before a build that may change the output).
void drop_build_record(const std::string& output_dir);

/// The content pages ("content/…/x.md") and the site's template files
/// (page_reads::is_template_file) whose bytes changed since the recorded
/// build, and page_reads::kDataSource when a file of data/ did, when
/// nothing else a build depends on changed: the same key and window of
/// "today", the output as the record left it, and every other file and
/// folder as it was. Empty when nothing changed at all (the build is
/// current); nullopt when anything else changed. A YAML file whose edit
/// changed only comments or layout (yaml_meaning) did not change, unless
/// the record has a message at a line of it; such files are added to
/// `same_meaning` when given.
std::optional<std::set<std::string>> pages_changed_since(const BuildRecord& record, const std::string& key,
                                                         std::int64_t now, const FileSystem& site,
                                                         const std::string& output_dir,
                                                         std::set<std::string>* same_meaning = nullptr);

/// What each output file showed and where each page sat, for a rebuild that
/// renders only the files showing the pages an edit changed.
struct PageReadsMap {
  /// Every source noted (a content file "content/news/x.md", data/, a
  /// template file), once: the files below name them by index, which at
  /// 30,000 files is a tenth of the memory.
  std::vector<std::string> sources;
  std::unordered_map<std::string, std::uint32_t> source_ids;
  /// Output path → the sources its render noted (render/page_reads.h).
  std::unordered_map<std::string, std::vector<std::uint32_t>> sources_by_path;
  /// Content file → placement_signature of its page; 0 for data/ and the
  /// templates, which place no page.
  std::unordered_map<std::string, std::uint64_t> placement_by_source;

  /// The index of `source`, added when new.
  std::uint32_t id(const std::string& source) {
    auto [it, added] = source_ids.try_emplace(source, static_cast<std::uint32_t>(sources.size()));
    if (added) sources.push_back(source);
    return it->second;
  }
};

/// `.hongfan-cache/page-reads` beside the output: kept apart from the
/// record, which a build with nothing to do reads alone.
std::optional<PageReadsMap> load_page_reads(const std::string& output_dir);
void save_page_reads(const std::string& output_dir, const PageReadsMap& reads);
void drop_page_reads(const std::string& output_dir);

/// `.hongfan-cache/page-urls-<output folder>`: content file → web address
/// of the pages whose address is made from their title, as the last good
/// build into that folder published them (site/moved_pages.h). Empty when
/// there is none or it cannot be read.
std::map<std::string, std::string> load_page_urls(const std::string& output_dir);
void save_page_urls(const std::string& output_dir, const std::map<std::string, std::string>& urls);

/// What a rebuild needs to update the search index the last good build
/// into that folder wrote (search::update_index): its shard and document
/// counts and the digest of its documents' files. `.hongfan-cache/
/// search-index-<output folder>`, saved with the record (shards 0: no
/// index). Nullopt when missing or unreadable.
struct SearchIndexState {
  unsigned shards = 0;
  std::size_t docs = 0;
  std::uint64_t docs_digest = 0;
};
std::optional<SearchIndexState> load_search_state(const std::string& output_dir);
void save_search_state(const std::string& output_dir, const SearchIndexState& state);

/// True when a build with `key` at `now` over `site` would write exactly
/// what `record` describes, and the output still holds it.
bool build_is_current(const BuildRecord& record, const std::string& key, std::int64_t now,
                      const FileSystem& site, const std::string& output_dir);

}  // namespace hongfan
