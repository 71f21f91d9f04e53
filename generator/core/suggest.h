// "Did you mean": the one rule for suggesting an id, a brand or a name when
// a file names one that does not exist. Data files and front matter use the
// same function, so the same typo gets the same suggestion everywhere.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hongfan {

/// Edit distance in characters (UTF-8 code points, so 红色教育 against
/// 红色教肓 is 1): insertions, deletions, substitutions and swaps of two
/// neighbours (jsyj/jsjy is one edit: the commonest typo in an id).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a typo
/// (distance ≤ max(1, characters/3)); "" otherwise. Ties go to the smallest.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)", translated, or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace hongfan
