#include "site/spare_tree.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "site/output.h"
#include "site/tree_listing.h"

namespace hongfan {

namespace fs = std::filesystem;

std::string spare_tree_path(const std::string& output_dir) { return cache_path_for(output_dir, "spare-"); }

std::string spare_lock_path(const std::string& output_dir) { return spare_tree_path(output_dir) + ".lock"; }

bool spare_tree_missing(const std::string& output_dir) {
  std::error_code ec;
  return holds_earlier_output(output_dir) && !fs::exists(spare_tree_path(output_dir), ec);
}

namespace {

int open_lock_file(const std::string& output_dir) {
  std::error_code ec;
  fs::create_directories(cache_dir_beside(output_dir), ec);
  return ::open(spare_lock_path(output_dir).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
}

// Whether process `pid` is a spare helper: the pid noted in the lock file
// could, in theory, belong to another process by now.
bool is_spare_maker(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str().find(std::string("make-spare") + '\0') != std::string::npos;
}

}  // namespace

int lock_for_spare_maker(const std::string& output_dir) {
  int fd = open_lock_file(output_dir);
  if (fd < 0) return -1;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void note_spare_maker(int lock_fd, pid_t pid) {
  const std::string text = std::to_string(pid) + "\n";
  if (::ftruncate(lock_fd, 0) == 0) (void)!::pwrite(lock_fd, text.data(), text.size(), 0);
}

void stop_spare_maker(const std::string& output_dir) {
  int fd = ::open(spare_lock_path(output_dir).c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return;  // no helper was ever started here
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    const pid_t pid = n > 0 ? static_cast<pid_t>(std::strtol(buffer, nullptr, 10)) : 0;
    if (pid > 0 && is_spare_maker(pid)) ::kill(pid, SIGKILL);
    // Gone once its lock is free (without a known pid: once it finishes).
    while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  ::close(fd);  // releases the lock
}

std::size_t make_spare_tree(const std::string& output_dir, int lock_fd) {
  if (lock_fd < 0) lock_fd = lock_for_spare_maker(output_dir);
  if (lock_fd < 0) return 0;  // another helper is at it
  std::size_t linked = 0;
  const std::string spare = spare_tree_path(output_dir);
  const std::string output = fs::absolute(output_dir).lexically_normal().string();
  if (spare_tree_missing(output_dir) && ::mkdir(spare.c_str(), 0755) == 0) {
    const TreeListing tree = list_tree(output);
    bool ok = tree.complete;
    for (std::size_t i = 0; ok && i < tree.dirs.size(); ++i)
      ok = ::mkdir((spare + "/" + tree.dirs[i]).c_str(), 0755) == 0 || errno == EEXIST;
    for (std::size_t i = 0; ok && i < tree.files.size(); ++i) {
      ok = ::link((output + "/" + tree.files[i]).c_str(), (spare + "/" + tree.files[i]).c_str()) == 0;
      linked += ok;
    }
  }
  ::close(lock_fd);
  return linked;
}

}  // namespace hongfan
