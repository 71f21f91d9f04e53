#include "core/yaml.h"

#include <fmt/format.h>

#include <sstream>

#include "core/text.h"
#include "core/utf8.h"

namespace hongfan {

SourceLoc YamlSource::at_mark(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.line < 0) return {file, line_offset + 1, 1};
  int col = mark.column + 1;
  if (text && mark.pos >= 0 && static_cast<std::size_t>(mark.pos) <= text->size()) {
    std::string_view all(*text);
    auto pos = static_cast<std::size_t>(mark.pos);
    std::size_t start = pos == 0 ? 0 : all.rfind('\n', pos - 1);
    start = start == std::string_view::npos ? 0 : (pos == 0 ? 0 : start + 1);
    col = utf8::column_of(all.substr(start), pos - start);
  }
  return {file, mark.line + 1 + line_offset, col};
}

SourceLoc YamlSource::at(const YAML::Node& node) const {
  // A missing key yields an invalid node whose Mark() throws.
  if (!node.IsDefined()) return {file, line_offset + 1, 1};
  if (positions && node.Mark().is_null()) {
    for (const auto& [known, pos] : *positions)
      if (known.is(node)) return {file, pos.first, pos.second};
  }
  return at_mark(node.Mark());
}

std::optional<YAML::Node> parse_yaml(std::string_view text, const YamlSource& src,
                                     Diagnostics& diags) {
  try {
    // YAML::Load(std::string) builds a stringstream per call, and stream
    // construction (locale set-up) cost as much as parsing small front
    // matter; one stream per thread is reused instead.
    thread_local std::istringstream stream;
    stream.clear();
    stream.str(std::string(text));
    return YAML::Load(stream);
  } catch (const YAML::Exception& e) {
    std::string hint = "check indentation, the space after ':', and quote values that contain ':' or '#'";
    if (e.msg.find("flow") != std::string::npos)
      hint = "a [list] or {mapping} opened on this or an earlier line is not closed";
    diags.error(src.at_mark(e.mark), src.prefix() + "malformed YAML: " + e.msg, hint);
    return std::nullopt;
  }
}

namespace {
const char* kind_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: return "a single value";
    default: return "nothing";
  }
}

// The value at `key` when present and not null. (Returned by value: yaml-cpp's
// operator= assigns into a node instead of rebinding it.)
std::optional<YAML::Node> present(const YAML::Node& map, const char* key) {
  if (!map.IsMap()) return std::nullopt;
  YAML::Node v = map[key];
  if (!v.IsDefined() || v.IsNull()) return std::nullopt;
  return v;
}
// A NUL character (YAML "\0") cuts text short in C libraries and browsers
// alike: no legitimate value has one.
bool has_nul(const YAML::Node& v, const char* key, const YamlSource& src, Diagnostics& diags) {
  if (v.Scalar().find('\0') == std::string::npos) return false;
  diags.error(src.at(v), fmt::format("{}'{}' contains a NUL character (\\0)", src.prefix(), key),
              "remove the \\0 from the value");
  return true;
}
}  // namespace

std::optional<std::string> yaml_string(const YAML::Node& map, const char* key,
                                       const YamlSource& src, Diagnostics& diags) {
  auto found = present(map, key);
  if (!found) return std::nullopt;
  const YAML::Node& v = *found;
  if (!v.IsScalar()) {
    diags.error(src.at(v), fmt::format("{}'{}' must be text, not {}", src.prefix(), key, kind_name(v)));
    return std::nullopt;
  }
  if (has_nul(v, key, src, diags)) return std::nullopt;
  return v.Scalar();
}

std::optional<long long> yaml_int(const YAML::Node& map, const char* key, const YamlSource& src,
                                  Diagnostics& diags) {
  auto found = present(map, key);
  if (!found) return std::nullopt;
  const YAML::Node& v = *found;
  if (v.IsScalar()) {
    const std::string& s = v.Scalar();
    std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    bool ok = i < s.size() && s.size() - i <= 15;
    for (std::size_t j = i; ok && j < s.size(); ++j) ok = s[j] >= '0' && s[j] <= '9';
    if (ok) return std::stoll(s);
  }
  diags.error(src.at(v), fmt::format("{}'{}' must be a whole number, got '{}'", src.prefix(), key,
                                     v.IsScalar() ? v.Scalar() : kind_name(v)));
  return std::nullopt;
}

std::optional<bool> yaml_bool(const YAML::Node& map, const char* key, const YamlSource& src,
                              Diagnostics& diags) {
  auto found = present(map, key);
  if (!found) return std::nullopt;
  const YAML::Node& v = *found;
  if (v.IsScalar()) {
    std::string s = ascii_lower(v.Scalar());
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
  }
  diags.error(src.at(v), fmt::format("{}'{}' must be true or false, got '{}'", src.prefix(), key,
                                     v.IsScalar() ? v.Scalar() : kind_name(v)));
  return std::nullopt;
}

std::optional<std::vector<std::string>> yaml_string_list(const YAML::Node& map, const char* key,
                                                         const YamlSource& src,
                                                         Diagnostics& diags) {
  auto found = present(map, key);
  if (!found) return std::nullopt;
  const YAML::Node& v = *found;
  std::vector<std::string> out;
  if (v.IsScalar()) {
    if (has_nul(v, key, src, diags)) return std::nullopt;
    out.push_back(v.Scalar());
    return out;
  }
  if (!v.IsSequence()) {
    diags.error(src.at(v), fmt::format("{}'{}' must be a list like [a, b], not {}", src.prefix(),
                                       key, kind_name(v)));
    return std::nullopt;
  }
  for (const auto& item : v) {
    if (!item.IsScalar()) {
      diags.error(src.at(item), fmt::format("{}every item of '{}' must be text", src.prefix(), key));
      return std::nullopt;
    }
    if (has_nul(item, key, src, diags)) return std::nullopt;
    out.push_back(item.Scalar());
  }
  return out;
}

}  // namespace hongfan
