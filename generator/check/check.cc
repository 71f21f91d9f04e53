#include "check/check.h"
#include "check/inspector.h"

#include <nlohmann/json.hpp>

namespace hongfan {

void CheckContext::problem(Diagnostics& diags, SourceLoc loc, std::string message, std::string hint) const {
  if (errors_as_warnings) diags.warning(std::move(loc), std::move(message), std::move(hint));
  else diags.error(std::move(loc), std::move(message), std::move(hint));
}

void review_site(const PreparedSite& site, Diagnostics& diags, bool errors_as_warnings) {
  CheckContext ctx{&site, errors_as_warnings};
  // A new rule (e.g. for a data file that lands later) is one more line here.
  check_links(ctx, diags);
  // (org/grid/station/brand ids are checked by the pipeline's link stage;
  // ID-card numbers by its reading stages, which refuse them.)
  check_privacy(ctx, diags);
  check_qr_base_url(ctx, diags);
}

void review_in_build(const PreparedSite& site, Diagnostics& diags) { review_site(site, diags, true); }

bool check_site(const FileSystem& site, const BuildOptions& options, Diagnostics& diags) {
  BuildOptions o = options;
  o.plan_despite_errors = true;  // report the build's errors and the rules' findings together
  o.review = nullptr;            // run below, once
  Timings timings;
  auto prepared = prepare_site(site, o, diags, timings);
  if (!prepared) return false;  // no config or templates: the build's errors are the report
  review_site(*prepared, diags, false);
  CheckContext ctx{prepared.get(), false, &site};
  // Advice for share cards: many pages have none, so only `check` says it.
  check_sharing(ctx, diags);
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
