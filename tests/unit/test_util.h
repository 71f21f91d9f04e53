// Helpers shared by the whole-build unit tests: a temporary folder that
// removes itself, and reading a written file back.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
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
