#include "studio/paths.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/i18n.h"
#include "core/text.h"

namespace hongfan::studio {

namespace {
std::vector<std::string> segments(const std::string& rel) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= rel.size()) {
    auto slash = rel.find('/', start);
    if (slash == std::string::npos) slash = rel.size();
    out.push_back(rel.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}
}  // namespace

std::optional<std::string> checked_path(const std::string& site, const std::string& rel) {
  if (rel.empty() || rel[0] == '/' || rel.find('\\') != std::string::npos || rel.find('\0') != std::string::npos)
    return std::nullopt;
  auto segs = segments(rel);
  if (segs.front() == "studio.yaml" || segs.front() == "public") return std::nullopt;
  std::string path = site;
  for (const auto& s : segs) {
    if (s.empty() || s == "." || s == ".." || s[0] == '.') return std::nullopt;
    path += "/" + s;
    struct stat st;
    if (::lstat(path.c_str(), &st) == 0) {
      if (S_ISLNK(st.st_mode)) return std::nullopt;
    } else if (errno != ENOENT) {
      return std::nullopt;
    }
  }
  return path;
}

bool is_article_path(const std::string& rel) {
  auto segs = segments(rel);
  return segs.size() >= 3 && segs[0] == "content" && ends_with(rel, ".md") && checked_path(".", rel).has_value();
}

bool is_data_path(const std::string& rel) {
  if (!starts_with(rel, "data/") || !ends_with(rel, ".yaml") || rel == "data/points.yaml") return false;
  std::string name = rel.substr(5);
  return name.size() > 5 && name.find('/') == std::string::npos && name[0] != '.' && name.find("..") == std::string::npos;
}

bool write_site_file(const std::string& site, const std::string& rel, const std::string& data, std::string* error) {
  auto full = checked_path(site, rel);
  if (!full) {
    *error = tr("{}: this path is not allowed", rel);
    return false;
  }
  // Create the folders one by one; checked_path() has refused links in the
  // ones that exist, and mkdir never follows one.
  std::string dir = site;
  auto segs = segments(rel);
  for (std::size_t i = 0; i + 1 < segs.size(); ++i) {
    dir += "/" + segs[i];
    if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
      *error = tr("{}: cannot create the folder ({})", rel, std::strerror(errno));
      return false;
    }
  }
  std::string tmp = dir + "/.studio-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = tr("{}: cannot write the file ({})", rel, std::strerror(errno));
    return false;
  }
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  bool ok = done == data.size() && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), full->c_str()) != 0) {
    ::unlink(tmp.c_str());
    *error = tr("{}: cannot write the file ({})", rel, std::strerror(errno));
    return false;
  }
  return true;
}

std::optional<std::string> read_site_file(const std::string& site, const std::string& rel) {
  auto full = checked_path(site, rel);
  if (!full) return std::nullopt;
  int fd = ::open(full->c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

}  // namespace hongfan::studio
