#include "content/simple_yaml.h"

#include <set>

#include "core/utf8.h"

namespace hongfan {

namespace {

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// Strips a trailing ` # comment` and blanks; false when the rest is unsafe.
std::string_view strip_comment(std::string_view v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] == '#' && (i == 0 || v[i - 1] == ' ')) return v.substr(0, i);
  return v;
}

std::string_view rtrim(std::string_view v) {
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return v;
}

// Plain scalars that YAML reads as something other than text, or that start
// with an indicator, are left to yaml-cpp.
bool plain_is_simple(std::string_view v) {
  if (v.empty()) return false;
  if (std::string_view("[]{}#&*!|>'\"%@`,?:-~").find(v.front()) != std::string_view::npos) return false;
  if (v == "null" || v == "Null" || v == "NULL") return false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (c == '\t' || static_cast<unsigned char>(c) < 0x20) return false;
    if (c == ':' && (i + 1 == v.size() || v[i + 1] == ' ')) return false;
  }
  return true;
}

// A quoted scalar starting at v[0]; sets `out` and `rest` (after the quote).
bool quoted(std::string_view v, std::string& out, std::string_view& rest) {
  const char q = v.front();
  out.clear();
  for (std::size_t i = 1; i < v.size(); ++i) {
    char c = v[i];
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (q == '"' && c == '\\') return false;  // escapes: leave to yaml-cpp
    if (c == q) {
      if (q == '\'' && i + 1 < v.size() && v[i + 1] == '\'') {
        out += '\'';
        ++i;
        continue;
      }
      rest = v.substr(i + 1);
      return true;
    }
    out += c;
  }
  return false;
}

YAML::Node quoted_node(const std::string& s) {
  YAML::Node n(s);
  n.SetTag("!");
  return n;
}

// `[a, "b", c]` on one line.
bool flow_list(std::string_view v, YAML::Node& out, NodePositions& where, int line, std::string_view whole_line,
               std::size_t v_offset) {
  out = YAML::Node(YAML::NodeType::Sequence);
  std::size_t i = 1;
  auto skip = [&] {
    while (i < v.size() && v[i] == ' ') ++i;
  };
  skip();
  if (i < v.size() && v[i] == ']') return rtrim(strip_comment(v.substr(i + 1))).empty();
  std::string item;
  while (i < v.size()) {
    skip();
    if (i >= v.size()) return false;
    if (v[i] == '"' || v[i] == '\'') {
      std::string_view rest;
      if (!quoted(v.substr(i), item, rest)) return false;
      YAML::Node n = quoted_node(item);
      where.emplace_back(n, std::make_pair(line, utf8::column_of(whole_line, v_offset + i)));
      out.push_back(n);
      i = v.size() - rest.size();
    } else {
      std::size_t start = i;
      while (i < v.size() && v[i] != ',' && v[i] != ']') ++i;
      std::string_view plain = rtrim(v.substr(start, i - start));
      if (!plain_is_simple(plain) || plain.find_first_of("[]{}#") != std::string_view::npos)
        return false;
      YAML::Node n{std::string(plain)};
      where.emplace_back(n, std::make_pair(line, utf8::column_of(whole_line, v_offset + start)));
      out.push_back(n);
    }
    skip();
    if (i >= v.size()) return false;
    if (v[i] == ']') return rtrim(strip_comment(v.substr(i + 1))).empty();
    if (v[i] != ',') return false;
    ++i;
    skip();
    if (i < v.size() && v[i] == ']') return false;  // trailing comma
  }
  return false;
}

}  // namespace

SimpleYaml::Position SimpleYaml::position(const std::string& key) const {
  for (const auto& p : positions)
    if (p.key == key) return p;
  return {};
}

std::optional<SimpleYaml> parse_simple_yaml(std::string_view text, int first_line) {
  SimpleYaml doc;
  doc.root = YAML::Node(YAML::NodeType::Map);
  std::set<std::string, std::less<>> seen;
  int line_no = first_line - 1;
  std::size_t pos = 0;
  std::string scalar;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (rtrim(line).empty() || line.front() == '#') continue;
    std::size_t k = 0;
    while (k < line.size() && is_key_char(line[k])) ++k;
    if (k == 0 || k >= line.size() || line[k] != ':') return std::nullopt;
    if (k + 1 < line.size() && line[k + 1] != ' ') return std::nullopt;
    std::string key(line.substr(0, k));
    if (!seen.insert(key).second) return std::nullopt;
    std::size_t vstart = k + 1;
    while (vstart < line.size() && line[vstart] == ' ') ++vstart;
    std::string_view v = line.substr(vstart);
    int col = utf8::column_of(line, vstart);
    if (rtrim(strip_comment(v)).empty()) {
      if (!rtrim(v).empty() && v.front() != '#') return std::nullopt;
      doc.root[key] = YAML::Node(YAML::NodeType::Null);
    } else if (v.front() == '"' || v.front() == '\'') {
      std::string_view rest;
      if (!quoted(v, scalar, rest) || !rtrim(strip_comment(rest)).empty()) return std::nullopt;
      doc.root[key] = quoted_node(scalar);
    } else if (v.front() == '[') {
      YAML::Node list;
      if (!flow_list(v, list, *doc.node_positions, line_no, line, vstart)) return std::nullopt;
      doc.root[key] = list;
    } else {
      std::string_view plain = rtrim(strip_comment(v));
      if (!plain_is_simple(plain)) return std::nullopt;
      doc.root[key] = YAML::Node(std::string(plain));
    }
    doc.positions.push_back({key, line_no, col});
    doc.node_positions->emplace_back(doc.root[key], std::make_pair(line_no, col));
  }
  return doc;
}

}  // namespace hongfan
