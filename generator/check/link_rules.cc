// Rule: every internal link, anchor, image, attachment, cover, menu entry and
// share image points at something the build publishes.
#include <fmt/format.h>

#include <map>
#include <set>

#include "check/check.h"
#include "check/links.h"
#include "core/text.h"
#include "core/yaml.h"
#include "render/urls.h"

namespace hongfan {

namespace {

// Ids every page of the default theme has, whatever its body.
const std::set<std::string> kThemeIds = {"main"};

class LinkIndex {
 public:
  explicit LinkIndex(const PreparedSite& s) {
    for (const auto& job : s.jobs) files_.insert(job.path);
    for (const auto& f : s.statics.files) files_.insert(f.published);
    for (const auto& p : s.content.pages) pages_[p.url] = &p;
  }

  /// The published file `path` ("news/x/", "images/a.png") names, or "".
  std::string file_for(const std::string& path) const {
    if (path.empty() || path.back() == '/') {
      std::string index = path + "index.html";
      return files_.count(index) ? index : "";
    }
    if (files_.count(path)) return path;
    if (files_.count(path + "/index.html")) return path + "/index.html";  // servers add the '/'
    return "";
  }

  const Page* page_at(const std::string& file) const {
    if (!ends_with(file, "index.html")) return nullptr;
    auto it = pages_.find(file.substr(0, file.size() - 10));
    return it == pages_.end() ? nullptr : it->second;
  }

 private:
  std::set<std::string> files_;
  std::map<std::string, const Page*> pages_;
};

bool has_anchor(const Page& p, const std::string& id) {
  if (kThemeIds.count(id)) return true;
  for (const auto& a : p.anchors)
    if (a == id) return true;
  return false;
}

bool looks_like_file(const std::string& path) {
  auto slash = path.rfind('/');
  auto dot = path.rfind('.');
  return dot != std::string::npos && (slash == std::string::npos || dot > slash) &&
         !ends_with(path, ".html");
}

// What kind of thing a reference is, for messages.
enum class RefKind { link, image, cover, menu, share };

void check_one(const LinkIndex& index, const std::string& page_url, const Page* page,
               const std::string& href, RefKind kind, const SourceLoc& loc, Diagnostics& diags) {
  const bool wants_image = kind == RefKind::image || kind == RefKind::cover || kind == RefKind::share;
  const char* what = kind == RefKind::image ? "image" : kind == RefKind::cover ? "cover image"
                     : kind == RefKind::share ? "share image" : kind == RefKind::menu ? "menu link" : "link";
  if (trim(href).empty()) {
    if (kind != RefKind::link) diags.error(loc, fmt::format("{} is empty", what));
    return;
  }
  if (is_dangerous_url(href)) {
    diags.error(loc, fmt::format("{} '{}' uses a script or data URL; it is replaced by '#'", what, href),
                "link to a page or a file under static/");
    return;
  }
  LinkTarget t = resolve_site_link(page_url, href);
  if (t.external) return;
  if (t.escapes) {
    diags.error(loc, fmt::format("{} '{}' climbs above the site root", what, href),
                "write site paths from the root, like /news/");
    return;
  }
  if (t.same_page && !wants_image) {
    if (page && !t.fragment.empty() && !has_anchor(*page, t.fragment))
      diags.error(loc, fmt::format("anchor '#{}' is not on this page", t.fragment),
                  "link to a heading's id: its text, lower-cased, spaces as '-'");
    return;
  }
  std::string file = index.file_for(t.path);
  if (file.empty()) {
    std::string shown = "/" + t.path;
    if (wants_image)
      diags.error(loc, fmt::format("{} '{}' not found: there is no static{}", what, href, shown),
                  "put the file under static/ or fix the path");
    else if (looks_like_file(t.path))
      diags.error(loc, fmt::format("attachment '{}' not found: there is no static{}", href, shown),
                  "put the file under static/ or fix the path");
    else
      diags.error(loc, fmt::format("broken {} '{}': the site has no page {}", what, href, shown));
    return;
  }
  if (!t.fragment.empty()) {
    const Page* target = index.page_at(file);
    if (target && !has_anchor(*target, t.fragment))
      diags.error(loc, fmt::format("{} '{}': anchor '#{}' is not on {}", what, href, t.fragment, target->source));
  }
}

}  // namespace

void check_links(const CheckContext& ctx, Diagnostics& diags) {
  const PreparedSite& s = *ctx.prepared;
  LinkIndex index(s);

  for (const auto& p : s.content.pages) {
    for (const auto& r : p.refs)
      check_one(index, p.url, &p, r.url, r.image ? RefKind::image : RefKind::link, {p.source, r.line, 1}, diags);
    if (!p.cover.empty()) {
      YamlSource src = front_matter_source(p);
      check_one(index, p.url, &p, p.cover, RefKind::cover, src.at(p.front["cover"]), diags);
    }
  }

  // Menu and share image, as site.yaml writes them.
  const Config& c = *s.config;
  YamlSource src{kConfigFile, 0, ""};
  YAML::Node menu = c.raw["menu"];
  for (std::size_t i = 0; i < c.menu.size(); ++i) {
    const MenuItem& m = c.menu[i];
    SourceLoc loc = menu.IsSequence() && i < menu.size() ? src.at(menu[i]["url"]) : SourceLoc{kConfigFile, 1, 1};
    LinkTarget t = resolve_site_link("", m.url);
    if (!t.external && !is_dangerous_url(m.url) && !m.url.empty() && m.url.front() != '/' &&
        m.url.front() != '#' && m.url.front() != '?') {
      diags.warning(loc, fmt::format("menu link '{}' is relative, so it breaks on pages below the home page",
                                     m.url),
                    fmt::format("write it from the site root: /{}", m.url));
    }
    check_one(index, "", nullptr, m.url, RefKind::menu, loc, diags);
  }
  if (!c.share_image.empty()) {
    YAML::Node share = c.raw["share"];
    check_one(index, "", nullptr, c.share_image, RefKind::share,
              share.IsMap() ? src.at(share["image"]) : SourceLoc{kConfigFile, 1, 1}, diags);
  }
}

}  // namespace hongfan
