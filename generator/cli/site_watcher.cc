#include "cli/site_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <thread>

#include "core/i18n.h"
#include "core/text.h"

namespace hongfan::cli {

namespace fs = std::filesystem;

std::string silent_file_system(const fs::path& dir) {
  struct statfs s {};
  if (::statfs(dir.c_str(), &s) != 0) return {};
  switch (static_cast<unsigned long>(s.f_type)) {
    case 0x01021997UL: return _("9p (a Windows drive under WSL 2)");
    case 0x53464846UL: return _("drvfs (a Windows drive under WSL 1)");
    case 0xFF534D42UL: case 0xFE534D42UL: case 0x517BUL: return _("SMB (a shared folder)");
    case 0x6969UL: return _("NFS (a shared folder)");
    default: return {};
  }
}

SiteWatcher::SiteWatcher(fs::path site, fs::path skip, Mode mode)
    : site_(std::move(site)), skip_(std::move(skip)), mode_(mode) {
  if (mode_ == Mode::kPoll) {
    last_ = snapshot();
    return;
  }
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  add_tree(site_);
}

SiteWatcher::~SiteWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

std::vector<std::string> SiteWatcher::wait(const std::atomic<bool>& stop, std::chrono::milliseconds settle,
                                           std::chrono::milliseconds idle) {
  return mode_ == Mode::kPoll ? wait_polled(stop, idle) : wait_notified(stop, settle, idle);
}

bool SiteWatcher::skipped(const fs::path& dir) const {
  std::string name = dir.filename().string();
  if (dir == skip_) return true;
  return dir != site_ && (name.empty() || name[0] == '.' || name == "node_modules" || name == "public" ||
                          starts_with(name, "build"));
}

// Editors' backups and swap files, and hidden files, change nothing.
bool SiteWatcher::ignored_name(const std::string& name) {
  return name.empty() || name[0] == '.' || ends_with(name, "~") || ends_with(name, ".swp");
}

void SiteWatcher::add_tree(const fs::path& dir) {
  if (skipped(dir)) return;
  int wd = inotify_add_watch(fd_, dir.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                                  IN_DELETE | IN_ATTRIB);
  if (wd >= 0) dirs_[wd] = dir;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory(ec) && !e.is_symlink(ec)) add_tree(e.path());
}

std::vector<std::string> SiteWatcher::wait_notified(const std::atomic<bool>& stop, std::chrono::milliseconds settle,
                                                    std::chrono::milliseconds idle) {
  constexpr int kPollMs = 200;
  std::vector<std::string> changed;
  std::chrono::milliseconds quiet{0};
  while (!stop) {
    pollfd p{fd_, POLLIN, 0};
    int timeout = changed.empty() ? kPollMs : static_cast<int>(settle.count());
    int n = ::poll(&p, 1, timeout);
    if (n <= 0) {
      if (!changed.empty()) return changed;
      quiet += std::chrono::milliseconds(kPollMs);
      if (quiet >= idle) return changed;
      continue;
    }
    drain(changed);
  }
  return changed;
}

void SiteWatcher::drain(std::vector<std::string>& changed) {
  alignas(inotify_event) char buf[16384];
  for (;;) {
    ssize_t len = ::read(fd_, buf, sizeof buf);
    if (len <= 0) return;
    for (char* p = buf; p < buf + len;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      auto it = dirs_.find(ev->wd);
      if (it == dirs_.end() || ev->len == 0) continue;
      fs::path path = it->second / ev->name;
      if (ignored_name(ev->name)) continue;
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(path);
      // A file just created is still empty or half written: its writer's
      // close (IN_CLOSE_WRITE) says when it is whole. Every other notice
      // is of a finished change, so a short settle only gathers a burst.
      if ((ev->mask & IN_CREATE) && !(ev->mask & IN_ISDIR)) continue;
      if (skipped(it->second)) continue;
      changed.push_back(path.lexically_relative(site_).string());
    }
  }
}

std::vector<std::string> SiteWatcher::wait_polled(const std::atomic<bool>& stop, std::chrono::milliseconds idle) {
  constexpr std::chrono::milliseconds kStep{50};
  std::chrono::milliseconds quiet{0};
  while (!stop) {
    for (auto slept = std::chrono::milliseconds(0); slept < kPollInterval && !stop; slept += kStep)
      std::this_thread::sleep_for(kStep);
    if (stop) break;
    Snapshot now = snapshot();
    std::vector<std::string> changed;
    for (const auto& [path, stamp] : now)
      if (auto it = last_.find(path); it == last_.end() || !(it->second == stamp)) changed.push_back(path);
    for (const auto& [path, stamp] : last_)
      if (!now.count(path)) changed.push_back(path);
    last_ = std::move(now);
    if (!changed.empty()) return changed;
    quiet += kPollInterval;
    if (quiet >= idle) return changed;
  }
  return {};
}

SiteWatcher::Snapshot SiteWatcher::snapshot() const {
  Snapshot s;
  snapshot_dir(site_, s);
  return s;
}

void SiteWatcher::snapshot_dir(const fs::path& dir, Snapshot& out) const {
  if (skipped(dir)) return;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    struct stat st {};
    if (::lstat(e.path().c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      snapshot_dir(e.path(), out);
    } else if (S_ISREG(st.st_mode) && !ignored_name(name)) {
      out[e.path().lexically_relative(site_).string()] =
          Stamp{static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
                static_cast<std::uintmax_t>(st.st_size)};
    }
  }
}

}  // namespace hongfan::cli
