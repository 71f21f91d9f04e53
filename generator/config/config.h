// site.yaml → Config (DESIGN §2), validated: unknown keys warn, wrong types
// and missing required keys are errors with their location.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/fs.h"

namespace hongfan {

struct MenuItem {
  std::string name;
  std::string url;  ///< as written: site-absolute (`/news/`) or external
};

struct Config {
  std::string title;
  std::string subtitle;
  std::string description;
  std::string base_url = "http://localhost/";  ///< always ends with '/'
  std::string language = "zh-CN";
  std::string theme = "default";
  std::string author;
  std::string copyright;
  int pagination = 10;
  std::vector<MenuItem> menu;
  std::string share_image;      ///< site-absolute path of the default share image
  bool mask_residents = true;   ///< privacy.mask_residents
  bool unsafe_html = false;     ///< markdown.unsafe: let raw HTML in Markdown through
  bool indented_code = false;   ///< markdown.indented_code: a 4-space indent makes code, not a paragraph
  bool search = true;           ///< `search: false` publishes no /search/ page or index
  std::vector<std::string> points_categories;
  int points_top = 20;
  YAML::Node params;            ///< free `params:` mapping, handed to templates
  YAML::Node raw;               ///< the whole document, for later stages

  /// base_url + path (path without leading '/').
  std::string absolute_url(const std::string& site_path) const;
};

inline constexpr const char* kConfigFile = "site.yaml";

/// Reads and validates site.yaml. Returns nullopt when it is missing or has
/// errors (reported into `diags`).
std::optional<Config> load_config(const FileSystem& fs, Diagnostics& diags);

}  // namespace hongfan
