#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <set>

#include "core/text.h"
#include "core/utf8.h"

namespace hongfan {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};

void ensure_registered() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

// Plain text of an inline subtree (soft breaks vanish: Chinese has no spaces).
void collect_text(cmark_node* node, std::string& out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(c)) out += lit;
        break;
      case CMARK_NODE_LINEBREAK:
      case CMARK_NODE_SOFTBREAK: {
        // Keep a space between ASCII words, none between CJK characters.
        if (!out.empty() && static_cast<unsigned char>(out.back()) < 0x80) out += ' ';
        break;
      }
      default:
        collect_text(c, out);
    }
  }
}

constexpr std::size_t kMaxIdChars = 80;

bool dropped_in_id(char32_t cp) {
  if (cp < 0x80) return false;  // ASCII is decided by the caller
  return (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation, invisible and bidi controls
         (cp >= 0x3000 && cp <= 0x303F) ||  // CJK symbols and punctuation (、。「」…)
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||  // full-width punctuation
         cp == 0xFEFF || cp == 0xFFFD || cp == 0x00A0 || (cp >= 0x0080 && cp < 0x00A0) ||
         cp == 0x061C;
}

// Every id="…" value in rendered HTML: headings, footnotes, raw HTML.
std::vector<std::string> collect_ids(std::string_view html) {
  std::vector<std::string> ids;
  constexpr std::string_view kAttr = " id=\"";
  for (auto p = html.find(kAttr); p != std::string_view::npos; p = html.find(kAttr, p + 1)) {
    auto start = p + kAttr.size();
    auto end = html.find('"', start);
    if (end == std::string_view::npos) break;
    ids.emplace_back(html.substr(start, end - start));
  }
  return ids;
}

// cmark cannot put attributes on a heading, but it writes a custom block's
// enter/exit text as is: each heading becomes a custom block around the
// heading's inline children.
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

// Returns the heading nodes it took out of the tree: the inline text that
// moved into the custom blocks may point into their buffers (cmark keeps
// literals as slices of the block's content), so they must outlive rendering.
std::vector<NodePtr> add_heading_ids(cmark_node* doc, const std::vector<std::string>& reserved) {
  std::vector<NodePtr> detached;
  std::vector<cmark_node*> headings;
  {
    std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(doc));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE)
      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it.get())) == CMARK_NODE_HEADING)
        headings.push_back(cmark_iter_get_node(it.get()));
  }
  std::set<std::string> used(reserved.begin(), reserved.end());
  for (cmark_node* h : headings) {
    std::string text;
    collect_text(h, text);
    std::string base = heading_id(text), id = base;
    for (int n = 1; used.count(id); ++n) id = base + "-" + std::to_string(n);
    used.insert(id);
    std::string level = std::to_string(cmark_node_get_heading_level(h));
    cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(block, ("<h" + level + " id=\"" + html_escape(id) + "\">").c_str());
    cmark_node_set_on_exit(block, ("</h" + level + ">").c_str());
    while (cmark_node* child = cmark_node_first_child(h)) {
      cmark_node_unlink(child);
      cmark_node_append_child(block, child);
    }
    cmark_node_replace(h, block);
    detached.emplace_back(h);
  }
  return detached;
}

// The html renderer puts a custom block's enter/exit text on lines of their
// own; join them back into `<h2 id="x">text</h2>` like a normal heading.
std::string tighten_headings(std::string html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size(); ++i) {
    out += html[i];
    const bool open_end = html[i] == '>' && i + 1 < html.size() && html[i + 1] == '\n' &&
                          out.size() >= 2 && out[out.size() - 2] == '"';
    if (open_end) {
      auto tag = out.rfind("<h");
      if (tag != std::string::npos && tag + 8 < out.size() && out[tag + 2] >= '1' && out[tag + 2] <= '6' &&
          out.compare(tag + 3, 5, " id=\"") == 0 && out.find('>', tag) == out.size() - 1)
        ++i;  // skip the newline after <hN id="…">
    } else if (html[i] == '\n' && html.compare(i + 1, 3, "</h") == 0 && i + 4 < html.size() &&
               html[i + 4] >= '1' && html[i + 4] <= '6') {
      out.pop_back();  // the newline before </hN>
    }
  }
  return out;
}

// ---- Chinese indentation ---------------------------------------------------
//
// Chinese prose starts each paragraph with an indent: two full-width spaces
// (　　), four ASCII spaces or a tab. CommonMark makes the last two an
// indented code block (a grey monospace box, cut off on a phone) and runs
// lines starting with 　 into the paragraph above. Both are undone on the
// parsed tree, so fenced code, lists and their nested content keep
// CommonMark's meaning.

bool starts_with_ideographic_space(cmark_node* n) {
  if (cmark_node_get_type(n) != CMARK_NODE_TEXT) return false;
  const char* lit = cmark_node_get_literal(n);
  return lit && std::string_view(lit).substr(0, 3) == "\u3000";
}

// Splits `para` before each soft break for which `split_here(next)` holds
// (`next` is the inline after the break): the lines after it move into a new
// paragraph after `para`. The moved inlines keep pointing into `para`'s
// content, which stays in the tree until the document is freed.
template <class Pred>
void split_paragraph(cmark_node* para, Pred split_here) {
  cmark_node* current = para;
  cmark_node* c = cmark_node_first_child(para);
  while (c) {
    cmark_node* next = cmark_node_next(c);
    if (cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK && next && split_here(next)) {
      cmark_node* fresh = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node_insert_after(current, fresh);
      cmark_node_free(c);  // unlinks the break
      for (cmark_node* m = next; m;) {
        cmark_node* after = cmark_node_next(m);
        cmark_node_unlink(m);
        cmark_node_append_child(fresh, m);
        m = after;
      }
      current = fresh;
      c = cmark_node_first_child(fresh);
      continue;
    }
    c = next;
  }
}

std::vector<cmark_node*> nodes_of_type(cmark_node* root, cmark_node_type type) {
  std::vector<cmark_node*> out;
  std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(root));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE)
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it.get())) == type)
      out.push_back(cmark_iter_get_node(it.get()));
  return out;
}

// Parses `text` (with the page's options and extensions) into a document;
// `first_line` is the line the text starts on in the page, so links inside
// keep their real line numbers (leading blank lines are ignored by cmark).
NodePtr parse_fragment(std::string_view text, int first_line, int opts) {
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(opts));
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  std::string padded(static_cast<std::size_t>(first_line > 1 ? first_line - 1 : 0), '\n');
  padded.append(text);
  cmark_parser_feed(parser.get(), padded.data(), padded.size());
  return NodePtr(cmark_parser_finish(parser.get()));
}

// Turns every indented (not fenced) code block into what its text says as
// Markdown, each line of its plain paragraphs a paragraph of its own; then
// splits paragraphs before lines that start with 　. Returns the nodes that
// must outlive rendering (see add_heading_ids). Runs under the inline-parsing
// lock: it parses.
std::vector<NodePtr> undo_indented_code(cmark_node* doc, int opts) {
  std::vector<NodePtr> keep;
  // Innermost first is not needed: a fragment's own indented blocks (8
  // spaces) are handled when the fragment is walked in turn.
  std::vector<cmark_node*> pending = nodes_of_type(doc, CMARK_NODE_CODE_BLOCK);
  while (!pending.empty()) {
    cmark_node* code = pending.back();
    pending.pop_back();
    int fence_length = 0, fence_offset = 0;
    char fence_char = 0;
    if (cmark_node_get_fenced(code, &fence_length, &fence_offset, &fence_char)) continue;
    const char* lit = cmark_node_get_literal(code);
    NodePtr fragment = parse_fragment(lit ? lit : "", cmark_node_get_start_line(code), opts);
    for (cmark_node* inner : nodes_of_type(fragment.get(), CMARK_NODE_CODE_BLOCK)) pending.push_back(inner);
    while (cmark_node* block = cmark_node_first_child(fragment.get())) {
      cmark_node_unlink(block);
      cmark_node_insert_before(code, block);
      if (cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH)
        split_paragraph(block, [](cmark_node*) { return true; });
    }
    cmark_node_unlink(code);
    keep.emplace_back(code);
    keep.push_back(std::move(fragment));
  }
  return keep;
}

void split_at_ideographic_indents(cmark_node* doc) {
  for (cmark_node* para : nodes_of_type(doc, CMARK_NODE_PARAGRAPH))
    split_paragraph(para, starts_with_ideographic_space);
}

}  // namespace

std::string heading_id(std::string_view text) {
  std::string id;
  std::size_t chars = 0;
  bool dash = false;
  std::size_t pos = 0;
  while (pos < text.size() && chars < kMaxIdChars) {
    char32_t cp = utf8::next(text, pos);
    bool keep;
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c == ' ' || c == '\t' || c == '-' || c == '\n') {
        dash = !id.empty();
        continue;
      }
      keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '_';
      if (keep && c >= 'A' && c <= 'Z') cp = static_cast<char32_t>(c - 'A' + 'a');
    } else if (cp == 0x3000) {  // ideographic space
      dash = !id.empty();
      continue;
    } else {
      keep = !dropped_in_id(cp);
    }
    if (!keep) continue;
    if (dash) id += '-';
    dash = false;
    utf8::append(id, cp);
    ++chars;
  }
  return id.empty() ? "section" : id;
}

MarkdownResult render_markdown(std::string_view text, const MarkdownOptions& options,
                               const UrlRewriter& rewrite) {
  ensure_registered();
  // Style attributes for table alignment: `align=` is obsolete in HTML5.
  int opts = CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
  if (!options.valid_utf8) opts |= CMARK_OPT_VALIDATE_UTF8;
  if (options.unsafe_html) opts |= CMARK_OPT_UNSAFE;

  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(opts));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc;
  std::vector<NodePtr> fragments;  // kept until the HTML is rendered (see undo_indented_code)
  {
    // cmark-gfm keeps the extensions' special inline characters ('~', '|' …)
    // in one global table (cmark-gfm PR #176, still open): inline parsing,
    // inside finish, adds them when it starts and removes them when it ends.
    // Two pages in inline parsing at once lose '~~' strikethrough at random
    // (seen as non-deterministic output), so that part runs one page at a
    // time. In 0.29.0.gfm.6 only finish touches the table (its two calls of
    // cmark_manage_extensions_special_characters); block parsing (feed, table
    // rows included), walking the tree and rendering HTML run in parallel.
    static std::mutex inline_parsing;
    std::lock_guard lock(inline_parsing);
    doc.reset(cmark_parser_finish(parser.get()));
    if (!options.indented_code) fragments = undo_indented_code(doc.get(), opts);
  }
  split_at_ideographic_indents(doc.get());

  MarkdownResult result;
  bool have_first_paragraph = false;
  {
    std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(doc.get()));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* node = cmark_iter_get_node(it.get());
      cmark_node_type type = cmark_node_get_type(node);
      if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
        const char* url = cmark_node_get_url(node);
        std::string written = url ? url : "";
        (type == CMARK_NODE_LINK ? result.links : result.images).push_back(written);
        result.refs.push_back({type == CMARK_NODE_LINK ? MarkdownRef::Kind::link : MarkdownRef::Kind::image,
                               written, cmark_node_get_start_line(node), {}});
        if (type == CMARK_NODE_IMAGE) collect_text(node, result.refs.back().alt);
        if (rewrite) {
          std::string to = rewrite(written);
          if (to != written) cmark_node_set_url(node, to.c_str());
        }
      } else if (type == CMARK_NODE_PARAGRAPH && !have_first_paragraph &&
                 cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT) {
        collect_text(node, result.first_paragraph);
        have_first_paragraph = !result.first_paragraph.empty();
      }
    }
  }

  auto detached_headings = add_heading_ids(doc.get(), options.reserved_ids);
  char* html = cmark_render_html(doc.get(), opts, cmark_parser_get_syntax_extensions(parser.get()));
  result.html = tighten_headings(strip_bidi_controls(html));
  std::free(html);
  result.anchors = collect_ids(result.html);
  return result;
}

}  // namespace hongfan
