#include "core/timings.h"

namespace hongfan {

void Timings::print(std::FILE* out) const {
  double total = 0;
  for (const auto& [name, ms] : stages_) {
    std::fprintf(out, "  %-22s %9.1f ms\n", name.c_str(), ms);
    total += ms;
  }
  std::fprintf(out, "  %-22s %9.1f ms\n", "total", total);
}

}  // namespace hongfan
