#include "site/theme.h"

#include <fmt/format.h>

#include "config/config.h"
#include "core/i18n.h"

namespace hongfan {

std::optional<ThemeDirs> find_theme(const FileSystem& site_fs, const std::string& name,
                                    Diagnostics& diags) {
  std::string dir = "themes/" + name;
  if (site_fs.is_dir(dir)) {
    return ThemeDirs{{&site_fs, dir + "/templates", dir + "/templates", /*in_site=*/true},
                     {&site_fs, dir + "/static", dir + "/static"}};
  }
  if (name == "default") {
    const FileSystem& fs = embedded_default_theme();
    const std::string shown = _("(built-in theme)");
    return ThemeDirs{{&fs, "templates", shown + "/templates"}, {&fs, "static", shown + "/static"}};
  }
  diags.error({kConfigFile}, tr("theme '{}' not found: there is no folder {}/", name, dir),
              _("use `theme: default` or copy the theme into themes/"));
  return std::nullopt;
}

}  // namespace hongfan
