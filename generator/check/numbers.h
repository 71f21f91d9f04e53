// Finding personal numbers in text: mainland mobile numbers (1[3-9] and nine
// more digits) and 18-character resident ID-card numbers (17 digits and a
// digit or X). A run of digits counts only as a whole: 12-digit order numbers
// do not contain a mobile number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hongfan {

struct NumberHit {
  std::size_t offset = 0;  ///< byte offset in the text
  std::string text;
};

std::vector<NumberHit> find_mobile_numbers(std::string_view text);
std::vector<NumberHit> find_id_card_numbers(std::string_view text);

/// "138****0001": what to write instead.
std::string mask_number(std::string_view number);

}  // namespace hongfan
