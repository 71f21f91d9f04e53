// Static files: the theme's static/, then the site's (which wins), copied
// into the output; stylesheets and scripts get a content hash in their name
// because WeChat's browser caches hard.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/fs.h"

namespace hongfan {

struct StaticDir {
  const FileSystem* fs = nullptr;
  std::string dir;      ///< folder inside fs, e.g. "static"
  std::string display;  ///< for messages, e.g. "themes/default/static"
};

struct StaticFile {
  const FileSystem* fs = nullptr;
  std::string source;     ///< path inside fs
  std::string published;  ///< output path, fingerprinted for .css/.js
  /// What to publish instead of the source's bytes (minified CSS,
  /// metadata-stripped images); null → copy the source.
  std::shared_ptr<const std::string> contents;
};

struct StaticPlan {
  std::vector<StaticFile> files;              ///< sorted by published path
  std::map<std::string, std::string> assets;  ///< logical → published ("css/style.css" → …)
};

/// Collects the files to publish. Later dirs override earlier ones by path.
/// Symbolic links and names that could escape the output are errors.
StaticPlan plan_static(const std::vector<StaticDir>& dirs, Diagnostics& diags);

/// "css/style.css" + contents → "css/style.1a2b3c4d.css".
std::string fingerprinted_name(const std::string& path, std::string_view contents);

}  // namespace hongfan
