// Editing a Markdown file the way a person would: only the lines of the
// front matter keys that changed are rewritten, everything else (unknown
// keys, comments, key order, the body's bytes, the line ends) stays.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hongfan::studio {

/// One top-level key of a front matter and the file lines (1-based,
/// inclusive) that hold it and its value.
struct KeySpan {
  std::string key;
  int first_line = 0;
  int last_line = 0;
};

/// A Markdown file split for the edit form.
struct PageText {
  bool ok = false;                 ///< false when the file has no front matter
  std::string eol = "\n";          ///< "\r\n" when the file uses CRLF
  std::vector<KeySpan> keys;       ///< in file order
  /// What the form shows for each simple key: a scalar as written, a list of
  /// scalars joined with ", ". Keys holding maps are missing (not editable).
  std::map<std::string, std::string> values;
  std::vector<std::string> list_keys;  ///< keys whose value is a list
  std::string body;                ///< after the closing `---`
};

/// Reads `text` for the form.
PageText read_page_text(std::string_view text);

/// The file after the form was submitted: `fields` holds the submitted
/// front matter values (a key not in it is left as it is), `body` the
/// submitted Markdown (CRLF from the browser is turned back into the file's
/// line ends). A field whose value equals what read_page_text() shows is not
/// touched; a changed one has its lines replaced in place; a new one is
/// added before the closing `---`; an emptied one is removed. Keys named in
/// `list_fields` are written as YAML lists.
std::string apply_form(std::string_view original, const std::map<std::string, std::string>& fields,
                       const std::vector<std::string>& list_fields, std::string_view body);

/// A new file from the form (no original).
std::string new_page_text(const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::vector<std::string>& list_fields, std::string_view body);

/// `value` as one YAML scalar: plain when that reads back the same string,
/// else double-quoted.
std::string yaml_scalar(std::string_view value);

/// Splits "a, b，c、d" into its trimmed, non-empty items.
std::vector<std::string> split_list(std::string_view value);

/// The key whose lines hold file line `line`, or "" (body or unknown).
std::string key_at_line(const PageText& page, int line);

}  // namespace hongfan::studio
