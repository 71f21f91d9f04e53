// A content page: what front matter and file name say about it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/privacy.h"
#include "core/yaml.h"

namespace hongfan {

/// A reference from a page into data/ (org, grid, brand, station), kept with
/// its location so a dangling id can be reported where it was written.
struct DataRef {
  std::string id;
  SourceLoc loc;
};

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

  YAML::Node front;          ///< the whole front matter
  /// Positions of `front`'s nodes when the fast reader built it (no marks);
  /// pass to YamlSource so later checks report the right line and column.
  std::shared_ptr<const NodePositions> front_positions;
  YAML::Node params;         ///< its keys hongfan does not interpret, for templates
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

/// The YamlSource for reading `page.front` after parsing: its lines, and
/// the positions of nodes the fast reader built, so later checks point at
/// the right line and column.
YamlSource front_matter_source(const Page& page);

/// Frees `front` and its positions once nothing will read them again.
/// yaml-cpp keeps every node of a document alive while one of them is
/// referenced, and those trees were about half of a build's memory
/// (8 KB a page). `params` stays; a page with params keeps them all.
void release_front_matter(Page& page);

/// A hash of everything that decides where a page is shown, as opposed to
/// what its card and page show: url, section, dates, schedule, tags and
/// categories, flags, data references and the rest of its front matter
/// (for pages that keep it). Two versions of a page with the same value sit
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
