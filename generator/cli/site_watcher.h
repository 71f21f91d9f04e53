// What `hongfan serve` watches: every folder of the site except the output,
// hidden folders and build trees. Normally the kernel says what changed
// (inotify). On a Windows drive under WSL (/mnt/c, /mnt/d: 9p or drvfs) and
// on network shares it accepts the watches but never says a word when
// Notepad or WPS saves a file, so there the watcher looks at every file's
// size and time once a second instead.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace hongfan::cli {

/// The kind of file system holding `dir` ("9p (a Windows drive under
/// WSL)", "SMB" …) when it sends no change notices; empty when it does.
std::string silent_file_system(const std::filesystem::path& dir);

class SiteWatcher {
 public:
  enum class Mode { kNotify, kPoll };
  static constexpr std::chrono::milliseconds kPollInterval{1000};

  SiteWatcher(std::filesystem::path site, std::filesystem::path skip, Mode mode);
  ~SiteWatcher();
  SiteWatcher(const SiteWatcher&) = delete;
  SiteWatcher& operator=(const SiteWatcher&) = delete;

  /// Blocks until something changed (then waits `settle` for the rest of a
  /// save), `stop` is set or nothing happened for `idle`; returns the paths
  /// that changed, relative to the site (none after `idle`).
  std::vector<std::string> wait(const std::atomic<bool>& stop, std::chrono::milliseconds settle,
                                std::chrono::milliseconds idle = std::chrono::milliseconds::max());

 private:
  struct Stamp {
    std::int64_t mtime_ns = 0;
    std::uintmax_t size = 0;
    bool operator==(const Stamp&) const = default;
  };
  using Snapshot = std::unordered_map<std::string, Stamp>;

  bool skipped(const std::filesystem::path& dir) const;
  static bool ignored_name(const std::string& name);
  void add_tree(const std::filesystem::path& dir);
  void drain(std::vector<std::string>& changed);
  std::vector<std::string> wait_notified(const std::atomic<bool>& stop, std::chrono::milliseconds settle,
                                         std::chrono::milliseconds idle);
  std::vector<std::string> wait_polled(const std::atomic<bool>& stop, std::chrono::milliseconds idle);
  Snapshot snapshot() const;
  void snapshot_dir(const std::filesystem::path& dir, Snapshot& out) const;

  std::filesystem::path site_, skip_;
  Mode mode_;
  int fd_ = -1;
  std::map<int, std::filesystem::path> dirs_;
  Snapshot last_;
};

}  // namespace hongfan::cli
