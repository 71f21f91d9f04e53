#include "site/tree_listing.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>

namespace hongfan {

namespace {

// Every entry under the open folder `dir` (`rel` inside the tree). Takes
// `dir` over (closes it).
void list_folder(int dir, const std::string& rel, TreeListing& out) {
  DIR* d = ::fdopendir(dir);
  if (!d) {
    ::close(dir);
    out.complete = false;
    return;
  }
  for (;;) {
    errno = 0;
    dirent* e = ::readdir(d);
    if (!e) {
      if (errno != 0) out.complete = false;
      break;
    }
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN) {
      struct stat st;
      is_dir = ::fstatat(::dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
    }
    std::string child = rel.empty() ? std::string(name) : rel + "/" + std::string(name);
    if (!is_dir) {
      out.files.push_back(std::move(child));
      out.inodes.push_back(e->d_ino);
      continue;
    }
    int sub = ::openat(::dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    out.dirs.push_back(child);
    if (sub >= 0) list_folder(sub, child, out);
    else out.complete = false;
  }
  ::closedir(d);  // closes `dir`
}

}  // namespace

TreeListing list_tree(const std::string& root) {
  TreeListing out;
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) list_folder(fd, "", out);
  else out.complete = false;
  return out;
}

}  // namespace hongfan
