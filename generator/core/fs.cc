#include "core/fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace hongfan {

std::string path_join(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (b.empty()) return a;
  if (a.back() == '/') return a + b;
  return a + '/' + b;
}

std::vector<std::string> walk_files(const FileSystem& fs, const std::string& dir) {
  std::vector<std::string> out;
  std::vector<std::string> stack{dir};
  while (!stack.empty()) {
    std::string d = stack.back();
    stack.pop_back();
    auto entries = fs.list(d);
    // Push subdirectories in reverse so they are visited in sorted order.
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
      if (it->name.empty() || it->name[0] == '.') continue;
      if (it->is_dir) stack.push_back(path_join(d, it->name));
    }
    for (const auto& e : entries) {
      if (e.name.empty() || e.name[0] == '.' || e.is_dir) continue;
      out.push_back(path_join(d, e.name));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

DiskFileSystem::DiskFileSystem(std::string root) : root_(std::move(root)) {
  if (root_.empty()) root_ = ".";
}

std::string DiskFileSystem::full(const std::string& path) const {
  if (path.empty() || path == ".") return root_;
  return root_ + "/" + path;
}

namespace {

// "SECONDS.NANOS:SIZE": what DiskFileSystem::stamp says of a file.
std::string stamp_of(const struct stat& st) {
  return std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + ":" +
         std::to_string(st.st_size);
}

// The regular file at `path`, and its stat taken when opened.
std::optional<std::string> read_regular(const std::string& path, struct stat& st) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string data;
  data.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  while (got < data.size()) {
    ssize_t n = ::read(fd, data.data() + got, data.size() - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  data.resize(got);
  return data;
}

}  // namespace

std::optional<std::string> DiskFileSystem::read(const std::string& path) const {
  struct stat st {};
  return read_regular(full(path), st);
}

// The stamp from the file opened, before its bytes are read: as stamp() and
// then read() would say (a file changed meanwhile is seen as changed next
// time), with one path lookup and stat fewer for each of 10,000 pages.
std::optional<std::string> DiskFileSystem::read_stamped(const std::string& path, std::string& stamp) const {
  struct stat st {};
  auto data = read_regular(full(path), st);
  stamp = data ? stamp_of(st) : this->stamp(path);
  return data;
}

bool DiskFileSystem::is_file(const std::string& path) const {
  struct stat st {};
  return ::stat(full(path).c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool DiskFileSystem::is_dir(const std::string& path) const {
  struct stat st {};
  return ::stat(full(path).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::vector<DirEntry> DiskFileSystem::list(const std::string& dir) const {
  std::vector<DirEntry> out;
  std::error_code ec;
  std::filesystem::directory_iterator it(full(dir), ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    DirEntry e;
    e.name = it->path().filename().string();
    e.is_symlink = it->is_symlink(ec);
    e.is_dir = it->is_directory(ec);
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return out;
}

void MemoryFileSystem::add(const std::string& path, std::string contents) {
  files_[path] = std::move(contents);
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

bool MemoryFileSystem::is_file(const std::string& path) const { return files_.count(path) > 0; }

bool MemoryFileSystem::is_dir(const std::string& path) const {
  std::string prefix = path.empty() || path == "." ? "" : path + "/";
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::vector<DirEntry> MemoryFileSystem::list(const std::string& dir) const {
  std::string prefix = dir.empty() || dir == "." ? "" : dir + "/";
  std::set<std::string> dirs, files;
  for (auto it = files_.lower_bound(prefix);
       it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    std::string rest = it->first.substr(prefix.size());
    auto slash = rest.find('/');
    if (slash == std::string::npos) files.insert(rest);
    else dirs.insert(rest.substr(0, slash));
  }
  std::vector<DirEntry> out;
  for (const auto& d : dirs) out.push_back({d, true, false});
  for (const auto& f : files) out.push_back({f, false, false});
  std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return out;
}

std::string DiskFileSystem::stamp(const std::string& path) const {
  struct stat st;
  if (::stat(full(path).c_str(), &st) != 0) return {};
  return stamp_of(st);
}

}  // namespace hongfan
