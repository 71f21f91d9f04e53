// View models: the C++ side decides everything a page shows, so templates
// stay logic-less. Every URL in a view is relative to the page rendered.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/collection.h"
#include "data/site_data.h"
#include "render/images.h"
#include "render/templates.h"

namespace hongfan {

/// What every view needs to know about the build.
struct ViewContext {
  const Config* config = nullptr;
  const ContentSet* content = nullptr;
  const SiteData* data = nullptr;
  std::map<std::string, std::string> assets;  ///< "css/style.css" → "css/style.1a2b3c4d.css"
  std::int64_t now = 0;                       ///< "today", epoch seconds
  const ImageSet* images = nullptr;           ///< raster images published, with sizes
  /// `build --offline`: links to a folder end in index.html (link_index_files).
  bool offline = false;
};

/// Describes the page being rendered: where it lives and how it is shared.
struct PageMeta {
  std::string url;          ///< site-relative, "" for home
  std::string title;        ///< for <title> and og:title (without the site name)
  std::string description;  ///< plain text
  std::string image;        ///< site-absolute or absolute image for og:image; "" → site default
  std::string type = "website";
  bool absolute_root = false;  ///< 404: links from base_url, since it is served at any path
};

/// What is the same on every page at the same depth: `site` (title, css,
/// root, feed …). Built once per distinct `root` and shared by all pages'
/// renders (read-only), so the per-page work stays small.
Data site_view(const ViewContext& ctx, const std::string& root);

/// The per-page frame: `meta` (title, description, og:* values) and
/// `site.menu` (which entry is current depends on the page). Rendered on top
/// of site_view(); lookups of other `site.*` keys fall through to it.
Data frame_view(const ViewContext& ctx, const PageMeta& meta);

/// A page in a list: title, url, date, summary, pinned.
Data page_card(const ViewContext& ctx, const Page& page, const std::string& root);

/// A whole page: the card plus content, tags, categories, author, source,
/// cover, section, params (all front matter), and prev/next in its section.
Data page_view(const ViewContext& ctx, const Page& page, const std::string& root);

/// Pagination links for page `number` (1-based) of `count` of a list whose
/// first page is at `base_url` ("news/").
Data pager_view(const std::string& base_url, int number, int count, const std::string& root);

/// Site-relative URL of page `number` of a list at `base_url`.
std::string list_page_url(const std::string& base_url, int number);

/// The published, fingerprinted address of a theme/site asset ("js/x.js"),
/// relative to the page via `root`.
std::string asset_link(const ViewContext& ctx, const std::string& root, const std::string& path);

/// An image for templates (partials/picture.html): src, srcset, sizes,
/// webp_srcset, width, height, alt — or false when `url` is not an image
/// the build processed.
Data image_view(const ViewContext& ctx, const std::string& url, const std::string& root,
                const std::string& alt, const std::string& sizes);

/// Converts a YAML node into template data (scalars become text, true/false
/// become booleans).
Data yaml_to_data(const YAML::Node& node);

/// The text given, or `false` so that `{{#key}}` sections skip it and the
/// lookup never falls through to an outer context.
Data text_or_false(const std::string& s);

/// A template list of `items`, in order.
Data list_of(const std::vector<Data>& items);

}  // namespace hongfan
