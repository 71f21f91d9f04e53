#include <cstdio>

#include "cli/commands.h"
#include "core/date.h"
#include "core/i18n.h"

namespace hongfan::cli {

std::optional<std::int64_t> now_or_report(const std::string& flag) {
  std::string why;
  auto now = resolve_now(flag, &why);
  if (!now) {
    std::fprintf(stderr, "%s: %s\n", _("error"), why.c_str());
    if (!flag.empty()) std::fprintf(stderr, "    %s%s\n", _("hint: "), date_format_hint());
  }
  return now;
}

}  // namespace hongfan::cli
