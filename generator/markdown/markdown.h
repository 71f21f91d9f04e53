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
};

/// Turns a link or image URL as written into the URL to emit (for example a
/// site-absolute `/news/` into `../../news/`). Called once per link/image.
using UrlRewriter = std::function<std::string(std::string_view url)>;

struct MarkdownResult {
  std::string html;
  std::string first_paragraph;      ///< plain text of the first top-level paragraph
  std::vector<std::string> links;   ///< link targets as written
  std::vector<std::string> images;  ///< image sources as written
};

/// Renders GFM with tables, strikethrough, autolinks, tagfilter, task lists
/// and footnotes. Thread-safe.
MarkdownResult render_markdown(std::string_view text, const MarkdownOptions& options,
                               const UrlRewriter& rewrite = nullptr);

}  // namespace hongfan
