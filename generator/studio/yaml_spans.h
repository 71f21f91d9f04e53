// A YAML file as a tree of the values a form can show, each scalar with the
// byte span it occupies in the file (libfyaml's marks), so that saving a
// form replaces only the bytes of the values that changed: comments, key
// order, quoting, unknown keys and everything else a person wrote stay.
// Internal to generator/studio/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hongfan::studio {

struct YamlNode {
  enum class Kind { scalar, map, seq } kind = Kind::scalar;
  std::string key;          ///< the key in the parent map; "" in a list
  int line = 0;             ///< 1-based line of the value
  // Scalars
  std::string value;        ///< as the loaders read it
  std::size_t start = 0, end = 0;  ///< bytes of the value in the file, quotes included
  char quote = 0;           ///< '"', '\'' or 0 (plain)
  bool editable = false;    ///< one line, plain or quoted, or a `|` block: the form may rewrite it
  bool block = false;       ///< a `|` block: span = its lines, `indent` their indentation
  std::string eol = "\n";
  // Collections
  bool flow = false;        ///< written [a, b] or {k: v}
  std::size_t close = 0;    ///< flow: the byte of the closing bracket
  int indent = 0;           ///< block map: the column of its keys (0-based)
  std::vector<YamlNode> children;
};

/// The document of `text`, or nullopt when it is not YAML libfyaml accepts
/// (the build says why). Aliases and anchors are shown as fixed values.
std::optional<YamlNode> read_yaml_spans(std::string_view text);

/// One change a form asks for.
struct YamlEdit {
  std::size_t start = 0, end = 0;  ///< bytes replaced (start == end: inserted)
  std::string text;
};

/// The replacement text for scalar `node` holding `value`, written in the
/// node's own quoting where that still reads back the same.
std::string rewrite_scalar(const YamlNode& node, std::string_view value);

/// A new key `key: value` added to map `node` (flow: before its `}`; block:
/// a line after its last line). `file` is the whole text.
YamlEdit insert_key(const YamlNode& node, std::string_view file, const std::string& key, const std::string& value);

/// The lines of item `item` of a block list (from its `- ` to its last line
/// end), to delete it; nullopt when it is not written that way.
std::optional<YamlEdit> remove_item(const YamlNode& item, std::string_view file);

/// A new item after the last one of block list `list`, with `fields` (key,
/// value) in the last item's style: `- {k: v}` after a flow map, `- k: v`
/// lines after a block map. nullopt when the list is not written that way.
std::optional<YamlEdit> append_item(const YamlNode& list, std::string_view file,
                                    const std::vector<std::pair<std::string, std::string>>& fields);

/// `text` with `edits` applied (they must not overlap).
std::string apply_edits(std::string_view text, std::vector<YamlEdit> edits);

}  // namespace hongfan::studio
