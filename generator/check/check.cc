#include "check/check.h"
#include "check/inspector.h"

#include <nlohmann/json.hpp>

namespace hongfan {

bool check_site(const FileSystem& site, const BuildOptions& options, Diagnostics& diags) {
  BuildOptions o = options;
  o.keep_markdown = true;  // the privacy rule scans the bodies
  o.plan_despite_errors = true;  // report the build's errors and the rules' findings together
  Timings timings;
  auto prepared = prepare_site(site, o, diags, timings);
  if (!prepared) return false;  // no config or templates: the build's errors are the report
  CheckContext ctx{&site, prepared.get()};
  // A new rule (e.g. for a data file that lands later) is one more line here.
  check_links(ctx, diags);
  // (org/grid/station/brand ids are checked by the pipeline's link stage.)
  check_sharing(ctx, diags);
  check_privacy(ctx, diags);
  // What a government-site inspector checks (check/inspector.h).
  check_filing(ctx, diags);
  check_terms(ctx, diags);
  check_freshness(ctx, diags);
  check_image_alt(ctx, diags);
  check_disclosures(ctx, diags);
  return !diags.has_errors();
}

std::string diagnostics_json(const Diagnostics& diags) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : diags.sorted()) {
    list.push_back({{"severity", d.severity == Severity::error ? "error" : "warning"},
                    {"file", d.loc.file},
                    {"line", d.loc.line},
                    {"column", d.loc.col},
                    {"message", d.message},
                    {"hint", d.hint}});
  }
  nlohmann::json out = {{"errors", diags.error_count()},
                        {"warnings", diags.warning_count()},
                        {"diagnostics", list}};
  // Invalid UTF-8 cannot reach here (inputs are validated), but never throw.
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace hongfan
