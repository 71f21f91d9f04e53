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

}  // namespace hongfan
