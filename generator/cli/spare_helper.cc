#include "cli/spare_helper.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <thread>

#include "cli/commands.h"
#include "site/spare_tree.h"

extern char** environ;

namespace hongfan::cli {

namespace {

constexpr int kLockFd = 3;  // where the helper finds the lock it is handed

// Only for someone at a terminal, who builds again after looking at the
// site. A script (a deploy job, a test) builds once and then often removes
// the folders: a helper still linking in them would make that removal fail.
// HONGFAN_SPARE_HELPER=1 or 0 decides instead.
bool wanted() {
  if (const char* env = std::getenv("HONGFAN_SPARE_HELPER")) return std::string_view(env) == "1";
  return ::isatty(STDERR_FILENO) == 1;
}

}  // namespace

void start_spare_helper(const std::string& output_dir) {
  if (!wanted() || !spare_tree_missing(output_dir)) return;
  const int lock_fd = lock_for_spare_maker(output_dir);
  if (lock_fd < 0) return;  // a helper is at it already
  const std::string dir = std::filesystem::absolute(output_dir).lexically_normal().string();
  const std::string fd_text = std::to_string(kLockFd);
  char arg0[] = "hongfan", arg1[] = "make-spare", arg2[] = "--lock-fd";
  char* argv[] = {arg0, arg1, arg2, const_cast<char*>(fd_text.c_str()), const_cast<char*>(dir.c_str()), nullptr};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // No terminal: nothing it could say would reach staff, and a test
  // harness reading the build's output must not wait for it.
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_adddup2(&actions, lock_fd, kLockFd);  // clears close-on-exec
  posix_spawn_file_actions_addclosefrom_np(&actions, kLockFd + 1);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  // Its own session: Ctrl+C in the terminal stops the build, not the helper
  // of the build before (which a next build stops anyway).
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  if (posix_spawn(&pid, "/proc/self/exe", &actions, &attr, argv, environ) == 0) {
    note_spare_maker(lock_fd, pid);
    // serve and studio live on: reap it when it ends. `build` exits first.
    std::thread([pid] {
      int status;
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
    }).detach();
  }
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  ::close(lock_fd);  // the helper holds the lock now
}

int run_make_spare(const std::string& output_dir, int lock_fd) {
  // Behind whatever staff do next on the machine.
  ::setpriority(PRIO_PROCESS, 0, 10);
  make_spare_tree(output_dir, lock_fd);
  return kOk;
}

}  // namespace hongfan::cli
