// Rule: pages carry what a WeChat share card needs — a summary and an image.
// Both are warnings: the build falls back to the first paragraph and to no
// image, which works but looks poor in a chat. A page without a summary whose
// first paragraph fits a card whole (an activity's one-line invitation) is
// not reported: its card already reads as a summary, and 60 such warnings
// on the demo buried the few that mattered.
#include "check/check.h"
#include "core/i18n.h"

namespace hongfan {

void check_sharing(const CheckContext& ctx, Diagnostics& diags) {
  const PreparedSite& s = *ctx.prepared;
  const bool site_image = !s.config->share_image.empty();
  for (const auto& p : s.content.pages) {
    if (p.is_section_index) continue;
    SourceLoc loc{p.source, 1, 1};
    if (p.summary.empty() && p.plain_summary.empty())
      diags.warning(loc, _("no summary and no first paragraph: lists and WeChat share cards show no text for this page"),
                    _("add a line between the --- lines at the top: summary: 一句话介绍这篇文章"));
    else if (p.summary.empty() && p.card_summary != p.plain_summary)
      diags.warning(loc, _("no summary: lists and WeChat share cards cut the long first paragraph short"),
                    _("add a line between the --- lines at the top: summary: 一句话介绍这篇文章"));
    if (p.cover.empty() && !site_image)
      diags.warning(loc, _("no share image: this page has no cover: and site.yaml has no share image"),
                    _("add a line cover: /images/... here, or share: {image: /images/share.png} to site.yaml"));
  }
}

}  // namespace hongfan
