// View models: the C++ side decides everything a page shows, so templates
// stay logic-less. Every URL in a view is relative to the page rendered.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/collection.h"
#include "data/site_data.h"
#include "render/images.h"
#include "render/page_reads.h"
#include "render/templates.h"

namespace hongfan {

/// data/ as views read it: a pointer that notes each use
/// (render/page_reads.h). In a file being rendered the file notes it; while
/// planning, it is remembered here, and the plan marks the files of the
/// feature being planned (OutputPlan::feature). So an edit of data/
/// re-renders every file whose view or whose planning read it.
class DataAccess {
 public:
  DataAccess() = default;
  DataAccess(const SiteData* data) : data_(data) {}  // implicit, as the plain pointer it stands for

  const SiteData* operator->() const {
    noted();
    return data_;
  }
  const SiteData& operator*() const {
    noted();
    return *data_;
  }
  explicit operator bool() const { return data_ != nullptr; }

  /// Whether data/ was read outside a render since forget_planning_reads().
  bool read_while_planning() const { return planning_read_->load(); }
  void forget_planning_reads() const { planning_read_->store(false); }

 private:
  void noted() const {
    if (!page_reads::note_data()) planning_read_->store(true);
  }
  const SiteData* data_ = nullptr;
  // Shared by copies; set from whichever thread planning reads on.
  std::shared_ptr<std::atomic<bool>> planning_read_ = std::make_shared<std::atomic<bool>>(false);
};

/// What every view needs to know about the build.
struct ViewContext {
  const Config* config = nullptr;
  const ContentSet* content = nullptr;
  DataAccess data;
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

/// The cards of pages[from, from + count): one page of a paginated list.
Data page_cards(const ViewContext& ctx, const std::vector<const Page*>& pages, std::size_t from,
                std::size_t count, const std::string& root);

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
