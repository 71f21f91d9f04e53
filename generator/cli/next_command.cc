// `hongfan next`: when the output changes by time alone, for a cron job that
// rebuilds exactly then (README "Scheduled publishing").
#include <cstdio>

#include "cli/commands.h"
#include "core/date.h"
#include "core/fs.h"
#include "core/i18n.h"
#include "site/build.h"
#include "site/next_change.h"

namespace hongfan::cli {

int run_next(const NextArgs& args) {
  auto now = now_or_report(args.now);
  if (!now) return kUsageError;
  BuildOptions options;
  options.now = *now;
  DiskFileSystem site(args.site);
  Diagnostics diags;
  Timings timings;
  auto prepared = prepare_site(site, options, diags, timings);
  if (!prepared) {
    diags.print(stderr);
    return kInputError;
  }
  auto next = next_time_change(*prepared, *now);
  // One line a script can read: the instant as RFC 3339, or "none".
  std::printf("%s\n", next ? format_rfc3339(*next).c_str() : "none");
  return kOk;
}

}  // namespace hongfan::cli
