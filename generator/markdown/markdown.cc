#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

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

}  // namespace

MarkdownResult render_markdown(std::string_view text, const MarkdownOptions& options,
                               const UrlRewriter& rewrite) {
  ensure_registered();
  // Style attributes for table alignment: `align=` is obsolete in HTML5.
  int opts = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG |
             CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
  if (options.unsafe_html) opts |= CMARK_OPT_UNSAFE;

  // cmark-gfm keeps the extensions' special inline characters ('~', '|')
  // in one global table: attaching an extension adds them, finishing a
  // parse removes them. Two parses at once therefore lose strikethrough at
  // random (seen as non-deterministic output), so parsing is serialised;
  // walking the tree and rendering HTML still run in parallel.
  static std::mutex parse_mutex;
  std::unique_lock parse_lock(parse_mutex);
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(opts));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
  parse_lock.unlock();

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

  char* html = cmark_render_html(doc.get(), opts, cmark_parser_get_syntax_extensions(parser.get()));
  result.html = html;
  std::free(html);
  return result;
}

}  // namespace hongfan
