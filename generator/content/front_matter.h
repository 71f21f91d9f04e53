// Splitting a Markdown file into its YAML front matter and body.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/yaml.h"

namespace hongfan {

struct FrontMatterSplit {
  std::string_view yaml;  ///< between the `---` lines
  std::string_view body;  ///< after the closing line
  int yaml_first_line = 2;  ///< 1-based line of the first YAML line
  int body_first_line = 1;  ///< 1-based line where the body starts
};

struct FrontMatterError {
  int line = 1;
  std::string message;
  std::string hint;
};

/// Splits `---\n yaml \n---\n body`. A UTF-8 BOM and CRLF line ends are
/// accepted; the closing line may be `---` or `...`.
std::optional<FrontMatterSplit> split_front_matter(std::string_view text, FrontMatterError* error);

/// Reads the YAML between the `---` lines (judged by libfyaml, see
/// core/yaml.h) into a mapping, for `src` (its `line_offset` is where the
/// text starts). Empty front matter is an empty mapping. Valid YAML of
/// another shape (a single line of text, a list) is reported as such, not as
/// invalid YAML; nullopt when anything was reported.
std::optional<YAML::Node> parse_front_matter(std::string_view yaml, const YamlSource& src,
                                             Diagnostics& diags);

}  // namespace hongfan
