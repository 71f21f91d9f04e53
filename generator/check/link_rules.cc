// Rule: every internal link, anchor, image, attachment, cover, menu entry and
// share image points at something the build publishes.
#include <map>
#include <set>

#include "check/check.h"
#include "check/links.h"
#include "core/i18n.h"
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
    for (const auto& f : s.statics.files) {
      files_.insert(f.published);
      // A file staff named is published under another name (HEIC as JPEG,
      // videos and Chinese names under ASCII ones); links name the original.
      if (starts_with(f.source, "static/")) files_.insert(f.source.substr(7));
    }
    for (const auto& [path, info] : s.images) files_.insert(path);
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

const char* kind_name(RefKind kind) {
  switch (kind) {
    case RefKind::image: return _("image");
    case RefKind::cover: return _("cover image");
    case RefKind::share: return _("share image");
    case RefKind::menu: return _("menu link");
    case RefKind::link: break;
  }
  return _("text link");
}

void check_one(const CheckContext& ctx, const LinkIndex& index, const std::string& page_url, const Page* page,
               const std::string& href, RefKind kind, const SourceLoc& loc, Diagnostics& diags) {
  const bool wants_image = kind == RefKind::image || kind == RefKind::cover || kind == RefKind::share;
  const char* what = kind_name(kind);
  if (trim(href).empty()) {
    if (kind != RefKind::link)
      ctx.problem(diags, loc, tr("the {} is empty", what), _("write the address, or delete this line"));
    return;
  }
  if (is_dangerous_url(href)) {
    ctx.problem(diags, loc, tr("{} '{}' is a script or data address; it is published as '#'", what, href),
                _("link to a page of the site or a file under static/"));
    return;
  }
  LinkTarget t = resolve_site_link(page_url, href);
  if (t.external) return;
  if (t.escapes) {
    ctx.problem(diags, loc, tr("{} '{}' climbs above the site's top folder with ../", what, href),
                _("write the address from the site's top, like /news/"));
    return;
  }
  if (t.same_page && !wants_image) {
    if (page && !t.fragment.empty() && !has_anchor(*page, t.fragment))
      ctx.problem(diags, loc, tr("this page has no heading '#{}'", t.fragment),
                  _("after '#' write a heading of the page: its words, English letters in lower case, spaces as '-'"));
    return;
  }
  std::string file = index.file_for(t.path);
  if (file.empty()) {
    std::string shown = "/" + t.path;
    if (wants_image)
      ctx.problem(diags, loc, tr("{} '{}' not found: there is no file static{}", what, href, shown),
                  _("put the file under static/, or correct the address"));
    else if (looks_like_file(t.path))
      ctx.problem(diags, loc, tr("attachment '{}' not found: there is no file static{}", href, shown),
                  _("put the file under static/, or correct the address"));
    else
      ctx.problem(diags, loc, tr("{} '{}' leads nowhere: the site has no page {}", what, href, shown),
                  _("correct the address, or write that page first"));
    return;
  }
  if (!t.fragment.empty()) {
    const Page* target = index.page_at(file);
    if (target && !has_anchor(*target, t.fragment))
      ctx.problem(diags, loc, tr("{} '{}': {} has no heading '#{}'", what, href, target->source, t.fragment),
                  _("after '#' write a heading of that page: its words, English letters in lower case, spaces as '-'"));
  }
}

}  // namespace

void check_links(const CheckContext& ctx, Diagnostics& diags) {
  const PreparedSite& s = *ctx.prepared;
  LinkIndex index(s);

  for (const auto& p : s.content.pages) {
    for (const auto& r : p.refs)
      check_one(ctx, index, p.url, &p, r.url, r.image ? RefKind::image : RefKind::link, {p.source, r.line, 1},
                diags);
    if (!p.cover.empty()) check_one(ctx, index, p.url, &p, p.cover, RefKind::cover, p.cover_loc, diags);
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
      diags.warning(loc, tr("menu link '{}' has no '/' in front, so it leads nowhere on pages below the home page",
                            m.url),
                    tr("write it from the site's top: /{}", m.url));
    }
    check_one(ctx, index, "", nullptr, m.url, RefKind::menu, loc, diags);
  }
  if (!c.share_image.empty()) {
    YAML::Node share = c.raw["share"];
    check_one(ctx, index, "", nullptr, c.share_image, RefKind::share,
              share.IsMap() ? src.at(share["image"]) : SourceLoc{kConfigFile, 1, 1}, diags);
  }
}

}  // namespace hongfan
