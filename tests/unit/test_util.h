// Helpers shared by the whole-build unit tests: a temporary folder that
// removes itself, and reading a written file back.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "core/date.h"
#include "core/fs.h"
#include "site/build.h"

namespace hongfan::testing {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "hongfan-test-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline bool contains(const std::string& s, const std::string& x) { return s.find(x) != std::string::npos; }

/// Every file under `dir`, by path relative to it: path → bytes.
inline std::map<std::string, std::string> contents(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[std::filesystem::relative(e.path(), dir).string()] = slurp(e.path());
  return out;
}

/// The demo site's own files (site.yaml, content/, data/, static/; its
/// theme is built in): path → bytes.
inline std::map<std::string, std::string> demo_files() {
  const std::filesystem::path root = HONGFAN_SOURCE_DIR;
  std::map<std::string, std::string> files;
  files["site.yaml"] = slurp(root / "site.yaml");
  for (const char* dir : {"content", "data", "static"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(root / dir))
      if (e.is_regular_file()) files[std::filesystem::relative(e.path(), root).generic_string()] = slurp(e.path());
  return files;
}

inline MemoryFileSystem site_of(const std::map<std::string, std::string>& files) {
  MemoryFileSystem s;
  for (const auto& [path, text] : files) s.add(path, text);
  return s;
}

/// Builds `site` into tmp/public with today = `now` (YYYY-MM-DD); the build
/// must succeed. Returns the output folder.
inline std::filesystem::path build_ok(const TempDir& tmp, const FileSystem& site, const char* now) {
  BuildOptions o;
  o.output_dir = (tmp.path / "public").string();
  o.now = parse_datetime(now)->epoch;
  Diagnostics d;
  REQUIRE(build_site(site, o, d));
  return tmp.path / "public";
}

}  // namespace hongfan::testing
