// YAML with locations: every document is judged by libfyaml (a parser that
// passes the YAML test suite) and built into yaml-cpp nodes, the node model
// the rest of the code reads, each carrying its line and column. Mistakes
// staff make (a full-width colon, a tab, an unclosed quote or bracket, a
// forgotten colon) are named in their words at their line; typed accessors
// report `file:line:col` when a value has the wrong type.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/i18n.h"

namespace hongfan {

/// Line and column of YAML nodes built without marks. Nothing builds such
/// nodes since libfyaml builds every tree with marks; kept so that a caller
/// holding hand-made nodes can still locate them.
using NodePositions = std::vector<std::pair<YAML::Node, std::pair<int, int>>>;

/// Where YAML text came from: a file, and how many lines precede the text
/// in that file (front matter starts after its `---` line).
struct YamlSource {
  std::string file;
  int line_offset = 0;
  /// Prefix for messages, an English message id translated when printed,
  /// e.g. "front matter"; may be empty.
  std::string what;
  /// The text that was parsed. Not needed for locations (the parser's marks
  /// count characters, what an editor shows); kept for callers that quote it.
  std::shared_ptr<const std::string> text = nullptr;
  /// Positions of nodes built without marks: node id → file line and column.
  std::shared_ptr<const NodePositions> positions = nullptr;

  SourceLoc at(const YAML::Node& node) const;
  SourceLoc at_mark(const YAML::Mark& mark) const;
  /// `what` translated, followed by ": ", or "".
  std::string prefix() const;
};

/// Parses `text`, which must hold at most one YAML document. A document the
/// YAML specification rejects is reported once, at the line of the real
/// mistake with a hint what to type, and nullopt returned; so is a second
/// document. Text after an unquoted ` #` that cut a value short is warned
/// about. Empty text gives a null node.
std::optional<YAML::Node> parse_yaml(std::string_view text, const YamlSource& src, Diagnostics& diags);

/// The start of every message that says a document is not valid YAML (as
/// opposed to valid YAML of the wrong shape), translated.
std::string yaml_syntax_lead();

/// Typed reads of a mapping's value. Each returns nullopt when the key is
/// absent or null; a present value of the wrong type is reported as an error
/// at the value (and nullopt returned).
std::optional<std::string> yaml_string(const YAML::Node& map, const char* key,
                                       const YamlSource& src, Diagnostics& diags);
std::optional<long long> yaml_int(const YAML::Node& map, const char* key, const YamlSource& src,
                                  Diagnostics& diags);
std::optional<bool> yaml_bool(const YAML::Node& map, const char* key, const YamlSource& src,
                              Diagnostics& diags);
/// A list of strings; a single scalar is taken as a one-element list.
std::optional<std::vector<std::string>> yaml_string_list(const YAML::Node& map, const char* key,
                                                         const YamlSource& src,
                                                         Diagnostics& diags);

/// What a YAML text says, hashed: its tree (kinds, tags, keys and values in
/// order), without comments, blank lines and positions. Nullopt when the
/// text is not valid UTF-8 or parse_yaml has anything to say about it (an
/// error, or a warning such as a value a ` #` cut short): such a text is
/// only ever judged by its bytes. A build after an edit that changes only
/// the comments of site.yaml or data/ writes nothing (site/build_record.h).
std::optional<std::uint64_t> yaml_meaning(std::string_view text);

/// The scalar's text, for nodes already known to be scalars.
inline const std::string& scalar(const YAML::Node& n) { return n.Scalar(); }

}  // namespace hongfan
