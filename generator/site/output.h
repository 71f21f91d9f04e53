// The output folder, replaced atomically.
//
// A build writes into a staging folder beside the output and swaps it in
// only when everything succeeded (renameat2 RENAME_EXCHANGE), so a failed or
// killed build leaves the previous public/ exactly as it was. An existing
// folder that hongfan did not write is never replaced.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

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

  /// Swaps the staging folder in and deletes the previous output.
  bool commit(Diagnostics& diags);

  const std::string& staging_dir() const { return staging_; }

 private:
  StagedOutput(std::string final_dir, std::string staging);
  void ensure_dir(const std::string& rel_dir);

  std::string final_;
  std::string staging_;
  bool committed_ = false;
  std::mutex dirs_mutex_;
  std::unordered_set<std::string> made_dirs_;
};

/// True for a '/'-separated relative path with no empty, "." or ".."
/// segment and no control characters or backslashes: it stays inside.
bool is_safe_relative_path(std::string_view rel);

/// Removes a folder tree (no error if missing).
void remove_tree(const std::string& path);

}  // namespace hongfan
