#include "core/timings.h"

#include <algorithm>
#include <ctime>

#include "core/i18n.h"
#include "core/utf8.h"

namespace hongfan {

namespace {

// Terminal columns `text` takes: a Chinese character takes two (the stage
// names are translated), so printf's byte count would misalign them.
int columns_of(const std::string& text) {
  int columns = 0;
  for (std::size_t pos = 0; pos < text.size();) columns += utf8::next(text, pos) >= 0x1100 ? 2 : 1;
  return columns;
}

void print_name(std::FILE* out, const std::string& name, int width) {
  const int columns = columns_of(name);
  std::fprintf(out, "  %s%*s", name.c_str(), columns < width ? width - columns : 0, "");
}

// Right-aligns a column head over a 12-column figure (" %9.1f ms").
void print_head(std::FILE* out, const std::string& head) {
  const int columns = columns_of(head);
  std::fprintf(out, " %*s%s", columns < 12 ? 12 - columns : 0, "", head.c_str());
}

void print_row(std::FILE* out, const std::string& name, int width, double ms, double cpu_ms) {
  print_name(out, name, width);
  std::fprintf(out, " %9.1f ms %9.1f ms\n", ms, cpu_ms);
}

}  // namespace

double process_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

void Timings::print(std::FILE* out) const {
  // Column heads: the stage's wall time, and the CPU time all threads spent in it.
  // The names' column fits the longest (English names are longer).
  int width = 22;
  for (const auto& s : stages_) width = std::max(width, columns_of(s.stage) + 1);
  print_name(out, "", width);
  print_head(out, _("time"));
  print_head(out, _("CPU time"));
  std::fputc('\n', out);
  double total = 0;
  double total_cpu = 0;
  for (const auto& s : stages_) {
    print_row(out, s.stage, width, s.ms, s.cpu_ms);
    total += s.ms;
    total_cpu += s.cpu_ms;
  }
  print_row(out, _("total"), width, total, total_cpu);
}

}  // namespace hongfan
