#include "check/numbers.h"

#include "data/privacy.h"

namespace hongfan {

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }

// Calls `fn(offset, length)` for every maximal run of digits, where a run may
// end in one 'X'/'x' (ID-card check character).
template <typename F>
void digit_runs(std::string_view t, F&& fn) {
  std::size_t i = 0;
  while (i < t.size()) {
    if (!digit(t[i])) {
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < t.size() && digit(t[i])) ++i;
    std::size_t len = i - start;
    bool x = i < t.size() && (t[i] == 'X' || t[i] == 'x');
    // Part of a longer token (letters, more digits after X) is not a number of its own.
    bool before_alnum = start > 0 && ((t[start - 1] >= 'a' && t[start - 1] <= 'z') ||
                                      (t[start - 1] >= 'A' && t[start - 1] <= 'Z'));
    fn(start, len, x, before_alnum);
    if (x) ++i;
  }
}
}  // namespace

std::vector<NumberHit> find_mobile_numbers(std::string_view t) {
  std::vector<NumberHit> hits;
  digit_runs(t, [&](std::size_t start, std::size_t len, bool x, bool before_alnum) {
    if (len == 11 && !x && !before_alnum && t[start] == '1' && t[start + 1] >= '3' && t[start + 1] <= '9')
      hits.push_back({start, std::string(t.substr(start, 11))});
  });
  return hits;
}

std::vector<NumberHit> find_id_card_numbers(std::string_view t) {
  // One rule for what an ID-card number is: the one the build refuses to
  // publish (data/privacy.h), not a second scanner beside it.
  std::vector<NumberHit> hits;
  for (std::size_t at : find_id_numbers(t)) hits.push_back({at, std::string(t.substr(at, 18))});
  return hits;
}

std::string mask_number(std::string_view n) {
  if (n.size() < 8) return std::string(n.size(), '*');
  return std::string(n.substr(0, 3)) + std::string(n.size() - 7, '*') + std::string(n.substr(n.size() - 4));
}

}  // namespace hongfan
