// Rule: no unmasked mobile number in a news body (a warning: staff phones in
// data files are fine, but residents quoted in news should be masked) and no
// ID-card number anywhere in the input (an error, DESIGN §4).
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

bool scanned(const std::string& path) {
  for (const char* ext : {".md", ".yaml", ".yml", ".csv", ".txt", ".json"})
    if (ends_with(path, ext)) return true;
  return false;
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

  std::vector<std::string> files{kConfigFile};
  for (const char* dir : {"content", "data"})
    for (auto& f : walk_files(*ctx.site, dir))
      if (scanned(f)) files.push_back(std::move(f));
  for (const auto& f : files) {
    auto text = ctx.site->read(f);
    if (!text) continue;
    for (const auto& hit : find_id_card_numbers(*text))
      diags.error({f, line_of(*text, hit.offset, 1), 1},
                  fmt::format("this looks like an ID-card number ({}); it must never be published",
                              mask_number(hit.text)),
                  "remove it from the file");
  }
}

}  // namespace hongfan
