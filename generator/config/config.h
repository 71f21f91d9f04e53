// site.yaml → Config (docs/content/reference/format.md), validated: unknown keys warn, wrong types
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

/// `filing:` — 备案 numbers and the site's owner, shown in every footer.
struct Filing {
  std::string icp;        ///< ICP 备案号, linked to https://beian.miit.gov.cn/
  std::string police;     ///< 公安联网备案号 (text as issued)
  std::string site_code;  ///< 网站标识码 (government sites)
  std::string owner;      ///< 主办单位
  std::string contact;    ///< the owner's telephone or address

  /// The digits of the 公安 number ("鲁公网安备37080202000123号" →
  /// "37080202000123"), which the 公安 filing site's link takes.
  std::string police_code() const;
  /// The 公安 filing site's page for this number, or "" without digits.
  std::string police_url() const;
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
  Filing filing;                ///< `filing:` (备案 and 主办单位)
  int freshness_days = 14;      ///< news-type sections with nothing newer are reported by check
  YAML::Node params;            ///< free `params:` mapping, handed to templates
  YAML::Node raw;               ///< the whole document, for later stages

  /// True when base_url names a host on the public Internet (not
  /// localhost, example.*, .test/.local, or a private or loopback address):
  /// such a site must show an ICP number.
  bool public_host() const;

  /// base_url + path (path without leading '/').
  std::string absolute_url(const std::string& site_path) const;
};

inline constexpr const char* kConfigFile = "site.yaml";

/// Reads and validates site.yaml. Returns nullopt when it is missing or has
/// errors (reported into `diags`).
std::optional<Config> load_config(const FileSystem& fs, Diagnostics& diags);

}  // namespace hongfan
