// Rule: a site on the public Internet shows its ICP 备案号. Hosting a site in
// China without one in the footer is fined; a test address (localhost,
// example.*, a private IP) needs none.
#include "check/inspector.h"
#include "core/i18n.h"

namespace hongfan {

void check_filing(const CheckContext& ctx, Diagnostics& diags) {
  const Config& c = *ctx.prepared->config;
  if (!c.public_host() || !c.filing.icp.empty()) return;
  auto text = ctx.site->read(kConfigFile);
  int line = text ? line_of_key(*text, "base_url") : 0;
  diags.error({kConfigFile, line, line ? 1 : 0},
              tr("base_url {} is a public address, but site.yaml has no ICP number to show in the footer", c.base_url),
              _("add the number from your 备案 certificate: `filing: {icp: 鲁ICP备12345678号-1}`"));
}

}  // namespace hongfan
