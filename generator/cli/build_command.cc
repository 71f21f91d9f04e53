#include <chrono>
#include <cstdio>

#include "check/check.h"
#include "cli/commands.h"
#include "cli/report.h"
#include "cli/spare_helper.h"
#include "core/fs.h"
#include "core/i18n.h"
#include "site/build.h"
#include "site/next_change.h"

namespace hongfan::cli {

int run_build(const BuildArgs& args) {
  auto started = std::chrono::steady_clock::now();
  auto now = now_or_report(args.now);
  if (!now) return kUsageError;
  BuildOptions options;
  options.output_dir = args.output.empty() ? path_join(args.site, "public") : args.output;
  options.drafts = args.drafts;
  options.offline = args.offline;
  options.now = *now;
  // What `check` knows, said by every build: staff run build, not check.
  options.review = review_in_build;
  options.strict = args.strict;
  options.record = true;  // a rebuild with nothing changed does nothing

  DiskFileSystem site(args.site);
  Diagnostics diags;
  BuildStats stats;
  // The process ends right after the build: leaving the site's memory to
  // the OS saves freeing every page, view and job one by one (80 ms at
  // 10,000 articles). Held from a static pointer, so leak checkers see it
  // as reachable, not lost.
  static auto* built = new std::unique_ptr<PreparedSite>;
  bool ok = build_site(site, options, diags, &stats, built);
  // A build that stopped early (errors while reading) did not get to the
  // rules; --strict still counts its warnings as errors.
  if (args.strict) diags.promote_warnings();
  std::fputs(format_problems(diags).c_str(), stderr);
  if (args.timings) {
    std::fprintf(stderr, "%s\n", _("timings:"));
    stats.timings.print(stderr);
  }
  if (!ok) {
    std::size_t n = diags.error_count();
    std::fprintf(stderr, "%s\n",
                 trn("{} error; {} was not changed", "{} errors; {} was not changed", n, n, options.output_dir)
                     .c_str());
    return kInputError;
  }
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  // A first build into this folder left no spare tree for the next one to
  // start from: a helper makes it while staff look at the site.
  start_spare_helper(options.output_dir);
  if (!args.quiet && stats.up_to_date) {
    // Staff saved a file and expect to see it: say why nothing was built.
    for (const auto& file : stats.edited_without_meaning)
      std::fprintf(stderr, "%s\n", tr("{}: only comments or blank lines changed, so no page changes", file).c_str());
    std::fprintf(stderr, "%s\n",
                 tr("nothing changed since the last build: {} is up to date ({} pages, {} files; {:.0f} ms)",
                    options.output_dir, stats.pages, stats.files, ms)
                     .c_str());
    std::fprintf(stderr, "%s\n", tr("next change by time alone: {}", describe_next_change(stats.next_change)).c_str());
  } else if (!args.quiet) {
    std::fprintf(stderr, "%s\n",
                 tr("built {} pages ({} files, {} changed) into {} in {:.0f} ms", stats.pages, stats.files,
                    stats.files_changed, options.output_dir, ms)
                     .c_str());
    std::fprintf(stderr, "%s\n", tr("next change by time alone: {}", describe_next_change(stats.next_change)).c_str());
  }
  return kOk;
}

}  // namespace hongfan::cli
