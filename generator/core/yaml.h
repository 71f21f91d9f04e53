// yaml-cpp with locations: parsing into diagnostics and typed accessors that
// report `file:line:col` when a value has the wrong type.
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace hongfan {

/// Line and column of YAML nodes built without marks (few per document,
/// searched only when an error is reported; yaml-cpp has only Node::is()
/// for identity).
using NodePositions = std::vector<std::pair<YAML::Node, std::pair<int, int>>>;

/// Where YAML text came from: a file, and how many lines precede the text
/// in that file (front matter starts after its `---` line).
struct YamlSource {
  std::string file;
  int line_offset = 0;
  std::string what;  ///< prefix for messages, e.g. "front matter"; may be empty
  /// The text that was parsed. When set, columns are counted in characters
  /// (what an editor shows) instead of yaml-cpp's bytes, which would put an
  /// error after Chinese text two columns too far per character.
  std::shared_ptr<const std::string> text = nullptr;
  /// Positions of nodes built without marks (the fast front matter reader):
  /// node id → file line and character column.
  std::shared_ptr<const NodePositions> positions = nullptr;

  SourceLoc at(const YAML::Node& node) const;
  SourceLoc at_mark(const YAML::Mark& mark) const;
  std::string prefix() const { return what.empty() ? std::string() : what + ": "; }
};

/// Parses `text`; on a syntax error reports it at its line and column and
/// returns nullopt.
std::optional<YAML::Node> parse_yaml(std::string_view text, const YamlSource& src, Diagnostics& diags);

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

/// The scalar's text, for nodes already known to be scalars.
inline const std::string& scalar(const YAML::Node& n) { return n.Scalar(); }

}  // namespace hongfan
