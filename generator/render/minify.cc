#include "render/minify.h"

#include <set>
#include <vector>

#include "core/text.h"

namespace hongfan {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Elements around which whitespace never renders: block-level by default,
// or not rendered at all.
const std::set<std::string, std::less<>>& block_tags() {
  static const std::set<std::string, std::less<>> tags{
      "!doctype", "address", "article", "aside", "base", "blockquote", "body", "br", "caption",
      "col", "colgroup", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
      "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "legend",
      "li", "link", "main", "meta", "nav", "noscript", "ol", "optgroup", "option", "p", "picture",
      "pre", "script", "section", "source", "style", "summary", "table", "tbody", "td", "template",
      "tfoot", "th", "thead", "title", "tr", "ul"};
  return tags;
}

struct Token {
  enum Kind { kText, kTag, kRaw } kind;
  std::string_view text;
  std::string name;  // tags: lower-case name without '/'
};

std::string tag_name(std::string_view tag) {
  std::size_t i = 1;
  if (i < tag.size() && tag[i] == '/') ++i;
  std::string name;
  while (i < tag.size() && !is_space(tag[i]) && tag[i] != '>' && tag[i] != '/') name += tag[i++];
  return ascii_lower(name);
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

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t lt = s.find('<', pos);
    if (lt == std::string_view::npos) lt = s.size();
    if (lt > pos) out.push_back({Token::kText, s.substr(pos, lt - pos), ""});
    if (lt >= s.size()) break;
    if (s.compare(lt, 4, "<!--") == 0) {
      std::size_t end = s.find("-->", lt + 4);
      end = end == std::string_view::npos ? s.size() : end + 3;
      out.push_back({Token::kRaw, s.substr(lt, end - lt), ""});
      pos = end;
      continue;
    }
    // A '<' not starting a tag is text.
    if (lt + 1 >= s.size() || !(std::isalpha(static_cast<unsigned char>(s[lt + 1])) || s[lt + 1] == '/' || s[lt + 1] == '!')) {
      out.push_back({Token::kText, s.substr(lt, 1), ""});
      pos = lt + 1;
      continue;
    }
    std::size_t end = tag_end(s, lt);
    std::string_view tag = s.substr(lt, end - lt);
    std::string name = tag_name(tag);
    out.push_back({Token::kTag, tag, name});
    pos = end;
    bool closing = tag.size() > 1 && tag[1] == '/';
    if (!closing && (name == "pre" || name == "textarea" || name == "script" || name == "style")) {
      // Raw until the matching close tag (case-insensitive).
      std::string lower = ascii_lower(s.substr(pos));
      std::size_t close = lower.find("</" + name);
      std::size_t stop = close == std::string::npos ? s.size() : pos + close;
      if (stop > pos) out.push_back({Token::kRaw, s.substr(pos, stop - pos), ""});
      pos = stop;
    }
  }
  return out;
}

}  // namespace

std::string minify_html(std::string_view html) {
  auto tokens = tokenize(html);
  const auto& blocks = block_tags();
  auto is_block = [&](std::size_t i) {
    return i < tokens.size() && tokens[i].kind == Token::kTag && blocks.count(tokens[i].name) > 0;
  };
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != Token::kText) {
      out += t.text;
      continue;
    }
    // Neighbours: the tag before and after this text (or the document edge).
    bool block_before = i == 0 || is_block(i - 1);
    bool block_after = i + 1 >= tokens.size() || is_block(i + 1);
    std::string collapsed;
    bool pending = false;
    for (char c : t.text) {
      if (is_space(c)) {
        pending = true;
        continue;
      }
      if (pending && (!collapsed.empty() || !block_before)) collapsed += ' ';
      pending = false;
      collapsed += c;
    }
    if (pending && !block_after && !(collapsed.empty() && block_before)) collapsed += ' ';
    // A lone space between two inline tags stays; the trim above drops it
    // next to blocks.
    if (collapsed == " " && !out.empty() && out.back() == ' ') continue;
    out += collapsed;
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
