#include <cstdio>

#include "check/check.h"
#include "cli/commands.h"
#include "core/fs.h"
#include "core/i18n.h"

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
    std::printf("%s\n", tr("check: {}, {}", trn("{} error", "{} errors", e, e), trn("{} warning", "{} warnings", w, w)).c_str());
  }
  return ok ? kOk : kInputError;
}

}  // namespace hongfan::cli
