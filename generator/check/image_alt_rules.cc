// Rule: every image in an article has alternative text. Elderly residents
// use the phone's screen reader (读屏), which reads "图片" for an image
// without it; the inspectors' accessibility check (适老化) flags it too.
#include <optional>

#include "check/inspector.h"
#include "core/i18n.h"

namespace hongfan {

namespace {

// The column of `![` that opens the image with `url` on `line` of `text`.
int image_column(std::string_view text, int line, const std::string& url) {
  std::size_t start = 0;
  for (int l = 1; l < line && start != std::string_view::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) return 1;
  std::size_t end = text.find('\n', start);
  std::string_view l = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  std::size_t at = l.find("](" + url);
  std::size_t open = at == std::string_view::npos ? std::string_view::npos : l.rfind("![", at);
  if (open == std::string_view::npos) return 1;
  return text_position(text, start + open).col;
}

}  // namespace

void check_image_alt(const CheckContext& ctx, Diagnostics& diags) {
  for (const auto& p : ctx.prepared->content.pages) {
    std::optional<std::string> text;
    for (const auto& r : p.refs) {
      if (!r.image || !r.alt.empty()) continue;
      if (!text) text = ctx.site->read(p.source);
      int col = text ? image_column(*text, r.line, r.url) : 1;
      diags.warning({p.source, r.line, col}, tr("the image {} has no alt text: screen readers can only say 图片", r.url),
                    tr("describe it between the brackets, like ![志愿者为老人测量血压]({})", r.url));
    }
  }
}

}  // namespace hongfan
