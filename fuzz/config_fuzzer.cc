// site.yaml: parsing and validating the configuration, then a whole build
// plan with it (menu, share image, params reach every page).
#include "config/config.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto site = hongfan::fuzz::base_site();
  site.add("site.yaml", std::string(reinterpret_cast<const char*>(data), size));
  hongfan::Diagnostics diags;
  if (auto config = hongfan::load_config(site, diags)) {
    (void)config->absolute_url("news/");
    hongfan::fuzz::prepare_and_render(site, true);
  }
  return 0;
}
