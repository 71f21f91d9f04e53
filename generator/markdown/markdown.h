// Markdown → HTML with cmark-gfm (RAII over its C API). Knows nothing about
// pages or templates: the site stage hands it text and a URL rewriter.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hongfan {

struct MarkdownOptions {
  /// Let raw HTML through (site.yaml `markdown: {unsafe: true}`); otherwise
  /// cmark replaces it with a comment and drops javascript: style URLs.
  bool unsafe_html = false;
  /// Ids the page around the fragment already uses (the theme's `main`):
  /// heading ids avoid them.
  std::vector<std::string> reserved_ids;
  /// Let a block indented by 4 spaces or a tab be code, as CommonMark says
  /// (site.yaml `markdown: {indented_code: true}`). Off by default: Chinese
  /// writers indent paragraphs (spaces, a tab, or 　　), so only fenced
  /// blocks (``` or ~~~) are code, and an indented block is read as the
  /// paragraphs (lists, quotes …) it holds, each indented line a paragraph.
  bool indented_code = false;
  /// The caller has already checked the text is valid UTF-8 (content files
  /// are, or they are an error): cmark need not check it again.
  bool valid_utf8 = false;
};

/// Turns a link or image URL as written into the URL to emit (for example a
/// site-absolute `/news/` into `../../news/`). Called once per link/image.
using UrlRewriter = std::function<std::string(std::string_view url)>;

/// A link or image as written, with its 1-based line in the text given.
struct MarkdownRef {
  enum class Kind { link, image };
  Kind kind = Kind::link;
  std::string url;
  int line = 0;
  std::string alt;  ///< an image's alternative text as plain text ("" when missing)
};

struct MarkdownResult {
  std::string html;
  std::string first_paragraph;      ///< plain text of the first top-level paragraph
  std::vector<std::string> links;   ///< link targets as written
  std::vector<std::string> images;  ///< image sources as written
  std::vector<MarkdownRef> refs;    ///< links and images in order, with lines
  std::vector<std::string> anchors; ///< every id the HTML defines (headings, footnotes)
};

/// The id of a heading with plain text `text`: ASCII lower-cased, Chinese
/// kept as is (never percent-encoded), spaces become '-', punctuation and
/// invisible characters dropped; "section" when nothing is left.
std::string heading_id(std::string_view text);

/// Renders GFM with tables, strikethrough, autolinks, tagfilter, task lists
/// and footnotes. Headings get ids (heading_id, made unique with -1, -2 …).
/// A line that starts with a full-width indent (　) starts a new paragraph,
/// and indented blocks are paragraphs unless `options.indented_code`.
/// Thread-safe.
MarkdownResult render_markdown(std::string_view text, const MarkdownOptions& options,
                               const UrlRewriter& rewrite = nullptr);

}  // namespace hongfan
