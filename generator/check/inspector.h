// The checks a government-site inspector runs (issue 12), as `check` rules:
// the 备案 number, 规范表述 (wrong forms of official expressions), news
// columns not updated, empty columns, images without alt text, and 定期
// 三务公开 items that are overdue. Each rule is a file of its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check/check.h"

namespace hongfan {

void check_filing(const CheckContext& ctx, Diagnostics& diags);       ///< ICP number on a public host
void check_terms(const CheckContext& ctx, Diagnostics& diags);        ///< 规范表述/错敏词
void check_freshness(const CheckContext& ctx, Diagnostics& diags);    ///< stale and empty sections, menu
void check_image_alt(const CheckContext& ctx, Diagnostics& diags);    ///< Markdown images without alt
void check_disclosures(const CheckContext& ctx, Diagnostics& diags);  ///< overdue 定期 disclosures

/// A wrong form of an official expression and the right one.
struct TermRule {
  std::string wrong, right;
};

/// The built-in list (sources cited beside it in term_rules.cc).
const std::vector<TermRule>& builtin_terms();

/// Where `needle` occurs in `text`: 1-based line and column in characters.
struct TextPos {
  int line = 0, col = 0;
};
TextPos text_position(std::string_view text, std::size_t offset);

/// The 1-based line of the first line of `text` that starts (after spaces
/// and a list dash) with `key:`; 0 when none.
int line_of_key(std::string_view text, std::string_view key);

}  // namespace hongfan
