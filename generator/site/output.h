// The output folder, replaced atomically, written incrementally.
//
// A build writes into a staging folder beside the output and swaps it in
// only when everything succeeded (renameat2 RENAME_EXCHANGE), so a failed or
// killed build leaves the previous public/ exactly as it was. An existing
// folder that hongfan did not write is never replaced.
//
// Only files whose bytes changed are written. Each file is compared with
// the one the previous build left; an identical one is hard-linked into the
// staging tree at commit, so it keeps its inode and mtime (static servers'
// Last-Modified and ETag, CDN caches and rsync see only real changes). When
// nothing changed at all, nothing is written and the output stays as it is.
//
// The replaced tree is kept as .hongfan-cache/spare-public/ (for public/),
// and the next build starts its staging tree from it: most of its files are
// already hard links to the output's, so a rebuild that changes a few files
// makes, links and removes only those, instead of 10,000 folders and links
// and the removal of the old tree. A spare file is never written through
// (it may share its inode with the output): it is replaced by a new file
// or a new link, and every entry is checked against the output, so a spare
// left by a killed build is as good as any.
#pragma once

#include <sys/stat.h>

#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

#include "core/diagnostics.h"
#include "site/output_sink.h"
#include "site/tree_listing.h"

namespace hongfan {

/// Name of the marker file hongfan leaves in every output folder.
inline constexpr const char* kOutputMarker = ".hongfan-output";

class StagedOutput final : public OutputSink {
 public:
  /// Prepares the staging folder next to `final_dir`: the spare tree the
  /// last build left, or the staging folder of a build that was killed, or
  /// else a new one; other leftovers go to the trash. Reports why not on error.
  static std::optional<StagedOutput> begin(const std::string& final_dir, Diagnostics& diags);

  StagedOutput(StagedOutput&& other) noexcept;
  StagedOutput& operator=(StagedOutput&&) = delete;
  ~StagedOutput() override;  ///< keeps the staging folder as the spare unless committed

  /// Writes `rel` (a '/'-separated path inside the output). Thread-safe.
  /// Throws std::runtime_error when the file cannot be written.
  void write(const std::string& rel, std::string_view data) override;

  /// Keeps the previous output's file as it is: linked at commit, like a
  /// file written with the same bytes, without reading it.
  bool keep(const std::string& rel) override;

  /// Creates the folder `rel` will be written into, ahead of write(), which
  /// would otherwise create it. Thread-safe.
  void make_parent_dir(const std::string& rel) override;

  /// Swaps the staging folder in, unless no file changed, and keeps the
  /// previous output as the next build's spare.
  bool commit(Diagnostics& diags) override;

  /// True when the previous output exists: write() compares with it, and
  /// make_parent_dir() ahead of time would only make folders for nothing.
  bool incremental() const override { return !previous_.empty(); }

  /// Files whose bytes differed from the previous output (all of them on a
  /// first build), and files found identical (kept or linked at commit).
  std::size_t files_changed() const override { return changed_; }
  std::size_t files_unchanged() const override { return unchanged_.size(); }

  const std::string& staging_dir() const { return staging_; }

  /// The previous output's files and their output_stamp(), sorted by path,
  /// as the build record has them and the build has just compared them:
  /// keep() takes a file's stamp from here instead of asking the disk.
  void trust_stamps(std::vector<std::pair<std::string, std::string>> stamps) { known_ = std::move(stamps); }

  /// Every file of the output and its output_stamp() as it will be after
  /// commit, sorted by path; empty when that cannot be known (a file had
  /// to be copied instead of linked).
  std::vector<std::pair<std::string, std::string>> file_stamps() const;

 private:
  StagedOutput(std::string final_dir, std::string staging, std::string previous);
  void ensure_dir(const std::string& rel_dir);
  bool same_as_previous(const std::string& rel, std::string_view data, std::string& stamp,
                        struct stat& previous) const;
  const std::string* known_stamp(const std::string& rel) const;
  void clear_for_new_entry(const std::string& full) const;
  bool link_unchanged(Diagnostics& diags);
  void start_listing();
  bool remove_unplanned(Diagnostics& diags);
  void keep_as_spare();

  std::string final_;
  std::string staging_;
  std::string previous_;  ///< the output to compare with; empty on a first build
  /// The staging tree began as the spare: entries may exist (and may be
  /// hard links to the output's files) before this build writes them.
  bool reused_ = false;
  bool committed_ = false;
  std::mutex dirs_mutex_;
  std::unordered_set<std::string> made_dirs_;
  std::atomic<std::size_t> changed_{0};
  mutable std::mutex lists_mutex_;  ///< guards unchanged_ and stamps_
  /// Unchanged files and their inodes in the previous output: linked at
  /// commit, unless the reused tree already links them.
  std::vector<std::pair<std::string, ino_t>> unchanged_;
  std::vector<std::pair<std::string, std::string>> stamps_;  ///< path → output_stamp, of every file
  std::atomic<bool> copied_{false};
  std::jthread cleaner_;  ///< removes the trees earlier builds replaced; joined on destruction
  /// What the reused tree held when the build began, listed by lister_
  /// while the build renders; listed again at commit if not complete.
  std::unique_ptr<TreeListing> spare_;
  std::jthread lister_;  ///< after spare_: joined before it is freed
  std::vector<std::pair<std::string, std::string>> known_;  ///< trust_stamps()
};

/// True for a '/'-separated relative path with no empty, "." or ".."
/// segment and no control characters or backslashes: it stays inside.
bool is_safe_relative_path(std::string_view rel);

/// The `.hongfan-cache` folder beside an output folder (public/ →
/// .hongfan-cache/): the image cache, the spare tree, the trash, the build
/// record and next-build live there, never published.
std::string cache_dir_beside(const std::string& output_dir);

/// `<prefix><output folder's name>` in that cache: what belongs to one
/// output folder when public/ and a preview/ beside it share the cache
/// ("spare-public", "page-urls-public").
std::string cache_path_for(const std::string& output_dir, const std::string& prefix);

/// Writes `path` (a file in that cache) whole or not at all: `write` fills a
/// temporary file beside it, which then replaces `path`. Best effort: a
/// cache file is only a shortcut, so a failure leaves the old one, or none.
void write_in_cache(const std::string& output_dir, const std::string& path,
                    const std::function<bool(std::FILE*)>& write);
void write_in_cache(const std::string& output_dir, const std::string& path, std::string_view text);

/// True when `output_dir` holds an output an earlier build wrote (its
/// marker file): a build into it is a rebuild, compared and swapped.
bool holds_earlier_output(const std::string& output_dir);

/// "size:mtime:inode" of a file in an output; empty when it is missing or
/// not a regular file. A build record compares these (site/build_record.h).
std::string output_stamp(const std::string& path);

/// Removes a folder tree (no error if missing).
void remove_tree(const std::string& path);

}  // namespace hongfan
