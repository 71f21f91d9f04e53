// UTF-8 helpers: validation, counting and cutting at character boundaries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hongfan::utf8 {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool valid(std::string_view s);

/// Byte offset of the first invalid sequence, or npos.
std::size_t first_invalid(std::string_view s);

/// Length in bytes (1 to 4) of the well-formed sequence at `pos`, or 0 when
/// it is malformed. For checking text while walking it for another reason.
std::size_t sequence_at(std::string_view s, std::size_t pos);

/// Decodes the code point at `pos` and advances `pos`; returns U+FFFD for a
/// malformed sequence (advancing one byte).
char32_t next(std::string_view s, std::size_t& pos);

/// Number of code points.
std::size_t length(std::string_view s);

/// The first `max_chars` code points of `s`; in `chars`, when given, how
/// many there were.
std::string_view prefix(std::string_view s, std::size_t max_chars, std::size_t* chars = nullptr);

/// Appends the UTF-8 encoding of `cp`.
void append(std::string& out, char32_t cp);

/// 1-based column of byte offset `pos` within its line, counted in code
/// points (what an editor shows).
int column_of(std::string_view line, std::size_t pos);

}  // namespace hongfan::utf8
