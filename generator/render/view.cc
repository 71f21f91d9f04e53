#include "render/view.h"

#include <fmt/format.h>

#include <optional>

#include "core/date.h"
#include "render/article_meta.h"
#include "core/slug.h"
#include "core/text.h"
#include "core/utf8.h"
#include "render/page_reads.h"
#include "render/urls.h"

namespace hongfan {

namespace {

Data list_data() { return Data(Data::type::list); }

std::string asset_url(const ViewContext& ctx, const std::string& root, const std::string& path) {
  auto it = ctx.assets.find(path);
  return root + (it == ctx.assets.end() ? path : it->second);
}

Data terms_view(const std::vector<std::string>& names, const std::string& key,
                const std::string& root) {
  Data list = list_data();
  for (const auto& name : names) {
    std::string slug = term_slug(name);
    if (slug.empty()) continue;
    Data t;
    t.set("name", name);
    t.set("url", root + key + "/" + slug + "/");
    list.push_back(std::move(t));
  }
  return list;
}


// An absolute URL for share cards: WeChat needs the full address.
std::string resolve_absolute(const Config& c, const std::string& url) {
  if (starts_with(url, "http://") || starts_with(url, "https://")) return url;
  if (is_dangerous_url(url)) return c.base_url;
  return c.absolute_url(url);
}

// The footer's 备案 block: false when site.yaml has no `filing:` at all.
Data filing_view(const Filing& f) {
  if (f.icp.empty() && f.police.empty() && f.site_code.empty() && f.owner.empty() && f.contact.empty())
    return Data(false);
  Data d;
  d.set("icp", text_or_false(f.icp));
  d.set("icp_url", "https://beian.miit.gov.cn/");
  d.set("police", text_or_false(f.police));
  d.set("police_url", text_or_false(f.police_url()));
  d.set("site_code", text_or_false(f.site_code));
  d.set("owner", text_or_false(f.owner));
  d.set("contact", text_or_false(f.contact));
  return d;
}

}  // namespace

std::string asset_link(const ViewContext& ctx, const std::string& root, const std::string& path) {
  return asset_url(ctx, root, path);
}

Data image_view(const ViewContext& ctx, const std::string& url, const std::string& root,
                const std::string& alt, const std::string& sizes) {
  const ImageInfo* info = ctx.images ? find_image(*ctx.images, url) : nullptr;
  if (!info) return Data(false);
  auto srcset = [&](const std::vector<ImageVariant>& vs) {
    std::string out;
    for (const auto& v : vs) out += (out.empty() ? "" : ", ") + root + v.path + " " + std::to_string(v.width) + "w";
    return out;
  };
  const ImageVariant* biggest = info->fallback.empty() ? nullptr : &info->fallback.back();
  Data d;
  d.set("src", root + (biggest ? biggest->path : info->path));
  d.set("width", std::to_string(biggest ? biggest->width : info->width));
  d.set("height", std::to_string(biggest ? biggest->height : info->height));
  d.set("srcset", info->fallback.size() > 1 ? Data(srcset(info->fallback)) : Data(false));
  d.set("webp_srcset", info->webp.empty() ? Data(false) : Data(srcset(info->webp)));
  d.set("sizes", sizes);
  d.set("alt", alt);
  d.set("lazy", true);  // partials/picture.html; a page's first image sets it false
  return d;
}

Data text_or_false(const std::string& s) { return s.empty() ? Data(false) : Data(s); }

Data list_of(const std::vector<Data>& items) {
  Data l(Data::type::list);
  for (const auto& d : items) l.push_back(d);
  return l;
}

Data yaml_to_data(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: {
      const std::string& s = node.Scalar();
      if (node.Tag() != "!" && (s == "true" || s == "false")) return Data(s == "true");
      return Data(s);
    }
    case YAML::NodeType::Sequence: {
      Data list = list_data();
      for (const auto& item : node) list.push_back(yaml_to_data(item));
      return list;
    }
    case YAML::NodeType::Map: {
      Data obj;
      for (const auto& kv : node)
        if (kv.first.IsScalar()) obj.set(kv.first.Scalar(), yaml_to_data(kv.second));
      return obj;
    }
    default:
      return Data(false);
  }
}

Data site_view(const ViewContext& ctx, const std::string& root) {
  const Config& c = *ctx.config;
  Data site;
  site.set("title", c.title);
  site.set("subtitle", text_or_false(c.subtitle));
  site.set("description", text_or_false(c.description));
  site.set("language", c.language);
  site.set("base_url", c.base_url);
  site.set("domain", site_domain(c));
  site.set("root", root);
  site.set("home_url", root);
  site.set("css", asset_url(ctx, root, "css/style.css"));
  site.set("feed_url", root + "feed.xml");
  site.set("search_url", c.search ? Data(root + "search/") : Data(false));
  site.set("elder_js", asset_url(ctx, root, "js/elder.js"));
  site.set("year", std::to_string(civil_from_epoch(ctx.now).year));
  site.set("copyright", text_or_false(c.copyright));
  site.set("params", c.params ? yaml_to_data(c.params) : Data(false));
  site.set("filing", filing_view(c.filing));
  Data frame;
  frame.set("site", std::move(site));
  return frame;
}

Data frame_view(const ViewContext& ctx, const PageMeta& meta) {
  const Config& c = *ctx.config;
  std::string root = meta.absolute_root ? c.base_url : root_prefix(meta.url);
  Data menu(Data::type::list);
  for (const auto& item : c.menu) {
    Data m;
    m.set("name", item.name);
    m.set("url", resolve_link(root, item.url));
    std::string target = item.url;
    while (!target.empty() && target.front() == '/') target.erase(target.begin());
    bool internal = starts_with(item.url, "/") && !starts_with(item.url, "//");
    bool current = internal && (target.empty() ? meta.url.empty()
                                               : starts_with(meta.url, target));
    m.set("current", current);
    menu.push_back(std::move(m));
  }
  Data site;
  site.set("menu", std::move(menu));

  Data m;
  bool is_home = meta.url.empty() && !meta.absolute_root;
  m.set("title", is_home || meta.title.empty() ? c.title : meta.title + " - " + c.title);
  m.set("heading", meta.title.empty() ? c.title : meta.title);
  std::string description = meta.description;
  if (description.empty()) description = c.description.empty() ? c.subtitle : c.description;
  if (description.empty()) description = c.title;
  m.set("description", std::move(description));
  // Share image: WeChat wants an absolute URL and at least 300px; a page
  // image that is too small (or unknown) gives way to the site's.
  auto share = [&](const std::string& url) -> std::optional<std::pair<std::string, const ImageInfo*>> {
    if (url.empty()) return std::nullopt;
    const ImageInfo* info = ctx.images ? find_image(*ctx.images, url) : nullptr;
    if (!info) {
      if (starts_with(url, "http://") || starts_with(url, "https://")) return std::make_pair(url, nullptr);
      return std::nullopt;
    }
    if (std::min(info->width, info->height) < 300) return std::nullopt;
    return std::make_pair(info->path, info);
  };
  auto chosen = share(meta.image);
  if (!chosen) chosen = share(c.share_image);
  if (!chosen && !c.share_image.empty() && !ctx.images) chosen = std::make_pair(c.share_image, nullptr);
  Data image(false), image_width(false), image_height(false);
  if (chosen) {
    image = Data(resolve_absolute(c, chosen->second ? "/" + chosen->first : chosen->first));
    if (chosen->second) {
      image_width = Data(std::to_string(chosen->second->width));
      image_height = Data(std::to_string(chosen->second->height));
    }
  }
  m.set("image", std::move(image));
  m.set("image_width", std::move(image_width));
  m.set("image_height", std::move(image_height));
  m.set("url", c.absolute_url(meta.url));
  m.set("type", meta.type);

  Data frame;
  frame.set("site", std::move(site));
  frame.set("meta", std::move(m));
  return frame;
}

Data page_card(const ViewContext& ctx, const Page& p, const std::string& root) {
  page_reads::note(p);
  Data d;
  d.set("title", p.title);
  const ImageInfo* thumb = page_thumbnail(ctx.images, p);
  d.set("thumb", thumb ? Data(thumbnail_html(*thumb, root)) : Data(false));
  d.set("url", root + p.url);
  d.set("summary", text_or_false(p.card_summary));
  d.set("pinned", p.pinned);
  d.set("expired", p.expired);
  if (p.date) {
    d.set("date", p.date_long);
    d.set("date_short", p.date_short);
    d.set("date_iso", p.date_iso);
  } else {
    d.set("date", false);
    d.set("date_short", false);
    d.set("date_iso", false);
  }
  return d;
}

Data page_cards(const ViewContext& ctx, const std::vector<const Page*>& pages, std::size_t from,
                std::size_t count, const std::string& root) {
  Data list(Data::type::list);
  for (std::size_t i = from; i < pages.size() && i < from + count; ++i)
    list.push_back(page_card(ctx, *pages[i], root));
  return list;
}

Data page_view(const ViewContext& ctx, const Page& p, const std::string& root) {
  Data d = page_card(ctx, p, root);
  d.set("content", p.content_html);
  d.set("author", text_or_false(p.author));
  d.set("source", text_or_false(p.source_name));
  d.set("cover", p.cover.empty() ? Data(false) : Data(resolve_link(root, p.cover)));
  Data cover = p.cover.empty() ? Data(false) : image_view(ctx, p.cover, root, "", kColumnSizes);
  if (cover.is_object()) cover.set("lazy", false);  // the first image of the page: wanted at once
  d.set("cover_image", std::move(cover));
  Data tags = terms_view(p.tags, "tags", root);
  Data cats = terms_view(p.categories, "categories", root);
  d.set("has_terms", !tags.is_empty_list() || !cats.is_empty_list());
  d.set("tags", std::move(tags));
  d.set("categories", std::move(cats));
  d.set("params", p.params ? yaml_to_data(p.params) : Data(false));

  const Section* s = ctx.content->section(p.section);
  if (s) {
    d.set("section_title", s->title);
    d.set("section_url", root + s->url);
    // Neighbours in list order: "newer" is the one listed before.
    Data newer(false), older(false);
    const std::size_t i = p.section_position;
    if (i < s->pages.size() && s->pages[i] == &p) {
      if (i > 0) newer = page_card(ctx, *s->pages[i - 1], root);
      if (i + 1 < s->pages.size()) older = page_card(ctx, *s->pages[i + 1], root);
    }
    d.set("newer", std::move(newer));
    d.set("older", std::move(older));
  } else {
    d.set("section_title", false);
    d.set("section_url", false);
    d.set("newer", false);
    d.set("older", false);
  }
  return d;
}

std::string list_page_url(const std::string& base_url, int number) {
  return number <= 1 ? base_url : base_url + "page/" + std::to_string(number) + "/";
}

Data pager_view(const std::string& base_url, int number, int count, const std::string& root) {
  if (count <= 1) return Data(false);
  Data p;
  p.set("number", std::to_string(number));
  p.set("count", std::to_string(count));
  p.set("prev_url", number > 1 ? Data(root + list_page_url(base_url, number - 1)) : Data(false));
  p.set("next_url", number < count ? Data(root + list_page_url(base_url, number + 1)) : Data(false));
  // A window of page numbers around the current one, plus first and last.
  Data pages = list_data();
  int lo = std::max(1, number - 2), hi = std::min(count, number + 2);
  auto add = [&](int n) {
    Data e;
    e.set("number", std::to_string(n));
    e.set("url", root + list_page_url(base_url, n));
    e.set("current", n == number);
    e.set("gap", false);
    pages.push_back(std::move(e));
  };
  auto gap = [&] {
    Data e;
    e.set("gap", true);
    e.set("current", false);
    pages.push_back(std::move(e));
  };
  if (lo > 1) add(1);
  if (lo > 2) gap();
  for (int n = lo; n <= hi; ++n) add(n);
  if (hi < count - 1) gap();
  if (hi < count) add(count);
  p.set("pages", std::move(pages));
  return p;
}

}  // namespace hongfan
