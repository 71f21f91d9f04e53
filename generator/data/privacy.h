// Residents' privacy (DESIGN §4): masking names, and the guard that stops a
// build when an 18-digit ID-card number is anywhere in the input.
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

/// Byte offsets of every 18-character ID-card number in `text`: 17 digits
/// and a digit or X, not part of a longer run of digits or letters.
std::vector<std::size_t> find_id_numbers(std::string_view text);

/// Reports each ID-card number in `text` (the contents of site file `path`)
/// as an error at its line and column.
void check_id_numbers(const std::string& path, std::string_view text, Diagnostics& diags);

}  // namespace hongfan
