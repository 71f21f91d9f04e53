#include "core/privacy.h"

#include <array>

#include "core/i18n.h"
#include "core/text.h"
#include "core/utf8.h"

namespace hongfan {

std::string mask_name(std::string_view raw) {
  std::string_view name = trim(raw);
  std::size_t n = utf8::length(name);
  if (n <= 1) return std::string(name);
  std::size_t pos = 0;
  utf8::next(name, pos);
  std::string out(name.substr(0, pos));
  if (n == 2) return out + "*";
  out.append(n - 2, '*');
  // The last character: walk to the start of the final code point.
  std::size_t last = name.size();
  do --last;
  while (last > 0 && (static_cast<unsigned char>(name[last]) & 0xC0) == 0x80);
  out.append(name.substr(last));
  return out;
}

std::string shown_name(std::string_view name, bool is_public, bool mask_residents) {
  if (is_public || !mask_residents) return std::string(trim(name));
  return mask_name(name);
}

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_letter(c); }

enum class Kind { none, id, mobile };

// One number as written: up to six groups of digits joined by one kind of
// separator; the last group may end in X (an ID card's check character).
constexpr int kMaxGroups = 6;
struct Chain {
  std::size_t start = 0, end = 0;  // bytes, X included
  std::array<std::size_t, kMaxGroups> len{};
  int groups = 0;
  bool x = false;
};

// An ID-card number in groups other than the usual ones (4-4-4-4-2, …):
// 18 characters whose 7th to 14th digits are a birth date (19xx or 20xx),
// so that other long grouped numbers are not taken for one.
bool grouped_id(std::string_view t, const Chain& c) {
  std::size_t chars = c.x ? 1 : 0;
  for (int i = 0; i < c.groups; ++i) chars += c.len[i];
  if (c.groups < 2 || chars != 18) return false;
  std::string d;
  for (std::size_t i = c.start; i < c.end && d.size() < 14; ++i)
    if (is_digit(t[i])) d += t[i];
  if (d.size() < 14) return false;
  int century = std::stoi(d.substr(6, 2)), month = std::stoi(d.substr(10, 2)), day = std::stoi(d.substr(12, 2));
  return (century == 19 || century == 20) && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool lengths_are(const Chain& c, std::initializer_list<std::size_t> want) {
  if (c.groups != static_cast<int>(want.size())) return false;
  int i = 0;
  for (std::size_t w : want) {
    // A final X stands for the last digit.
    std::size_t got = c.len[i] + (c.x && i + 1 == c.groups ? 1 : 0);
    if (got != w) return false;
    ++i;
  }
  return true;
}

// What the chain is; for a mobile number after +86, moves `c.start` past the
// country code.
Kind classify(std::string_view t, Chain& c) {
  // 18 characters (17 digits and a digit or X), unbroken, in the usual
  // groups (6-8-4, 6-4-4-4) or others that hold a birth date where it belongs.
  if (lengths_are(c, {18}) || lengths_are(c, {6, 8, 4}) || lengths_are(c, {6, 4, 4, 4}) || grouped_id(t, c))
    return Kind::id;
  if (c.x) return Kind::none;
  // +86 before a mobile number: the country code is not part of it.
  if (c.start > 0 && t[c.start - 1] == '+' && t.substr(c.start, 2) == "86") {
    if (c.len[0] == 2 && c.groups > 1) {
      for (int i = 1; i < c.groups; ++i) c.len[i - 1] = c.len[i];
      --c.groups;
    } else {
      c.len[0] -= 2;
    }
    std::size_t first = c.start + 2;
    while (first < t.size() && !is_digit(t[first])) ++first;
    c.start = first;
  }
  if (!(lengths_are(c, {11}) || lengths_are(c, {3, 4, 4}))) return Kind::none;
  return t[c.start] == '1' && t[c.start + 1] >= '3' && t[c.start + 1] <= '9' ? Kind::mobile : Kind::none;
}

// Calls `fn(kind, span)` for every ID-card and mobile number in `t`, in one
// pass over the text (it runs on every content and data file of a build).
template <typename F>
void scan_numbers(std::string_view t, F&& fn) {
  std::size_t i = 0;
  const std::size_t n = t.size();
  while (i < n) {
    if (!is_digit(t[i])) {
      ++i;
      continue;
    }
    Chain c;
    c.start = i;
    bool letter_before = i > 0 && is_letter(t[i - 1]);
    char sep = 0;
    bool too_long = false;
    for (;;) {
      std::size_t s = i;
      while (i < n && is_digit(t[i])) ++i;
      if (c.groups < kMaxGroups) c.len[c.groups++] = i - s;
      else too_long = true;
      if (i + 1 < n && (t[i] == ' ' || t[i] == '-') && (sep == 0 || t[i] == sep) && is_digit(t[i + 1])) {
        sep = t[i++];
        continue;
      }
      break;
    }
    c.x = i < n && (t[i] == 'X' || t[i] == 'x');
    if (c.x) ++i;
    c.end = i;
    // "…002X 5": more of the same number after the X.
    if (c.x && sep && i + 1 < n && t[i] == sep && is_digit(t[i + 1])) too_long = true;
    if (letter_before || too_long || (i < n && is_alnum(t[i]))) continue;
    Kind k = classify(t, c);
    if (k == Kind::none) continue;
    fn(k, NumberSpan{c.start, c.end - c.start});
  }
}

// True when the number at `at` is the value of a contact key on its line:
// `phone: 138…`, `{role: 网格长, phone: "138…"}`, `联系电话：138…`.
bool is_contact_value(std::string_view t, std::size_t at) {
  std::size_t i = at;
  while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '"' || t[i - 1] == '\'')) --i;
  if (i > 0 && t[i - 1] == ':') {
    --i;
  } else if (i >= 3 && t.substr(i - 3, 3) == "：") {
    i -= 3;
  } else {
    return false;
  }
  std::size_t key_end = i;
  while (i > 0 && t[i - 1] != ' ' && t[i - 1] != '{' && t[i - 1] != ',' && t[i - 1] != '\n' &&
         t[i - 1] != '\t' && t[i - 1] != '"' && t[i - 1] != '\'')
    --i;
  std::string key = ascii_lower(t.substr(i, key_end - i));
  for (const char* k : {"phone", "tel", "mobile", "contact", "电话", "手机", "联系电话", "联系方式"})
    if (key == k) return true;
  return false;
}

SourceLoc locate(const std::string& path, std::string_view text, std::size_t at) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < at; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  std::string_view line_text = text.substr(line_start);
  line_text = line_text.substr(0, line_text.find('\n'));
  return {path, line, utf8::column_of(line_text, at - line_start)};
}
}  // namespace

std::vector<NumberSpan> find_id_numbers(std::string_view text) {
  std::vector<NumberSpan> hits;
  scan_numbers(text, [&](Kind k, NumberSpan s) {
    if (k == Kind::id) hits.push_back(s);
  });
  return hits;
}

std::vector<NumberSpan> find_mobile_numbers(std::string_view text) {
  std::vector<NumberSpan> hits;
  scan_numbers(text, [&](Kind k, NumberSpan s) {
    if (k == Kind::mobile) hits.push_back(s);
  });
  return hits;
}

std::string number_digits(std::string_view written) {
  std::string out;
  for (char c : written)
    if (is_digit(c) || c == 'X' || c == 'x') out += c;
  return out;
}

std::string mask_mobile(std::string_view written) {
  std::string d = number_digits(written);
  if (d.size() < 8) return std::string(d.size(), '*');
  return d.substr(0, 3) + std::string(d.size() - 7, '*') + d.substr(d.size() - 4);
}

std::vector<MobileMention> scan_personal_numbers(const std::string& path, std::string_view text,
                                                 Diagnostics& diags) {
  std::vector<MobileMention> mobiles;
  // Line and column are worked out only for the (rare) hits.
  scan_numbers(text, [&](Kind k, NumberSpan s) {
    if (k == Kind::id) {
      diags.error(locate(path, text, s.offset), _("an ID-card number must never be published"),
                  _("delete it or mask it (like 3708**********1234); the build stops so it never goes online"));
    } else {
      mobiles.push_back({locate(path, text, s.offset), std::string(text.substr(s.offset, s.length)),
                         is_contact_value(text, s.offset)});
    }
  });
  return mobiles;
}

}  // namespace hongfan
