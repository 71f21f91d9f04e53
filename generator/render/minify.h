// Minifying HTML and CSS without changing what they mean: fewer bytes for
// phones on mobile data. Deterministic, no parsing beyond what is needed.
#pragma once

#include <string>
#include <string_view>

namespace hongfan {

/// Collapses whitespace between tags: dropped next to block-level tags,
/// one space elsewhere; text keeps single spaces. <pre>, <textarea>,
/// <script> and <style> and every tag's attributes are copied unchanged.
std::string minify_html(std::string_view html);

/// Drops comments and needless whitespace and the last ';' in a block.
/// Strings are copied unchanged; spaces around + and - (calc) are kept.
std::string minify_css(std::string_view css);

}  // namespace hongfan
