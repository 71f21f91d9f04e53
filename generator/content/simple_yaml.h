// A fast path for the front matter nearly every page has: one `key: value`
// per line, values that are plain or quoted text or a one-line `[a, b]` list.
//
// yaml-cpp spends about 350,000 instructions on a six-line front matter
// (a quarter of a whole build); this reader does the common shape in a few
// thousand and answers "not simple" for anything else, which then goes to
// yaml-cpp. It builds the same YAML::Node tree yaml-cpp would (quoted
// scalars carry the "!" tag, as yaml-cpp's do); a differential test keeps
// the two in step.
#pragma once

#include <yaml-cpp/yaml.h>

#include "core/yaml.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hongfan {

struct SimpleYaml {
  YAML::Node root;  ///< a mapping
  /// 1-based line and column of each top-level value, in file order.
  struct Position {
    std::string key;
    int line = 0, col = 0;
  };
  std::vector<Position> positions;
  /// The same for every value node and list item, for YamlSource::positions.
  std::shared_ptr<NodePositions> node_positions = std::make_shared<NodePositions>();

  /// Where the value of `key` starts (line 0 when absent).
  Position position(const std::string& key) const;
};

/// Parses `text` when it has the simple shape described above; nullopt
/// otherwise (the caller then uses yaml-cpp). `first_line` is the file line
/// of the text's first line.
std::optional<SimpleYaml> parse_simple_yaml(std::string_view text, int first_line);

}  // namespace hongfan
