#include "core/timings.h"

#include "core/i18n.h"
#include "core/utf8.h"

namespace hongfan {

namespace {

// Pads `name` to 22 terminal columns; a Chinese character takes two (the
// stage names are translated), so printf's byte count would misalign them.
void print_row(std::FILE* out, const std::string& name, double ms) {
  int columns = 0;
  for (std::size_t pos = 0; pos < name.size();) columns += utf8::next(name, pos) >= 0x1100 ? 2 : 1;
  std::fprintf(out, "  %s%*s %9.1f ms\n", name.c_str(), columns < 22 ? 22 - columns : 0, "", ms);
}

}  // namespace

void Timings::print(std::FILE* out) const {
  double total = 0;
  for (const auto& [name, ms] : stages_) {
    print_row(out, name, ms);
    total += ms;
  }
  print_row(out, _("total"), total);
}

}  // namespace hongfan
