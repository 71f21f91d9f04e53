#include "studio/deploy.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "core/fs.h"
#include "studio/auth.h"

namespace hongfan::studio {

int run_program(const std::vector<std::string>& args, std::string* output) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return -1;
  pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    ::dup2(fds[1], 1);
    ::dup2(fds[1], 2);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    output->append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

namespace {

using Manifest = std::map<std::string, std::string>;  // path → content hash

Manifest read_manifest(const std::string& file) {
  Manifest m;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) m[line.substr(tab + 1)] = line.substr(0, tab);
  }
  return m;
}

void write_lines(const std::string& file, const std::vector<std::string>& lines) {
  std::ofstream out(file, std::ios::binary);
  for (const auto& l : lines) out << l << "\n";
}

}  // namespace

DeployResult deploy(const std::string& public_dir, const std::string& remote, const std::string& state_dir) {
  DeployResult r;
  std::filesystem::create_directories(state_dir);
  std::string manifest_file = state_dir + "/deployed-" + content_hash(remote).substr(0, 12) + ".txt";
  Manifest before = read_manifest(manifest_file), now;
  DiskFileSystem out(public_dir);
  std::vector<std::string> changed, gone;
  for (const auto& path : walk_files(out, "")) {
    auto bytes = out.read(path);
    if (!bytes) continue;
    now[path] = content_hash(*bytes);
    auto it = before.find(path);
    if (it == before.end() || it->second != now[path]) changed.push_back(path);
  }
  for (const auto& [path, hash] : before)
    if (!now.count(path)) gone.push_back(path);
  r.ok = true;
  if (!changed.empty()) {
    write_lines(state_dir + "/upload.txt", changed);
    r.ok = run_program({"rclone", "copy", "-v", "--stats=0", "--no-traverse", "--no-check-dest", "--files-from-raw",
                        state_dir + "/upload.txt", public_dir, remote},
                       &r.log) == 0;
  }
  if (r.ok && !gone.empty()) {
    write_lines(state_dir + "/delete.txt", gone);
    r.ok = run_program({"rclone", "delete", "-v", "--stats=0", "--files-from-raw", state_dir + "/delete.txt", remote},
                       &r.log) == 0;
  }
  if (r.ok) {
    r.uploaded = changed.size();
    r.removed = gone.size();
    std::vector<std::string> lines;
    for (const auto& [path, hash] : now) lines.push_back(hash + "\t" + path);
    write_lines(manifest_file, lines);
  }
  return r;
}

}  // namespace hongfan::studio
