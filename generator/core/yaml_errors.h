// Naming the real cause of a YAML mistake in staff's words. libfyaml has
// already judged the text; these functions only look at the lines around
// where it stopped to say which of the usual slips it is (a full-width
// colon, a tab, an unclosed quote or bracket, a forgotten colon) and what to
// type instead. They never decide whether a document is valid.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/yaml.h"

namespace hongfan {

/// Where and why libfyaml stopped (0-based line and column, in characters).
struct YamlSyntaxError {
  std::string message;  ///< libfyaml's own words
  int line = 0, col = 0;
  /// Flow collections ([ or {) still open when it stopped, outermost first.
  struct OpenFlow {
    int line = 0, col = 0;
    bool is_map = false;
  };
  std::vector<OpenFlow> open_flows;
};

/// Reports `err` once, at the line of the mistake, with a hint.
void report_yaml_syntax_error(std::string_view text, const YamlSyntaxError& err,
                              const YamlSource& src, Diagnostics& diags);

/// An unquoted value that a ` #` cut short: YAML read the rest of the line
/// as a comment.
struct CutValue {
  int line = 0, col = 0;  ///< 0-based, of the '#'
  std::string value;      ///< what was kept
  std::string comment;    ///< from '#' to the end of the line
  std::string whole;      ///< the value as typed, to the end of the line
  std::string head;       ///< the line before the value, e.g. "title: "
};

/// Warns about `cut` when the comment looks like part of the value (a
/// hashtag such as `#楼长夜话#`) rather than a note written on purpose
/// (`# ...` with a space after '#').
void report_cut_value(const CutValue& cut, const YamlSource& src, Diagnostics& diags);

/// For valid YAML of the wrong shape (one line of text where `key: value`
/// lines were expected): the first line written with a full-width colon,
/// as "在这一行……" advice; "" when there is none. Sets `loc`.
std::string full_width_colon_advice(std::string_view text, const YamlSource& src, SourceLoc& loc,
                                    std::string& hint);

}  // namespace hongfan
