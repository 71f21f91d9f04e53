#include "site/load_content.h"

#include <memory>
#include <optional>

#include "core/date.h"
#include "core/encoding.h"
#include "core/hash.h"
#include "core/i18n.h"
#include "core/parallel.h"
#include "core/utf8.h"
#include "core/text.h"
#include "core/privacy.h"
#include "markdown/image_paths.h"
#include "markdown/markdown.h"
#include "render/urls.h"

namespace hongfan {

namespace {
// Lists show this many characters of a summary.
constexpr std::size_t kCardSummaryChars = 120;

// What lists and share cards show of a page, derived once from its summary
// and date (also for pages whose rendering came from serve's cache).
void derive_card_fields(Page& p) {
  p.card_summary = utf8::length(p.plain_summary) <= kCardSummaryChars
                       ? p.plain_summary
                       : std::string(utf8::prefix(p.plain_summary, kCardSummaryChars)) + "…";
  if (p.date) {
    p.date_long = format_chinese_date(*p.date);
    p.date_short = format_chinese_day(*p.date);
    p.date_iso = format_rfc3339(*p.date);
  }
}

// Renders one page's Markdown (links made relative to the page) and sets its
// plain summary and card fields; `cache` (serve) reuses the HTML of a page
// whose Markdown did not change.
void render_page_markdown(Page& p, const MarkdownStage& stage, const MarkdownOptions& options) {
  PageCache* cache = stage.cache;
  const bool unsafe = stage.config->unsafe_html;
  std::string key;
  std::uint64_t hash = 0;
  if (cache) {
    key = p.source + "\n" + p.url + (unsafe ? "\nunsafe" : "") + (stage.config->indented_code ? "\ncode" : "");
    hash = fnv1a64(p.body) ^ fnv1a64(p.summary);
    std::lock_guard lock(cache->mutex);
    auto it = cache->rendered.find(key);
    if (it != cache->rendered.end() && it->second.body_hash == hash) {
      p.content_html = it->second.html;
      p.plain_summary = it->second.summary;
      p.refs = it->second.refs;
      p.anchors = it->second.anchors;
      derive_card_fields(p);
      std::string().swap(p.body);
      return;
    }
  }
  const std::string root = root_prefix(p.url);
  // WeChat's photo names ("微信图片_20261201 (2).JPG") work as written.
  auto bracketed = bracket_spaced_image_paths(p.body);
  auto result = render_markdown(bracketed ? *bracketed : p.body, options, [&root](std::string_view url) {
    return resolve_link(root, url);
  });
  p.content_html = std::move(result.html);
  p.plain_summary = p.summary.empty() ? std::move(result.first_paragraph) : p.summary;
  derive_card_fields(p);
  p.refs.reserve(result.refs.size());
  for (auto& r : result.refs)
    p.refs.push_back({r.kind == MarkdownRef::Kind::image, std::move(r.url),
                      r.line > 0 ? p.body_first_line + r.line - 1 : p.body_first_line, std::move(r.alt)});
  p.anchors = std::move(result.anchors);
  if (!stage.keep_markdown) std::string().swap(p.body);  // the Markdown is no longer needed
  if (cache) {
    std::lock_guard lock(cache->mutex);
    cache->rendered[key] = {hash, p.content_html, p.plain_summary, p.refs, p.anchors};
  }
}


MarkdownOptions options_for(const MarkdownStage& stage) {
  MarkdownOptions options;
  options.unsafe_html = stage.config->unsafe_html;
  options.indented_code = stage.config->indented_code;
  options.reserved_ids = {"main"};  // the theme's skip-link target
  options.valid_utf8 = true;         // parse_page refuses a file that is not
  return options;
}

// A page whose body is still the starter's placeholder was never written:
// it is a draft, and the build says so rather than publishing it.
void draft_if_placeholder(Page& p, bool drafts, Diagnostics& diags) {
  std::string_view body = trim(p.body);
  if (body != kPlaceholderBody || p.draft) return;
  p.draft = true;
  std::size_t at = p.body.find(kPlaceholderBody);
  int line = p.body_first_line;
  for (std::size_t i = 0; i < at; ++i) line += p.body[i] == '\n';
  diags.warning({p.source, line, 1},
                drafts ? _("the body is still the placeholder 在这里写正文。: this page is a draft, shown now because of --drafts")
                       : _("the body is still the placeholder 在这里写正文。, so this page is a draft and is not published"),
                _("replace 在这里写正文。 with the text of the page"));
}

// Reads and parses one content file. ID-card numbers are refused (docs/content/reference/format.md, 隐私规则);
// mobile numbers are kept for the build's rules.
std::optional<Page> read_page(const FileSystem& site, const std::string& path, bool drafts, Diagnostics& diags) {
  auto text = read_text_file(site, path, diags);
  if (!text) return std::nullopt;
  auto mobiles = scan_personal_numbers(path, *text, diags);
  auto page = parse_page(path, *text, diags);
  if (!page) return page;
  page->mobiles = std::move(mobiles);
  draft_if_placeholder(*page, drafts, diags);
  return page;
}

// Staff drop Word files, spreadsheets and PDFs into content/ expecting them
// to appear; only Markdown is read, so each other file is named.
void warn_not_markdown(const std::string& path, Diagnostics& diags) {
  std::string_view name = path;
  name = name.substr(name.rfind('/') + 1);
  // Word's lock file beside an open document, and Windows' folder files.
  if (starts_with(name, "~$") || name == "Thumbs.db" || name == "desktop.ini") return;
  diags.warning({path}, _("this file is not Markdown (.md), so it is not published"),
                _("copy the Word document's text into a .md file, or put attachments under static/"));
}

}  // namespace

std::vector<Page> load_content(const FileSystem& site, bool drafts, Diagnostics& diags,
                               PageCache* cache, const std::set<std::string>* changed,
                               const MarkdownStage* markdown, PageStore* stored) {
  const MarkdownOptions markdown_options = markdown ? options_for(*markdown) : MarkdownOptions{};
  // Each worker renders a page's Markdown right after parsing it: the two
  // overlap, so one worker's parse under cmark-gfm's lock (see
  // render_markdown) runs beside another's reading and front matter.
  auto render = [&](std::optional<Page>& page) {
    if (markdown && page && (drafts || !page->draft)) render_page_markdown(*page, *markdown, markdown_options);
  };
  std::vector<std::string> files;
  for (auto& f : walk_files(site, "content")) {
    if (ends_with(f, ".md")) files.push_back(std::move(f));
    else warn_not_markdown(f, diags);
  }

  std::vector<std::optional<Page>> parsed(files.size());
  parallel_for(files.size(), [&](std::size_t i) {
    // A page the last build stored, of a file not edited since: as it was
    // then, rendered (distinct entries: the workers never share one).
    if (stored && changed && !changed->count(files[i]))
      if (auto it = stored->find(files[i]); it != stored->end()) {
        parsed[i] = std::move(it->second);
        return;
      }
    if (cache && changed && !changed->count(files[i])) {
      std::lock_guard lock(cache->mutex);
      auto it = cache->by_path.find(files[i]);
      if (it != cache->by_path.end()) {
        parsed[i] = it->second.second;
      }
    }
    if (parsed[i]) return render(parsed[i]);
    std::string stamp = cache ? site.stamp(files[i]) : std::string();
    if (!stamp.empty()) {
      std::lock_guard lock(cache->mutex);
      auto it = cache->by_path.find(files[i]);
      if (it != cache->by_path.end() && it->second.first == stamp) parsed[i] = it->second.second;
    }
    if (parsed[i]) return render(parsed[i]);
    Diagnostics local;
    parsed[i] = read_page(site, files[i], drafts, local);
    // Only clean pages are kept: a file with problems reports them each time.
    if (!stamp.empty() && parsed[i] && !local.has_errors() && local.warning_count() == 0) {
      std::lock_guard lock(cache->mutex);
      cache->by_path[files[i]] = {stamp, *parsed[i]};
    }
    diags.merge(std::move(local));
    render(parsed[i]);
  });

  std::vector<Page> pages;
  pages.reserve(files.size());
  for (auto& p : parsed)
    if (p && (drafts || !p->draft)) pages.push_back(std::move(*p));
  return pages;
}

std::vector<Page> reload_changed(const FileSystem& site, std::vector<Page> previous,
                                 const std::set<std::string>& changed, bool drafts, Diagnostics& diags,
                                 const MarkdownStage& markdown) {
  const MarkdownOptions options = options_for(markdown);
  auto load = [&](const std::string& path) -> std::optional<Page> {
    auto page = read_page(site, path, drafts, diags);
    if (!page || (page->draft && !drafts)) return std::nullopt;
    render_page_markdown(*page, markdown, options);
    return page;
  };
  // Each changed page takes its old place, so the pages stay in the order
  // link_content wants and none of the others is moved. Replaced by
  // destroying and constructing, never by assigning a Page: YAML::Node's
  // assignment writes into the node it refers to, which a cached copy of
  // the old page may share.
  std::set<std::string> pending;
  for (const auto& path : changed)
    if (starts_with(path, "content/") && ends_with(path, ".md")) pending.insert(path);
  bool dropped = false;
  for (auto& p : previous) {
    if (!pending.erase(p.source)) continue;
    if (auto page = load(p.source)) {
      std::destroy_at(&p);
      std::construct_at(&p, std::move(*page));
    } else {
      p.source.clear();  // now a draft, or unreadable: removed below
      dropped = true;
    }
  }
  std::vector<Page> pages;
  if (dropped) {
    pages.reserve(previous.size());
    for (auto& p : previous)
      if (!p.source.empty()) pages.push_back(std::move(p));
  } else {
    pages = std::move(previous);
  }
  for (const auto& path : pending)
    if (auto page = load(path)) pages.push_back(std::move(*page));
  return pages;
}

}  // namespace hongfan
