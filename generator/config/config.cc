#include "config/config.h"

#include <fmt/format.h>

#include <set>

#include "core/i18n.h"
#include "core/text.h"
#include "core/yaml.h"
#include "core/yaml_errors.h"

namespace hongfan {

std::string Config::absolute_url(const std::string& site_path) const {
  std::string p = site_path;
  while (!p.empty() && p.front() == '/') p.erase(p.begin());
  return base_url + p;
}

namespace {

const std::set<std::string> kKnownKeys = {
    "title",   "subtitle",   "description", "base_url", "language", "theme",   "author",
    "copyright", "pagination", "menu",      "share",    "privacy",  "points",  "markdown",
    "params", "search"};

void read_menu(const YAML::Node& root, const YamlSource& src, Diagnostics& diags, Config& c) {
  YAML::Node menu = root["menu"];
  if (!menu.IsDefined() || menu.IsNull()) return;
  if (!menu.IsSequence()) {
    diags.error(src.at(menu), "'menu' must be a list of {name: ..., url: ...} entries");
    return;
  }
  for (const auto& item : menu) {
    if (!item.IsMap()) {
      diags.error(src.at(item), "each menu entry must be a mapping like {name: 首页, url: /}");
      continue;
    }
    auto name = yaml_string(item, "name", src, diags);
    auto url = yaml_string(item, "url", src, diags);
    if (!name || !url) {
      if (!item["name"].IsDefined() || !item["url"].IsDefined())
        diags.error(src.at(item), "a menu entry needs both 'name' and 'url'");
      continue;
    }
    c.menu.push_back({*name, *url});
  }
}

template <typename F>
void read_section(const YAML::Node& root, const char* key, const YamlSource& src,
                  Diagnostics& diags, F&& read) {
  YAML::Node n = root[key];
  if (!n.IsDefined() || n.IsNull()) return;
  if (!n.IsMap()) {
    diags.error(src.at(n), fmt::format("'{}' must be a mapping", key));
    return;
  }
  read(n);
}

}  // namespace

std::optional<Config> load_config(const FileSystem& fs, Diagnostics& diags) {
  YamlSource src{kConfigFile, 0, ""};
  auto text = fs.read(kConfigFile);
  if (!text) {
    diags.error({kConfigFile}, _("no site.yaml here: this folder is not a hongfan site"),
                _("run `hongfan build -s FOLDER` with the site folder, or `hongfan new site FOLDER`"));
    return std::nullopt;
  }
  src.text = std::make_shared<const std::string>(*text);
  const std::size_t errors_before = diags.error_count();
  auto doc = parse_yaml(*text, src, diags);
  if (!doc) return std::nullopt;
  const YAML::Node& root = *doc;
  if (!root.IsMap()) {
    SourceLoc loc = src.at(root);
    std::string hint;
    std::string why = full_width_colon_advice(*text, src, loc, hint);
    if (why.empty()) {
      why = root.IsSequence() ? _("it is a list") : root.IsNull() ? _("it is empty") : _("it is a single piece of text");
      hint = _("write one setting per line, like title: 金色嘉苑社区党建网");
    }
    diags.error(loc, tr("site.yaml must be 'name: value' lines: {}", why), hint);
    return std::nullopt;
  }

  Config c;
  c.raw = root;
  for (const auto& kv : root) {
    const std::string& key = kv.first.Scalar();
    if (!kKnownKeys.count(key))
      diags.warning(src.at(kv.first), fmt::format("unknown setting '{}' is ignored", key),
                    "put your own values under `params:` to use them in templates");
  }

  if (auto v = yaml_string(root, "title", src, diags)) c.title = *v;
  else if (!root["title"].IsDefined())
    diags.error({kConfigFile, 1, 1}, "'title' is required", "add a line like `title: 金色嘉苑社区党建网`");
  if (auto v = yaml_string(root, "subtitle", src, diags)) c.subtitle = *v;
  if (auto v = yaml_string(root, "description", src, diags)) c.description = *v;
  if (auto v = yaml_string(root, "language", src, diags)) c.language = *v;
  if (auto v = yaml_string(root, "theme", src, diags)) c.theme = *v;
  if (auto v = yaml_string(root, "author", src, diags)) c.author = *v;
  if (auto v = yaml_string(root, "copyright", src, diags)) c.copyright = *v;
  if (auto v = yaml_string(root, "base_url", src, diags)) {
    if (!starts_with(*v, "http://") && !starts_with(*v, "https://")) {
      diags.error(src.at(root["base_url"]), "'base_url' must start with http:// or https://",
                  "write the address residents open, like https://example.gov.cn/jsjy/");
    } else {
      c.base_url = *v;
      if (c.base_url.back() != '/') c.base_url += '/';
    }
  }
  if (auto v = yaml_int(root, "pagination", src, diags)) {
    if (*v < 1 || *v > 1000)
      diags.error(src.at(root["pagination"]), "'pagination' must be between 1 and 1000");
    else
      c.pagination = static_cast<int>(*v);
  }
  if (auto v = yaml_bool(root, "search", src, diags)) c.search = *v;
  read_menu(root, src, diags, c);
  read_section(root, "share", src, diags, [&](const YAML::Node& n) {
    if (auto v = yaml_string(n, "image", src, diags)) c.share_image = *v;
  });
  read_section(root, "privacy", src, diags, [&](const YAML::Node& n) {
    if (auto v = yaml_bool(n, "mask_residents", src, diags)) c.mask_residents = *v;
  });
  read_section(root, "markdown", src, diags, [&](const YAML::Node& n) {
    if (auto v = yaml_bool(n, "unsafe", src, diags)) c.unsafe_html = *v;
  });
  read_section(root, "points", src, diags, [&](const YAML::Node& n) {
    if (auto v = yaml_string_list(n, "categories", src, diags)) c.points_categories = *v;
    if (auto v = yaml_int(n, "top", src, diags)) {
      if (*v < 1) diags.error(src.at(n["top"]), "'points.top' must be at least 1");
      else c.points_top = static_cast<int>(*v);
    }
  });
  read_section(root, "params", src, diags, [&](const YAML::Node& n) { c.params = n; });

  if (c.theme.empty() || c.theme.find('/') != std::string::npos || c.theme[0] == '.')
    diags.error(src.at(root["theme"]), fmt::format("theme name '{}' is not a folder name", c.theme));

  if (diags.error_count() != errors_before) return std::nullopt;
  return c;
}

}  // namespace hongfan
