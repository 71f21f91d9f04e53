#include "core/timings.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"

using namespace hongfan;

namespace {

std::vector<std::string> printed_lines(const Timings& t) {
  std::FILE* f = std::tmpfile();
  t.print(f);
  std::rewind(f);
  std::string text;
  char buf[256];
  while (std::fgets(buf, sizeof buf, f)) text += buf;
  std::fclose(f);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

int columns(const std::string& s) {
  int n = 0;
  for (std::size_t pos = 0; pos < s.size();) n += utf8::next(s, pos) >= 0x1100 ? 2 : 1;
  return n;
}

}  // namespace

TEST_CASE("--timings shows each stage's wall time and CPU time, in aligned columns") {
  Timings t;
  t.add("读文章", 12.5, 24.0);
  t.add("compare with the last build", 1.0, 1.0);  // longer than the usual column
  const auto lines = printed_lines(t);
  REQUIRE(lines.size() == 4);  // heads, two stages, total
  CHECK(lines[1].find("读文章") != std::string::npos);
  CHECK(lines[1].find("12.5 ms") != std::string::npos);
  CHECK(lines[1].find("24.0 ms") != std::string::npos);
  CHECK(lines[3].find("13.5 ms") != std::string::npos);  // both columns summed
  CHECK(lines[3].find("25.0 ms") != std::string::npos);
  // Chinese names take two columns each, long names widen the column: every
  // row ends at the same column.
  for (const auto& line : lines) CHECK(columns(line) == columns(lines[1]));
}

TEST_CASE("a scoped timer counts the CPU time of the work it times") {
  Timings t;
  {
    ScopedTimer timer(t, "spin");
    const double until = process_cpu_ms() + 20;
    while (process_cpu_ms() < until) {
    }
  }
  REQUIRE(t.stages().size() == 1);
  CHECK(t.stages()[0].cpu_ms >= 20);
  CHECK(t.stages()[0].ms >= t.stages()[0].cpu_ms * 0.5);
}
