#include "core/text.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace hongfan {

bool is_bidi_control_at(std::string_view s, std::size_t p) {
  if (p + 2 >= s.size() || static_cast<unsigned char>(s[p]) != 0xE2) return false;
  auto b1 = static_cast<unsigned char>(s[p + 1]), b2 = static_cast<unsigned char>(s[p + 2]);
  return (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) ||  // U+202A–U+202E
         (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);    // U+2066–U+2069
}

namespace {
std::size_t find_bidi_control(const std::string& s, std::size_t from) {
  for (std::size_t p = s.find('\xE2', from); p != std::string::npos; p = s.find('\xE2', p + 1))
    if (is_bidi_control_at(s, p)) return p;
  return std::string::npos;
}

// Removes bidi controls from s[from…] until none is left: in text that is not
// valid UTF-8, removing one can join the bytes around it into another. The
// text is rewritten from the first control on only: Chinese text has many
// 0xE2 lead bytes (“ ” — …) and seldom a control.
void strip_bidi_from(std::string& s, const std::size_t origin) {
  std::size_t from = origin, first;
  while ((first = find_bidi_control(s, from)) != std::string::npos) {
    std::size_t w = first;
    for (std::size_t r = first; r < s.size(); ++r) {
      if (is_bidi_control_at(s, r)) {
        r += 2;
        continue;
      }
      s[w++] = s[r];
    }
    s.resize(w);
    // A control made of joined bytes starts at most two bytes before the
    // first removal; nothing before that changed. (Not before `origin`: the
    // text before it is not ours to change.)
    from = std::max(origin, first >= 2 ? first - 2 : 0);
  }
}
}  // namespace

std::string strip_bidi_controls(std::string html) {
  if (html.find('\xE2') != std::string::npos) strip_bidi_from(html, 0);
  return html;
}

void html_escape_append(std::string& out, std::string_view s) {
  const std::size_t first = out.size();
  bool dropped = false;
  // Copy runs that need nothing in one go (most text, all Chinese but the
  // rare 0xE2 lead byte). A byte loop: string_view::find_first_of would
  // call memchr once per byte.
  std::size_t start = 0;
  while (true) {
    std::size_t i = start;
    while (i < s.size()) {
      char c = s[i];
      if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '\0' || c == '\xE2') break;
      ++i;
    }
    out.append(s.data() + start, i - start);
    if (i == s.size()) break;
    start = i + 1;
    switch (s[i]) {
      case '\0': dropped = true; break;  // may join the bytes around it
      case '\xE2':
        if (is_bidi_control_at(s, i)) start = i + 3, dropped = true;
        else out += s[i];
        break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
    }
  }
  if (dropped) strip_bidi_from(out, first);
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  html_escape_append(out, s);
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (is_bidi_control_at(s, i)) {
      i += 2;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  if (out.find('\xE2') != std::string::npos) strip_bidi_from(out, 0);  // dropped bytes may join one
  return out;
}

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool ends_with(std::string_view s, std::string_view x) {
  return s.size() >= x.size() && s.substr(s.size() - x.size()) == x;
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < s.size()) lines.push_back(s.substr(start));
      break;
    }
    auto line = s.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  return lines;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string strip_tags(std::string_view html) {
  // Text is copied a run at a time, not a byte at a time: this runs over
  // every page's body for the search index, twice in a build.
  enum : unsigned char { kText, kTagStart, kSpace };
  static constexpr auto kind = [] {
    std::array<unsigned char, 256> k{};
    k['<'] = kTagStart;
    k[' '] = k['\n'] = k['\t'] = k['\r'] = kSpace;
    return k;
  }();
  std::string out;
  out.reserve(html.size());
  bool pending_space = false;
  const char* p = html.data();
  const char* const end = p + html.size();
  while (p < end) {
    switch (kind[static_cast<unsigned char>(*p)]) {
      case kTagStart: {
        const void* close = std::memchr(p + 1, '>', static_cast<std::size_t>(end - p - 1));
        p = close ? static_cast<const char*>(close) + 1 : end;  // an unclosed tag runs to the end
        break;
      }
      case kSpace:
        pending_space = !out.empty();
        ++p;
        break;
      default: {
        const char* run = p + 1;
        while (run < end && kind[static_cast<unsigned char>(*run)] == kText) ++run;
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(p, static_cast<std::size_t>(run - p));
        p = run;
      }
    }
  }
  return out;
}

namespace {
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace hongfan
