// Small string helpers shared by every layer: escaping and trimming.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hongfan {

/// Escapes & < > " ' for HTML text and attribute values. Also drops NUL and
/// the Unicode bidi embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069): they are invisible and only serve to reorder what follows
/// them, including the theme's own text after a name ("Trojan Source").
/// The marks U+200E/U+200F, which reorder nothing beyond themselves, stay.
std::string html_escape(std::string_view s);
/// Appends the escaped form of `s` to `out` (no temporary string).
void html_escape_append(std::string& out, std::string_view s);

/// Escapes for XML text and attributes (same set as HTML) and drops the
/// control characters XML 1.0 forbids.
std::string xml_escape(std::string_view s);

/// True when the three bytes at `p` (at least 3 left) encode a bidi control
/// that html_escape drops.
bool is_bidi_control_at(std::string_view s, std::size_t p);

/// `html` with the bidi controls above removed (rendered Markdown).
std::string strip_bidi_controls(std::string html);

std::string_view trim(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::vector<std::string_view> split_lines(std::string_view s);

/// ASCII lower-casing; other bytes (UTF-8 Chinese) pass through.
std::string ascii_lower(std::string_view s);

/// Decodes %XX escapes (invalid ones are kept as written): cmark
/// percent-encodes non-ASCII and spaces in the URLs it writes.
std::string percent_decode(std::string_view s);

/// Drops the tags from an HTML fragment and collapses whitespace; used for
/// plain-text summaries and descriptions.
std::string strip_tags(std::string_view html);

}  // namespace hongfan
