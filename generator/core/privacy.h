// Residents' privacy (docs/content/reference/format.md, 隐私规则): masking names, the guard that stops a
// build when an ID-card number is anywhere in the input, and finding the
// mobile numbers a build warns about.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace hongfan {

/// Keeps the first and last character and puts a `*` for each one between
/// (李瑞勤 → 李*勤, 赵建国家 → 赵**家); a two-character name keeps the first
/// (王芳 → 王*). Counts characters, not bytes. One character stays as it is.
std::string mask_name(std::string_view name);

/// The name residents see: in full when the person consented (`public`) or
/// the site turned masking off, masked otherwise.
std::string shown_name(std::string_view name, bool is_public, bool mask_residents);

/// A number as written in a text: its first byte and how many bytes it
/// spans (separators and a final X included).
struct NumberSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
};

/// Every resident ID-card number in `text`: 17 digits and a digit or X,
/// written unbroken (11010519491231002X) or in groups 6-8-4 or 6-4-4-4 with
/// one kind of separator, a space or '-' (110105 19491231 002X).
std::vector<NumberSpan> find_id_numbers(std::string_view text);

/// Every mainland mobile number in `text`: 11 digits starting 13…19,
/// unbroken (13953792957) or 3-4-4 with a space or '-' (139-5379-2957),
/// after an optional +86.
std::vector<NumberSpan> find_mobile_numbers(std::string_view text);

// Both finders take a number only as a whole: digits joined to it by the
// same separator, or letters and digits touching it, make it part of
// something longer (an order number, a bank card), which is not reported.

/// The digits of a number as written ("139-5379-2957" → "13953792957";
/// "+86 139…" keeps its 86).
std::string number_digits(std::string_view written);

/// What to write instead of a mobile number: "139****2957".
std::string mask_mobile(std::string_view written);

/// A mobile number written in a site file.
struct MobileMention {
  SourceLoc loc;
  std::string text;      ///< as written: "139-5379-2957"
  bool contact = false;  ///< the value of a `phone:`/`contact:` key (a staff contact in data files)
};

/// Scans `text` (the contents of site file `path`) once for personal
/// numbers: each ID-card number is an error at its line and column (the
/// build stops so it never goes online); the mobile numbers are returned,
/// for the privacy rule to judge (a staff phone may be shown in full).
std::vector<MobileMention> scan_personal_numbers(const std::string& path, std::string_view text,
                                                 Diagnostics& diags);

}  // namespace hongfan
