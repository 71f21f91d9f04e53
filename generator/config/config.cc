#include "config/config.h"

#include <cctype>
#include <cstdio>
#include <set>

#include "core/encoding.h"
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

std::string Filing::police_code() const {
  std::string digits;
  for (char ch : police)
    if (ch >= '0' && ch <= '9') digits += ch;
  return digits;
}

std::string Filing::police_url() const {
  std::string code = police_code();
  return code.empty() ? std::string()
                      : "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=" + code;
}

bool Config::public_host() const {
  // The host of base_url: after "://", up to the first '/', ':' or end.
  std::string host = base_url.substr(base_url.find("://") + 3);
  host = host.substr(0, host.find('/'));
  if (auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  if (!host.empty() && host.front() == '[') return false;  // an IPv6 literal: a test or LAN server
  host = host.substr(0, host.find(':'));
  for (auto& ch : host) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty() || host == "localhost" || ends_with(host, ".localhost")) return false;
  // RFC 2606/6761 names that never reach the public Internet.
  for (const char* tld : {".test", ".example", ".invalid", ".local", ".lan", ".internal", ".home.arpa"})
    if (ends_with(host, tld)) return false;
  if (starts_with(host, "example.") || host.find(".example.") != std::string::npos) return false;
  // A dotted IPv4 address: private, loopback and link-local ranges are not public.
  unsigned a = 0, b = 0, c = 0, d = 0;
  char tail = 0;
  if (std::sscanf(host.c_str(), "%u.%u.%u.%u%c", &a, &b, &c, &d, &tail) == 4) {
    if (a == 10 || a == 127 || a == 0) return false;
    if (a == 172 && b >= 16 && b <= 31) return false;
    if (a == 192 && b == 168) return false;
    if (a == 169 && b == 254) return false;
    if (a == 100 && b >= 64 && b <= 127) return false;  // carrier-grade NAT
  }
  return true;
}

namespace {

const std::set<std::string> kKnownKeys = {
    "title",   "subtitle",   "description", "base_url", "language", "theme",   "author",
    "copyright", "pagination", "menu",      "share",    "privacy",  "points",  "markdown",
    "params", "search", "filing", "freshness_days"};

void read_menu(const YAML::Node& root, const YamlSource& src, Diagnostics& diags, Config& c) {
  YAML::Node menu = root["menu"];
  if (!menu.IsDefined() || menu.IsNull()) return;
  if (!menu.IsSequence()) {
    diags.error(src.at(menu), _("'menu' must be a list of {name: ..., url: ...} entries"),
                _("write each menu entry on its own line, like `  - {name: 首页, url: /}`"));
    return;
  }
  for (const auto& item : menu) {
    if (!item.IsMap()) {
      diags.error(src.at(item), _("each menu entry must be a mapping like {name: 首页, url: /}"));
      continue;
    }
    auto name = yaml_string(item, "name", src, diags);
    auto url = yaml_string(item, "url", src, diags);
    if (!name || !url) {
      if (!item["name"].IsDefined() || !item["url"].IsDefined())
        diags.error(src.at(item), _("a menu entry needs both 'name' and 'url'"));
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
    diags.error(src.at(n), tr("'{}' must be a mapping", key),
                tr("write one setting per line under `{}:`, each indented by two spaces, like `  name: value`", key));
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
  text = decode_file_text(kConfigFile, *text, diags);
  if (!text) return std::nullopt;
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
      diags.warning(src.at(kv.first), tr("unknown setting '{}' is ignored", key),
                    _("put your own values under `params:` to use them in templates"));
  }

  if (auto v = yaml_string(root, "title", src, diags)) c.title = *v;
  else if (!root["title"].IsDefined())
    diags.error({kConfigFile, 1, 1}, _("'title' is required"), _("add a line like `title: 金色嘉苑社区党建网`"));
  if (auto v = yaml_string(root, "subtitle", src, diags)) c.subtitle = *v;
  if (auto v = yaml_string(root, "description", src, diags)) c.description = *v;
  if (auto v = yaml_string(root, "language", src, diags)) c.language = *v;
  if (auto v = yaml_string(root, "theme", src, diags)) c.theme = *v;
  if (auto v = yaml_string(root, "author", src, diags)) c.author = *v;
  if (auto v = yaml_string(root, "copyright", src, diags)) c.copyright = *v;
  if (auto v = yaml_string(root, "base_url", src, diags)) {
    if (!starts_with(*v, "http://") && !starts_with(*v, "https://")) {
      diags.error(src.at(root["base_url"]), _("'base_url' must start with http:// or https://"),
                  _("write the address residents open, like https://example.gov.cn/jsjy/"));
    } else {
      c.base_url = *v;
      if (c.base_url.back() != '/') c.base_url += '/';
    }
  }
  if (auto v = yaml_int(root, "pagination", src, diags)) {
    if (*v < 1 || *v > 1000)
      diags.error(src.at(root["pagination"]), _("'pagination' must be between 1 and 1000"),
                  _("write how many entries one list page shows, like `pagination: 10`"));
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
    if (auto v = yaml_bool(n, "indented_code", src, diags)) c.indented_code = *v;
    for (const auto& kv : n)
      if (kv.first.Scalar() != "unsafe" && kv.first.Scalar() != "indented_code")
        diags.warning(src.at(kv.first), tr("unknown markdown setting '{}' is ignored", kv.first.Scalar()),
                      _("markdown: takes `unsafe: true` and `indented_code: true`"));
  });
  read_section(root, "points", src, diags, [&](const YAML::Node& n) {
    if (auto v = yaml_string_list(n, "categories", src, diags)) c.points_categories = *v;
    if (auto v = yaml_int(n, "top", src, diags)) {
      if (*v < 1) diags.error(src.at(n["top"]), _("'points.top' must be at least 1"),
                             _("write how many places the rankings show, like `  top: 10`"));
      else c.points_top = static_cast<int>(*v);
    }
  });
  read_section(root, "filing", src, diags, [&](const YAML::Node& n) {
    for (const auto& kv : n) {
      const std::string& key = kv.first.Scalar();
      if (key != "icp" && key != "police" && key != "site_code" && key != "owner" && key != "contact")
        diags.warning(src.at(kv.first), tr("unknown filing setting '{}' is ignored", key),
                      _("filing takes icp, police, site_code, owner and contact"));
    }
    if (auto v = yaml_string(n, "icp", src, diags)) c.filing.icp = std::string(trim(*v));
    if (auto v = yaml_string(n, "police", src, diags)) c.filing.police = std::string(trim(*v));
    if (auto v = yaml_string(n, "site_code", src, diags)) c.filing.site_code = std::string(trim(*v));
    if (auto v = yaml_string(n, "owner", src, diags)) c.filing.owner = std::string(trim(*v));
    if (auto v = yaml_string(n, "contact", src, diags)) c.filing.contact = std::string(trim(*v));
    if (!c.filing.police.empty() && c.filing.police_code().empty())
      diags.error(src.at(n["police"]), tr("filing: the 公安 number '{}' has no digits", c.filing.police),
                  _("copy the number from the filing certificate, like `police: 鲁公网安备37080202000123号`"));
  });
  if (auto v = yaml_int(root, "freshness_days", src, diags)) {
    if (*v < 1 || *v > 3660)
      diags.error(src.at(root["freshness_days"]), _("'freshness_days' must be between 1 and 3660"),
                  _("write the number of days, like `freshness_days: 14`"));
    else
      c.freshness_days = static_cast<int>(*v);
  }
  read_section(root, "params", src, diags, [&](const YAML::Node& n) { c.params = n; });

  if (c.theme.empty() || c.theme.find('/') != std::string::npos || c.theme[0] == '.')
    diags.error(src.at(root["theme"]), tr("theme name '{}' is not a folder name", c.theme),
                _("write `theme: default`, or the name of a folder in themes/"));

  if (diags.error_count() != errors_before) return std::nullopt;
  return c;
}

}  // namespace hongfan
