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
// The replaced tree goes to .hongfan-cache/trash/ beside the output, and the
// next build removes it on a thread of its own while it renders.
#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

#include "core/diagnostics.h"

namespace hongfan {

/// Name of the marker file hongfan leaves in every output folder.
inline constexpr const char* kOutputMarker = ".hongfan-output";

class StagedOutput {
 public:
  /// Prepares a fresh staging folder next to `final_dir` and removes the
  /// leftovers of earlier builds that were killed. Reports why not on error.
  static std::optional<StagedOutput> begin(const std::string& final_dir, Diagnostics& diags);

  StagedOutput(StagedOutput&& other) noexcept;
  StagedOutput& operator=(StagedOutput&&) = delete;
  ~StagedOutput();  ///< removes the staging folder unless committed

  /// Writes `rel` (a '/'-separated path inside the output). Thread-safe.
  /// Throws std::runtime_error when the file cannot be written.
  void write(const std::string& rel, std::string_view data);

  /// Creates the folder `rel` will be written into, ahead of write(), which
  /// would otherwise create it. Thread-safe.
  void make_parent_dir(const std::string& rel);

  /// Swaps the staging folder in, unless no file changed, and moves the
  /// previous output to the trash.
  bool commit(Diagnostics& diags);

  /// True when the previous output exists: write() compares with it, and
  /// make_parent_dir() ahead of time would only make folders for nothing.
  bool incremental() const { return !previous_.empty(); }

  /// Files whose bytes differed from the previous output (all of them on a
  /// first build), and files found identical (linked at commit).
  std::size_t files_changed() const { return changed_; }
  std::size_t files_unchanged() const { return unchanged_.size(); }

  const std::string& staging_dir() const { return staging_; }

  /// Every file of the output and its output_stamp() as it will be after
  /// commit, sorted by path; empty when that cannot be known (a file had
  /// to be copied instead of linked).
  std::vector<std::pair<std::string, std::string>> file_stamps() const;

 private:
  StagedOutput(std::string final_dir, std::string staging, std::string previous);
  void ensure_dir(const std::string& rel_dir);
  bool same_as_previous(const std::string& rel, std::string_view data, std::string& stamp) const;
  bool link_unchanged(Diagnostics& diags);

  std::string final_;
  std::string staging_;
  std::string previous_;  ///< the output to compare with; empty on a first build
  bool committed_ = false;
  std::mutex dirs_mutex_;
  std::unordered_set<std::string> made_dirs_;
  std::atomic<std::size_t> changed_{0};
  mutable std::mutex lists_mutex_;  ///< guards unchanged_ and stamps_
  std::vector<std::string> unchanged_;
  std::vector<std::pair<std::string, std::string>> stamps_;  ///< path → output_stamp, of every file
  std::atomic<bool> copied_{false};
  std::jthread cleaner_;  ///< removes the trees earlier builds replaced; joined on destruction
};

/// True for a '/'-separated relative path with no empty, "." or ".."
/// segment and no control characters or backslashes: it stays inside.
bool is_safe_relative_path(std::string_view rel);

/// The `.hongfan-cache` folder beside an output folder (public/ →
/// .hongfan-cache/): the image cache, the trash, the build record and
/// next-build live there, never published.
std::string cache_dir_beside(const std::string& output_dir);

/// "size:mtime:inode" of a file in an output; empty when it is missing or
/// not a regular file. A build record compares these (site/build_record.h).
std::string output_stamp(const std::string& path);

/// Removes a folder tree (no error if missing).
void remove_tree(const std::string& path);

}  // namespace hongfan
