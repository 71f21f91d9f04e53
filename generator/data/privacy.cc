#include "data/privacy.h"

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
bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
}  // namespace

std::vector<std::size_t> find_id_numbers(std::string_view text) {
  std::vector<std::size_t> hits;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    std::size_t digits = i - start;
    bool letter_before = start > 0 && is_alnum(text[start - 1]);
    if (letter_before) continue;
    std::size_t end = i;
    if (digits == 17 && end < text.size() && (text[end] == 'X' || text[end] == 'x')) ++end;
    else if (digits != 18) continue;
    if (end < text.size() && is_alnum(text[end])) continue;
    hits.push_back(start);
  }
  return hits;
}

void check_id_numbers(const std::string& path, std::string_view text, Diagnostics& diags) {
  auto hits = find_id_numbers(text);
  if (hits.empty()) return;
  // Line and column are worked out only for the (rare) hits.
  for (std::size_t at : hits) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < at; ++i)
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    std::string_view line_text = text.substr(line_start);
    line_text = line_text.substr(0, line_text.find('\n'));
    diags.error({path, line, utf8::column_of(line_text, at - line_start)},
                "an 18-digit ID-card number must never be published",
                "delete it or mask it (like 3708**********1234); the build stops so it never goes online");
  }
}

}  // namespace hongfan
