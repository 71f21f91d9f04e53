#include "core/slug.h"

#include "core/hash.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/utf8.h"

namespace hongfan {

namespace {
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Most file systems allow 255 bytes in a name; leave room for suffixes.
constexpr std::size_t kMaxSegmentBytes = 200;
}  // namespace

bool is_ascii_slug(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_alnum(c) && c != '-') return false;
  return true;
}

std::string_view strip_date_prefix(std::string_view stem) {
  // YYYY-MM-DD-
  if (stem.size() > 11 && stem[4] == '-' && stem[7] == '-' && stem[10] == '-') {
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
      if (!is_digit(stem[i])) return stem;
    return stem.substr(11);
  }
  return stem;
}

std::string page_slug(std::string_view explicit_slug, std::string_view file_stem,
                      std::string_view iso_date, std::string_view title) {
  if (!explicit_slug.empty()) return std::string(explicit_slug);
  if (!slug_needs_title(file_stem)) return ascii_lower(strip_date_prefix(file_stem));
  std::string hash = short_hash(title, 6);
  if (iso_date.size() >= 10) {
    std::string d;
    for (char c : iso_date.substr(0, 10))
      if (is_digit(c)) d += c;
    return d + "-" + hash;
  }
  return hash;
}

bool slug_needs_title(std::string_view file_stem) {
  auto rest = strip_date_prefix(file_stem);
  // A file name longer than a folder name may be falls back to date + hash.
  return !(is_ascii_slug(rest) && rest.size() <= kMaxSegmentBytes);
}

std::string ascii_slugify(std::string_view text) {
  std::string out;
  bool dash = false;
  for (char c : text) {
    if (is_alnum(c)) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
      dash = true;
    }
  }
  return out;
}

bool is_ascii_text(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string file_title(std::string_view title, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  bool blank = false;
  std::size_t pos = 0;
  while (pos < title.size() && chars < max_chars) {
    const std::size_t at = pos;
    const char32_t cp = utf8::next(title, pos);
    if (is_bidi_control_at(title, at)) continue;  // invisible: would make two names look alike
    if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD) continue;
    if (cp < 0x80 && std::string_view("\\/:*?\"<>|").find(static_cast<char>(cp)) != std::string_view::npos)
      continue;
    if (cp == ' ' || cp == 0x3000 || cp == 0xA0) {
      blank = !out.empty();
      continue;
    }
    if (blank) {
      out += ' ';
      ++chars;
      blank = false;
    }
    utf8::append(out, cp);
    ++chars;
  }
  // Windows drops trailing dots and spaces; a leading dot hides the file.
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  std::size_t lead = 0;
  while (lead < out.size() && (out[lead] == '.' || out[lead] == ' ')) ++lead;
  return out.substr(lead);
}

std::string term_slug(std::string_view name) {
  // Long enough for any real tag; short of the 255-byte file name limit.
  constexpr std::size_t kMaxTermBytes = 150;
  std::string out;
  bool dash = false;
  const std::string_view t = trim(name);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (is_bidi_control_at(t, i)) {  // invisible; would make the folder name lie
      i += 2;
      continue;
    }
    bool drop = u < 0x20 || u == 0x7F || std::string_view("/\\?#%&:*\"'<>|.~`^{}[];=+,!@$()").find(c) !=
                                            std::string_view::npos;
    if (c == ' ' || c == '\t' || c == '_' || drop) {
      dash = !out.empty();
      continue;
    }
    // Stop at a character boundary once the slug is long enough.
    // (The hard cap also holds for bytes that are not UTF-8.)
    const std::size_t grows = dash ? 2 : 1;
    if ((out.size() >= kMaxTermBytes && (u & 0xC0) != 0x80) || out.size() + grows > kMaxSegmentBytes) break;
    if (dash) out += '-';
    dash = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return strip_bidi_controls(std::move(out));  // bytes around a dropped one may join
}

std::string unsafe_segment_reason(std::string_view s) {
  if (s.empty()) return _("it is empty");
  if (s.find('/') != std::string_view::npos || s.find('\\') != std::string_view::npos)
    return _("it contains a path separator");
  if (s == "." || s == "..") return _("it names a parent or current directory");
  if (s.front() == '.') return _("it starts with '.'");
  if (s.size() > kMaxSegmentBytes) return _("it is longer than 200 bytes");
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\') return _("it contains a path separator");
    if (u < 0x20 || u == 0x7F) return _("it contains a control character");
    if (c == ' ') return _("it contains a space");
    // Characters that end or break a URL, or an HTML attribute it is put in.
    if (std::string_view("<>\"'`{}|^?#%:&;=+,!@$*()[]").find(c) != std::string_view::npos)
      return tr("it contains '{}', which is not safe in a web address", c);
    if (is_bidi_control_at(s, i)) return _("it contains an invisible bidi control character");
  }
  return {};
}

}  // namespace hongfan
