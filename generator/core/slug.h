// Slugs and path segments (DESIGN §2 "Slug").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hongfan {

/// True for a non-empty string of ASCII letters, digits and '-'.
bool is_ascii_slug(std::string_view s);

/// Splits a leading `YYYY-MM-DD-` off a file stem; returns the rest.
std::string_view strip_date_prefix(std::string_view stem);

/// The slug DESIGN prescribes for a page: `explicit_slug` if given, else the
/// file stem without date prefix when it is an ASCII slug of at most 200
/// bytes (lower-cased), else
/// `YYYYMMDD-hash6` of the title (`hash6` alone when there is no date).
std::string page_slug(std::string_view explicit_slug, std::string_view file_stem,
                      std::string_view iso_date, std::string_view title);

/// A slug made from free text for `hongfan new`: ASCII words joined by '-',
/// or empty when the text has no ASCII letters or digits.
std::string ascii_slugify(std::string_view text);

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
