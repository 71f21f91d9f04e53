// A content page: what front matter and file name say about it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/front_fields.h"
#include "core/diagnostics.h"
#include "core/privacy.h"
#include "core/yaml.h"

namespace hongfan {

/// A link or image in a page's Markdown, as written, at its line in the file.
struct BodyRef {
  bool image = false;
  std::string url;
  int line = 0;
  std::string alt;  ///< an image's alternative text ("" when missing)
};

struct Page {
  std::string source;        ///< "content/news/x.md"
  std::string section;       ///< "news"; "" for a top-level file
  std::string slug;
  std::string url;           ///< site-relative, no leading '/': "news/x/"
  bool is_section_index = false;  ///< an `_index.md`: the section's own title/intro

  std::string title;
  std::string summary;       ///< as written in front matter; may be empty
  std::string author, source_name, cover;
  std::optional<std::int64_t> date;  ///< epoch seconds
  bool has_time = false;
  std::vector<std::string> tags, categories;
  bool draft = false, pinned = false;
  /// `publish_date`: before it the page is published nowhere (epoch seconds).
  std::optional<std::int64_t> publish_date;
  /// `expires`: after it the page is marked 已截止 and leaves home and the
  /// pinned list (epoch seconds).
  std::optional<std::int64_t> expires;
  bool expired = false;      ///< expires <= the build's "now" (set by apply_schedule)
  DataRef org, grid, brand, station;

  bool featured = false;     ///< `featured: true`: the home page's lead story
  // Held by pointer, null when not written: few pages have them, and a
  // Page stays small at 100,000 articles.
  std::shared_ptr<const PageMedia> media;  ///< `gallery:` and `video:`
  /// The keys of its section, for the pages of content/activities/,
  /// content/brands/ and content/gongkai/ (not their `_index.md`).
  std::shared_ptr<const ActivityFields> activity;
  std::shared_ptr<const BrandFields> brand_fields;
  std::shared_ptr<const DisclosureFields> disclosure;
  /// The front matter keys beyond those every page has (title, date, …),
  /// for templates as `params`: custom keys, and also the section's keys
  /// read above, so a template can show any key as written.
  YAML::Node params;
  std::string body;          ///< Markdown, owned
  int body_first_line = 1;

  // Filled in by link_content.
  std::size_t section_position = 0;  ///< index in its section's list order

  // Filled in by the markdown stage.
  std::string content_html;
  std::string plain_summary;  ///< summary, or the first paragraph as text
  /// Computed once, shown in every list the page appears in.
  std::string card_summary;   ///< plain_summary cut for lists
  std::string date_long;      ///< 2020年7月1日 星期三
  std::string date_short;     ///< 2020年7月1日
  std::string date_iso;       ///< 2020-07-01T08:00:00+08:00
  std::vector<BodyRef> refs;         ///< links and images of the body (for `check`)
  std::vector<std::string> anchors;  ///< ids the rendered body defines (headings, footnotes)

  /// Set by the images stage once content_html has its <picture>s, videos
  /// and gallery: `serve` keeps pages between builds, and doing it twice
  /// would show every gallery twice.
  bool media_done = false;

  // Filled in while reading the file, for the rules a build runs (check/),
  // which see the page after its front matter and Markdown are freed.
  std::vector<MobileMention> mobiles;  ///< mobile numbers anywhere in the file
  SourceLoc cover_loc;                 ///< where `cover:` is written
  /// No `slug:` and a file name that cannot be one: the web address is made
  /// from the date and the title, and moves when either is edited. Then
  /// `title_loc` is where the title is written (site/moved_pages.h).
  bool slug_from_title = false;
  SourceLoc title_loc;
};

/// A hash of everything that decides where a page is shown, as opposed to
/// what its card and page show: url, section, dates, schedule, tags and
/// categories, flags, data references and its params (the section's keys
/// among them). Two versions of a page with the same value sit
/// in the same lists, in the same places: `serve` then re-renders only the
/// files that showed the page (render/page_reads.h). A section's `_index.md`
/// and a brand page lend their title to other pages, so for them the title
/// counts too.
std::uint64_t placement_signature(const Page& page);

/// The body `hongfan new` writes into a new page. A page whose body is still
/// this was never written: the build treats it as a draft and says so.
inline constexpr std::string_view kPlaceholderBody = "在这里写正文。";

/// Parses one content file. `path` is relative to the site ("content/…").
/// Problems go to `diags`; returns nullopt when the page cannot be used.
std::optional<Page> parse_page(const std::string& path, std::string_view text, Diagnostics& diags);

}  // namespace hongfan
