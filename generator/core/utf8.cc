#include "core/utf8.h"

namespace hongfan::utf8 {

namespace {
// Length of the sequence at `p`, or 0 when malformed.
std::size_t sequence_length(std::string_view s, std::size_t p, char32_t* out) {
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c = b(p);
  if (c < 0x80) {
    if (out) *out = c;
    return 1;
  }
  std::size_t n;
  char32_t cp;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (p + n > s.size()) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((b(p + i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(p + i) & 0x3F);
  }
  static constexpr char32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_len[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  if (out) *out = cp;
  return n;
}

// A three-byte sequence that is valid whatever its continuation bytes
// are (no overlong form, no surrogate): most of Chinese text. Checked first,
// ahead of sequence_length(): every file read is checked, every token decoded.
bool plain_three_bytes(std::string_view s, std::size_t p) {
  const auto c = static_cast<unsigned char>(s[p]);
  return ((c >= 0xE1 && c <= 0xEC) || c >= 0xEE) && c <= 0xEF && p + 2 < s.size() &&
         (static_cast<unsigned char>(s[p + 1]) & 0xC0) == 0x80 && (static_cast<unsigned char>(s[p + 2]) & 0xC0) == 0x80;
}
}  // namespace

std::size_t sequence_at(std::string_view s, std::size_t pos) {
  if (static_cast<unsigned char>(s[pos]) < 0x80) return 1;
  if (plain_three_bytes(s, pos)) return 3;
  return sequence_length(s, pos, nullptr);
}

std::size_t first_invalid(std::string_view s) {
  std::size_t p = 0;
  while (p < s.size()) {
    auto n = sequence_at(s, p);
    if (n == 0) return p;
    p += n;
  }
  return std::string_view::npos;
}

bool valid(std::string_view s) { return first_invalid(s) == std::string_view::npos; }

char32_t next(std::string_view s, std::size_t& pos) {
  if (static_cast<unsigned char>(s[pos]) < 0x80) return static_cast<unsigned char>(s[pos++]);
  if (plain_three_bytes(s, pos)) {
    const auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[pos + i])); };
    const char32_t cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    pos += 3;
    return cp;
  }
  char32_t cp = 0;
  auto n = sequence_length(s, pos, &cp);
  if (n == 0) {
    ++pos;
    return 0xFFFD;
  }
  pos += n;
  return cp;
}

std::size_t length(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t p = 0; p < s.size();) {
    next(s, p);
    ++count;
  }
  return count;
}

std::string_view prefix(std::string_view s, std::size_t max_chars, std::size_t* chars) {
  std::size_t p = 0, i = 0;
  for (; i < max_chars && p < s.size(); ++i) next(s, p);
  if (chars) *chars = i;
  return s.substr(0, p);
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int column_of(std::string_view line, std::size_t pos) {
  if (pos > line.size()) pos = line.size();
  return static_cast<int>(length(line.substr(0, pos))) + 1;
}

}  // namespace hongfan::utf8
