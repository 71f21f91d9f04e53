// Rule: no unmasked mobile number in a news body (a warning: staff phones in
// data files are fine, but residents quoted in news should be masked).
#include <fmt/format.h>

#include "check/check.h"
#include "check/numbers.h"
#include "core/text.h"

namespace hongfan {

namespace {

int line_of(std::string_view text, std::size_t offset, int first_line) {
  int line = first_line;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}


}  // namespace

void check_privacy(const CheckContext& ctx, Diagnostics& diags) {
  for (const auto& p : ctx.prepared->content.pages) {
    if (p.section != "news") continue;
    for (const auto& hit : find_mobile_numbers(p.body))
      diags.warning({p.source, line_of(p.body, hit.offset, p.body_first_line), 1},
                    fmt::format("unmasked mobile number {} in a news article", hit.text),
                    fmt::format("write {} unless this is a staff phone residents should call",
                                mask_number(hit.text)));
  }

  // ID-card numbers are the pipeline's own guard (check_id_numbers, run on
  // every content and data file while loading), so they are reported with
  // the build's errors and not a second time here.
}

}  // namespace hongfan
