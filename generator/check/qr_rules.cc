// Rule: the printed grid service cards carry a QR code of base_url + the
// grid's page. With the starter's example address still in site.yaml, every
// card printed and pinned up in a stairwell points nowhere.
#include "check/check.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/yaml.h"

namespace hongfan {

namespace {

// The host of an absolute URL, lower-cased: "https://Example.gov.cn/x/" → "example.gov.cn".
std::string host_of(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url = url.substr(scheme + 3);
  url = url.substr(0, url.find_first_of("/:?#"));
  return ascii_lower(url);
}

// The addresses `hongfan new site` and the format reference's example write, and their subdomains.
bool is_example_host(const std::string& host) {
  for (std::string_view example : {"example.gov.cn", "example.com"})
    if (host == example || ends_with(host, "." + std::string(example))) return true;
  return false;
}

}  // namespace

void check_qr_base_url(const CheckContext& ctx, Diagnostics& diags) {
  const PreparedSite& s = *ctx.prepared;
  if (s.data.grids.empty() || !is_example_host(host_of(s.config->base_url))) return;
  YamlSource src{kConfigFile, 0, ""};
  YAML::Node node = s.config->raw["base_url"];
  SourceLoc loc = node ? src.at(node) : SourceLoc{kConfigFile, 1, 1};
  diags.warning(loc,
                tr("base_url is still the example address {}: the QR codes on the printed grid service cards "
                   "would point to a site that does not exist",
                   s.config->base_url),
                _("write the portal's real address after base_url:, starting with https://"));
}

}  // namespace hongfan
