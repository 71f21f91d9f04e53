#include <cstdio>

#include "check/check.h"
#include "cli/commands.h"
#include "core/fs.h"

namespace hongfan::cli {

int run_check(const CheckArgs& args) {
  auto now = now_or_report(args.now);
  if (!now) return kUsageError;
  BuildOptions options;
  options.drafts = args.drafts;
  options.now = *now;
  DiskFileSystem site(args.site);
  Diagnostics diags;
  bool ok = check_site(site, options, diags);
  if (args.format == "json") {
    std::fputs(diagnostics_json(diags).c_str(), stdout);
  } else {
    diags.print(stdout);
    std::size_t e = diags.error_count(), w = diags.warning_count();
    std::printf("check: %zu error%s, %zu warning%s\n", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s");
  }
  return ok ? kOk : kInputError;
}

}  // namespace hongfan::cli
