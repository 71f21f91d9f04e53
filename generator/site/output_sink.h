// Where a build's files go. Every file the build publishes (pages, feeds,
// calendars, search shards and documents, static files and processed
// images) is written through one sink:
//   - StagedOutput (site/output.h): the output folder on disk, staged beside
//     it and swapped in atomically, writing only files whose bytes changed;
//   - MemoryOutput (below): the output as a map in memory, for tests that
//     ask "what did this build write?" without reading a folder back.
// The caches beside the output (.hongfan-cache: images, build record,
// next-build) are the build's own bookkeeping, not the output, and are not
// written through it.
#pragma once

#include <atomic>
#include <cstddef>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace hongfan {

class OutputSink {
 public:
  virtual ~OutputSink() = default;

  /// A sink kept across builds forgets what an unfinished build wrote.
  virtual void start() {}

  /// Writes `rel` (a '/'-separated path inside the output). Thread-safe.
  /// Throws std::runtime_error when the file cannot be written.
  virtual void write(const std::string& rel, std::string_view data) = 0;

  /// Keeps `rel` as the earlier output has it, without rendering it again
  /// (a rebuild whose inputs for that file did not change). False when
  /// there is no such file: then the caller renders and writes it.
  /// Thread-safe.
  virtual bool keep(const std::string& rel) {
    (void)rel;
    return false;
  }

  /// Makes the folder `rel` will be written into ahead of write(), when the
  /// sink has folders. Thread-safe.
  virtual void make_parent_dir(const std::string& rel) { (void)rel; }

  /// True when an earlier output exists that writes are compared with.
  virtual bool incremental() const = 0;

  /// Makes everything written the output, in one step; files not written
  /// by this build are gone from it. Reports why not on error.
  virtual bool commit(Diagnostics& diags) = 0;

  /// `serve`'s quick rebuild: makes the files written part of the output and
  /// keeps every other file as it is. Only sinks that can do this override
  /// it; the staged folder cannot (it is always made whole).
  virtual bool commit_some(Diagnostics& diags);

  /// Files whose bytes differed from the earlier output (all of them on a
  /// first build), and files found identical.
  virtual std::size_t files_changed() const = 0;
  virtual std::size_t files_unchanged() const = 0;
};

/// The output folder of `serve`, replaced in place file by file (each
/// written under a temporary name, then renamed over the old one, so a
/// reader never sees half a file). For the quick rebuild after an edit
/// only: nothing else is removed, so it has commit_some() alone.
class InPlaceOutput final : public OutputSink {
 public:
  explicit InPlaceOutput(std::string dir) : dir_(std::move(dir)) {}
  void write(const std::string& rel, std::string_view data) override;
  bool incremental() const override { return true; }
  bool commit(Diagnostics& diags) override;
  bool commit_some(Diagnostics& diags) override;
  std::size_t files_changed() const override { return written_; }
  std::size_t files_unchanged() const override { return 0; }

 private:
  std::string dir_;
  std::atomic<std::size_t> written_{0};
};

/// The output as a map in memory; it keeps the tree the last commit left,
/// so a second build into it is compared like a rebuild on disk.
class MemoryOutput final : public OutputSink {
 public:
  void start() override;
  void write(const std::string& rel, std::string_view data) override;
  bool keep(const std::string& rel) override;
  bool incremental() const override { return !tree_.empty(); }
  bool commit(Diagnostics& diags) override;
  bool commit_some(Diagnostics& diags) override;
  std::size_t files_changed() const override;
  std::size_t files_unchanged() const override;

  /// The output as the last commit left it: path → bytes.
  const std::map<std::string, std::string>& tree() const { return tree_; }
  /// The paths the last commit wrote, added or removed (bytes differed).
  const std::set<std::string>& changed() const { return changed_; }
  /// How many commits there were: a build that failed made none.
  int commits() const { return commits_; }

 private:
  std::size_t changed_in_tree() const;  ///< with mutex_ held

  mutable std::mutex mutex_;
  std::map<std::string, std::string> tree_, staged_;
  std::set<std::string> changed_;
  int commits_ = 0;
};

}  // namespace hongfan
