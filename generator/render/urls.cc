#include "render/urls.h"

#include "core/text.h"

namespace hongfan {

std::string root_prefix(std::string_view page_url) {
  std::string out;
  for (char c : page_url)
    if (c == '/') out += "../";
  return out.empty() ? "./" : out;
}

bool is_dangerous_url(std::string_view url) {
  std::string scheme;
  for (char c : url) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 && scheme.empty()) continue;  // browsers skip leading blanks
    if (c == '\t' || c == '\n' || c == '\r') continue;  // and strip these inside
    if (c == ':') break;
    if (c == '/' || c == '?' || c == '#') return false;
    scheme += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (scheme.size() > 16) return false;
  }
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data";
}

std::string resolve_link(std::string_view root, std::string_view url) {
  if (is_dangerous_url(url)) return "#";
  if (starts_with(url, "/") && !starts_with(url, "//")) {
    std::string out(root);
    out += url.substr(1);
    return out;
  }
  return std::string(url);
}

namespace {

bool is_blank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// A relative reference: no scheme before the first '/', '?' or '#', not
// "//host", not only a fragment or query.
bool is_relative_path(std::string_view url) {
  if (url.empty() || url.front() == '#' || url.front() == '?' || starts_with(url, "//")) return false;
  for (char c : url) {
    if (c == ':') return false;
    if (c == '/' || c == '?' || c == '#') break;
  }
  return true;
}

// "news/" → "news/index.html", ".." → "../index.html"; anything else as is.
std::string with_index_file(std::string_view url) {
  const std::size_t end = url.find_first_of("?#");
  const std::string_view path = url.substr(0, end);
  const std::string_view rest = end == std::string_view::npos ? std::string_view() : url.substr(end);
  std::string out(path);
  if (path.empty() || !is_relative_path(url)) return std::string(url);
  if (path.back() == '/') {
    out += "index.html";
  } else if (path == "." || path == ".." || ends_with(path, "/.") || ends_with(path, "/..")) {
    out += "/index.html";
  } else {
    return std::string(url);
  }
  out += rest;
  return out;
}

}  // namespace

std::string link_index_files(std::string_view html) {
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  std::size_t pos = 0;
  while (pos < html.size()) {
    // The next href= or action= attribute (lower case, as the templates and
    // cmark write it), preceded by a blank so data-href= does not count.
    std::size_t best = std::string_view::npos, name_len = 0;
    for (std::string_view name : {std::string_view("href="), std::string_view("action=")}) {
      std::size_t at = html.find(name, pos);
      while (at != std::string_view::npos && at > 0 && !is_blank(html[at - 1])) at = html.find(name, at + 1);
      if (at < best) best = at, name_len = name.size();
    }
    if (best == std::string_view::npos || best + name_len >= html.size()) break;
    const std::size_t value_at = best + name_len;
    const char quote = html[value_at];
    if (quote != '"' && quote != '\'') {
      out.append(html.substr(pos, value_at - pos));
      pos = value_at;
      continue;
    }
    const std::size_t close = html.find(quote, value_at + 1);
    if (close == std::string_view::npos) break;
    out.append(html.substr(pos, value_at + 1 - pos));
    out += with_index_file(html.substr(value_at + 1, close - value_at - 1));
    pos = close;
  }
  out.append(html.substr(pos));
  return out;
}

}  // namespace hongfan
