// Finding the theme: themes/NAME/ in the site, or the default theme built
// into the binary (so a site without a themes/ folder still builds).
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "core/fs.h"
#include "render/templates.h"
#include "site/assets.h"

namespace hongfan {

/// The default theme's files, compiled into the binary ("templates/…",
/// "static/…").
const MemoryFileSystem& embedded_default_theme();

/// The starter site that `hongfan new site` writes (starter/ in the
/// repository: site.yaml, content/, data/), compiled in.
const MemoryFileSystem& embedded_starter_site();

struct ThemeDirs {
  TemplateDir templates;
  StaticDir statics;
};

/// Where theme `name` lives for the site in `site_fs`.
std::optional<ThemeDirs> find_theme(const FileSystem& site_fs, const std::string& name,
                                    Diagnostics& diags);

}  // namespace hongfan
