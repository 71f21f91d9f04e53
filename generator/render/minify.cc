#include "render/minify.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <compare>
#include <cstdint>

namespace hongfan {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// A tag name, lower-cased, packed into two integers: the lookups below run
// for every tag of every page, so they compare integers, not strings. Names
// longer than 16 bytes get a key no known name has.
struct NameKey {
  std::uint64_t head = 0, tail = 0;
  constexpr auto operator<=>(const NameKey&) const = default;
};

constexpr NameKey kUnknownName{~std::uint64_t{0}, ~std::uint64_t{0}};

constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr NameKey name_key(std::string_view name) {
  if (name.size() > 16) return kUnknownName;
  NameKey key;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto byte = static_cast<std::uint64_t>(static_cast<unsigned char>(lower(name[i])));
    (i < 8 ? key.head : key.tail) |= byte << (8 * (i % 8));
  }
  return key;
}

template <std::size_t N>
constexpr std::array<NameKey, N> sorted_keys(const std::array<std::string_view, N>& names) {
  std::array<NameKey, N> keys{};
  for (std::size_t i = 0; i < N; ++i) keys[i] = name_key(names[i]);
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Elements around which whitespace never renders: block-level by default,
// or not rendered at all.
constexpr auto kBlockTags = sorted_keys(std::to_array<std::string_view>({
    "!doctype", "address", "article", "aside", "base", "blockquote", "body", "br", "caption",
    "col", "colgroup", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "legend",
    "li", "link", "main", "meta", "nav", "noscript", "ol", "optgroup", "option", "p", "picture",
    "pre", "script", "section", "source", "style", "summary", "table", "tbody", "td", "template",
    "tfoot", "th", "thead", "title", "tr", "ul"}));

// Elements whose content is copied as is, up to their closing tag.
constexpr auto kRawTextTags = std::to_array({name_key("pre"), name_key("textarea"), name_key("script"), name_key("style")});

bool is_block_tag(NameKey key) { return std::binary_search(kBlockTags.begin(), kBlockTags.end(), key); }

bool is_raw_text_tag(NameKey key) {
  return std::find(kRawTextTags.begin(), kRawTextTags.end(), key) != kRawTextTags.end();
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

// What starts at a position of the document.
struct Piece {
  enum Kind { kEnd, kComment, kLoneLt, kTag } kind;
  std::size_t end;       // kComment, kTag: one past the last byte
  NameKey name;          // kTag
  bool closing = false;  // kTag: "</…"
  explicit Piece(Kind k, std::size_t e = 0) : kind(k), end(e) {}
  // The end of the document and block tags: whitespace next to them never renders.
  bool block() const { return kind == kEnd || (kind == kTag && is_block_tag(name)); }
};

// `pos` is the end of the document or a '<'. A '<' starts a tag only before
// a letter, '/' or '!'; otherwise it is text.
Piece piece_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return Piece(Piece::kEnd);
  if (s.size() - pos >= 4 && s[pos + 1] == '!' && s[pos + 2] == '-' && s[pos + 3] == '-') {
    std::size_t end = s.find("-->", pos + 4);
    return Piece(Piece::kComment, end == std::string_view::npos ? s.size() : end + 3);
  }
  char next = pos + 1 < s.size() ? s[pos + 1] : '\0';
  if (!(std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!')) return Piece(Piece::kLoneLt);
  Piece tag(Piece::kTag, tag_end(s, pos));
  std::size_t i = pos + 1;
  tag.closing = s[i] == '/';
  if (tag.closing) ++i;
  std::size_t name_end = i;
  while (name_end < tag.end && !is_space(s[name_end]) && s[name_end] != '>' && s[name_end] != '/') ++name_end;
  tag.name = name_key(s.substr(i, name_end - i));
  return tag;
}

// Where the content of a raw-text element opened before `pos` ends: at the
// first "</name", in any case.
std::size_t raw_text_end(std::string_view s, std::size_t pos, NameKey name) {
  std::size_t length = 0;
  while (length < 16 && ((length < 8 ? name.head >> (8 * length) : name.tail >> (8 * (length - 8))) & 0xff)) ++length;
  for (std::size_t i = s.find("</", pos); i != std::string_view::npos; i = s.find("</", i + 1))
    if (name_key(s.substr(i + 2, length)) == name) return i;
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

// One pass over the document, looking at each tag once: this runs on every
// page of the site.
std::string minify_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool block_before = true;  // the start of the document
  std::size_t pos = 0;
  while (true) {
    std::size_t lt = std::min(s.find('<', pos), s.size());
    Piece piece = piece_at(s, lt);
    if (lt > pos) {
      append_text(out, s.substr(pos, lt - pos), block_before, piece.block());
      block_before = false;
    }
    switch (piece.kind) {
      case Piece::kEnd:
        return out;
      case Piece::kComment:
        out.append(s.substr(lt, piece.end - lt));
        block_before = false;
        pos = piece.end;
        break;
      case Piece::kLoneLt: {
        bool block_after = lt + 1 >= s.size() || (s[lt + 1] == '<' && piece_at(s, lt + 1).block());
        append_text(out, "<", block_before, block_after);
        block_before = false;
        pos = lt + 1;
        break;
      }
      case Piece::kTag:
        out.append(s.substr(lt, piece.end - lt));
        block_before = piece.block();
        pos = piece.end;
        if (!piece.closing && is_raw_text_tag(piece.name)) {
          std::size_t stop = raw_text_end(s, pos, piece.name);
          if (stop > pos) {
            out.append(s.substr(pos, stop - pos));
            block_before = false;
          }
          pos = stop;
        }
        break;
    }
  }
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
