// Slugs and path segments (docs/content/reference/format.md "Slug").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hongfan {

/// True for a non-empty string of ASCII letters, digits and '-'.
bool is_ascii_slug(std::string_view s);

/// Splits a leading `YYYY-MM-DD-` off a file stem; returns the rest.
std::string_view strip_date_prefix(std::string_view stem);

/// The slug the format reference (docs/content/reference/) prescribes for a page: `explicit_slug` if given, else the
/// file stem without date prefix when it is an ASCII slug of at most 200
/// bytes (lower-cased), else
/// `YYYYMMDD-hash6` of the title (`hash6` alone when there is no date).
std::string page_slug(std::string_view explicit_slug, std::string_view file_stem,
                      std::string_view iso_date, std::string_view title);

/// True when a page without `slug:` takes its slug from its date and title
/// (the file name cannot be used): editing the title then moves the page.
bool slug_needs_title(std::string_view file_stem);

/// A slug made from free text for `hongfan new`: ASCII words joined by '-',
/// or empty when the text has no ASCII letters or digits. Only for text that
/// is ASCII throughout: a Chinese title would be cut down to its digits
/// ("2026年春节…" → "2026"), which is how /news/2026/ once got taken.
std::string ascii_slugify(std::string_view text);

/// True when `text` has no byte outside ASCII.
bool is_ascii_text(std::string_view text);

/// The title as it can stand in a file name on Windows, for `hongfan new`:
/// Chinese kept; the characters Windows forbids (\ / : * ? " < > |), control
/// and invisible bidi characters dropped; runs of blanks (also the full-width
/// space) made one space; blanks and dots trimmed at both ends (Windows drops
/// trailing ones); cut after `max_chars` characters. Empty when nothing is left.
std::string file_title(std::string_view title, std::size_t max_chars = 40);

/// A path segment for a taxonomy term or other name: keeps Chinese as UTF-8
/// (never percent-encoded), lower-cases ASCII, turns spaces into '-', drops
/// characters that are unsafe in paths or URLs.
std::string term_slug(std::string_view name);

/// Why `segment` cannot be one directory name of the output (empty when it
/// can): rejects "", ".", "..", '/', '\\', control characters, leading '.',
/// spaces, characters that end or break a URL or HTML attribute (<>"'`{}|^?#%:&
/// and the like), bidi controls, and names longer than 200 bytes.
std::string unsafe_segment_reason(std::string_view segment);

}  // namespace hongfan
