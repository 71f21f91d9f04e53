#include "cli/report.h"

#include "core/i18n.h"

namespace hongfan::cli {

std::string format_errors(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.sorted())
    if (d.severity == Severity::error) out += d.format() + "\n";
  return out;
}

std::string format_problems(const Diagnostics& diags) {
  std::string out = format_errors(diags);
  std::size_t warnings = 0, shown = 0;
  std::string listed;
  for (const auto& d : diags.sorted()) {
    if (d.severity != Severity::warning) continue;
    ++warnings;
    if (shown < kWarningsShown) {
      listed += d.format() + "\n";
      ++shown;
    }
  }
  if (warnings == 0) return out;
  // A long list scrolls the count and the first problems out of sight:
  // staff read the top few and fix them; `check` lists everything.
  out += trn("{} warning:", "{} warnings:", warnings, warnings) + "\n" + listed;
  if (warnings > shown)
    out += tr("… {} more not shown: run hongfan check to see them all", warnings - shown) + "\n";
  return out;
}

}  // namespace hongfan::cli
