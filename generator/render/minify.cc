#include "render/minify.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.h"

namespace hongfan {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Elements around which whitespace never renders: block-level by default,
// or not rendered at all. Sorted, for binary search.
constexpr auto kBlockTags = std::to_array<std::string_view>({
    "!doctype", "address", "article", "aside", "base", "blockquote", "body", "br", "caption",
    "col", "colgroup", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "legend",
    "li", "link", "main", "meta", "nav", "noscript", "ol", "optgroup", "option", "p", "picture",
    "pre", "script", "section", "source", "style", "summary", "table", "tbody", "td", "template",
    "tfoot", "th", "thead", "title", "tr", "ul"});

static_assert(std::is_sorted(kBlockTags.begin(), kBlockTags.end()));

bool is_block_tag(std::string_view lower_name) {
  return std::binary_search(kBlockTags.begin(), kBlockTags.end(), lower_name);
}

// Elements whose content is copied as is, up to their closing tag.
bool is_raw_text_tag(std::string_view lower_name) {
  return lower_name == "pre" || lower_name == "textarea" || lower_name == "script" || lower_name == "style";
}

// A tag name long enough for every name above; longer names are neither.
using NameBuffer = std::array<char, 12>;

// Lower-case name of the tag s[lt, end) ("<div …>" → "div", "</P>" → "p").
std::string_view tag_name(std::string_view s, std::size_t lt, std::size_t end, NameBuffer& buf) {
  std::size_t i = lt + 1;
  if (i < end && s[i] == '/') ++i;
  std::size_t n = 0;
  for (; i < end && !is_space(s[i]) && s[i] != '>' && s[i] != '/'; ++i) {
    if (n == buf.size()) return {};
    char c = s[i];
    buf[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return {buf.data(), n};
}

// End of the tag starting at `pos` ('<'), honouring quoted attribute values.
std::size_t tag_end(std::string_view s, std::size_t pos) {
  char quote = 0;
  for (std::size_t i = pos + 1; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.size();
}

bool is_comment_at(std::string_view s, std::size_t lt) { return s.compare(lt, 4, "<!--") == 0; }

// A '<' starts a tag only before a letter, '/' or '!'; otherwise it is text.
bool is_tag_at(std::string_view s, std::size_t lt) {
  if (lt + 1 >= s.size()) return false;
  char c = s[lt + 1];
  return std::isalpha(static_cast<unsigned char>(c)) || c == '/' || c == '!';
}

// Whether the piece of the document starting at `pos` is a block tag; the
// end of the document counts as one (nothing renders after it).
bool block_starts_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return true;
  if (s[pos] != '<' || is_comment_at(s, pos) || !is_tag_at(s, pos)) return false;
  NameBuffer buf;
  return is_block_tag(tag_name(s, pos, tag_end(s, pos), buf));
}

// Where the content of a raw-text element opened before `pos` ends: at the
// first "</name", in any case.
std::size_t raw_text_end(std::string_view s, std::size_t pos, std::string_view name) {
  for (std::size_t i = s.find("</", pos); i != std::string_view::npos; i = s.find("</", i + 1)) {
    if (i + 2 + name.size() > s.size()) break;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k) {
      char c = s[i + 2 + k];
      same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == name[k];
    }
    if (same) return i;
  }
  return s.size();
}

// Appends `text` with each whitespace run collapsed to one space; runs at
// the edges go when the neighbour is a block tag (or the document edge).
void append_text(std::string& out, std::string_view text, bool block_before, bool block_after) {
  const std::size_t start = out.size();
  bool pending = false, any = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      pending = true;
      ++i;
      continue;
    }
    if (pending && (any || !block_before)) out += ' ';
    pending = false;
    any = true;
    std::size_t run = i;
    while (run < text.size() && !is_space(text[run])) ++run;
    out.append(text.substr(i, run - i));
    i = run;
  }
  if (pending && !block_after && !(!any && block_before)) out += ' ';
  // A lone space between two inline tags stays, but never doubles one.
  if (out.size() == start + 1 && out[start] == ' ' && start > 0 && out[start - 1] == ' ') out.pop_back();
}

}  // namespace

// One pass over the document, without building a token list: this runs on
// every page of the site.
std::string minify_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool block_before = true;  // the start of the document
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t lt = s.find('<', pos);
    if (lt == std::string_view::npos) lt = s.size();
    if (lt > pos) {
      append_text(out, s.substr(pos, lt - pos), block_before, block_starts_at(s, lt));
      block_before = false;
    }
    if (lt >= s.size()) break;
    if (is_comment_at(s, lt)) {
      std::size_t end = s.find("-->", lt + 4);
      end = end == std::string_view::npos ? s.size() : end + 3;
      out.append(s.substr(lt, end - lt));
      block_before = false;
      pos = end;
      continue;
    }
    if (!is_tag_at(s, lt)) {
      append_text(out, s.substr(lt, 1), block_before, block_starts_at(s, lt + 1));
      block_before = false;
      pos = lt + 1;
      continue;
    }
    std::size_t end = tag_end(s, lt);
    NameBuffer buf;
    std::string_view name = tag_name(s, lt, end, buf);
    out.append(s.substr(lt, end - lt));
    block_before = is_block_tag(name);
    pos = end;
    const bool closing = s[lt + 1] == '/';
    if (!closing && is_raw_text_tag(name)) {
      std::size_t stop = raw_text_end(s, pos, name);
      if (stop > pos) {
        out.append(s.substr(pos, stop - pos));
        block_before = false;
      }
      pos = stop;
    }
  }
  return out;
}

std::string minify_css(std::string_view css) {
  std::string out;
  out.reserve(css.size());
  auto strip_before = [](char c) { return c == '{' || c == '}' || c == ';' || c == ',' || c == '>' || c == ')'; };
  auto strip_after = [](char c) { return c == '{' || c == '}' || c == ';' || c == ',' || c == '>' || c == ':' || c == '('; };
  bool pending_space = false;
  for (std::size_t i = 0; i < css.size(); ++i) {
    char c = css[i];
    if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
      std::size_t end = css.find("*/", i + 2);
      i = end == std::string_view::npos ? css.size() : end + 1;
      continue;
    }
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty() && !strip_after(out.back()) && !strip_before(c)) out += ' ';
    pending_space = false;
    if (c == '"' || c == '\'') {
      std::size_t j = i + 1;
      while (j < css.size() && css[j] != c) j += css[j] == '\\' ? 2 : 1;
      out.append(css.substr(i, std::min(j + 1, css.size()) - i));
      i = j;
      continue;
    }
    if (c == '}' && !out.empty() && out.back() == ';') out.pop_back();
    out += c;
  }
  return out;
}

}  // namespace hongfan
