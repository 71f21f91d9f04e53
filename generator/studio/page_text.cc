#include "studio/page_text.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "content/front_matter.h"
#include "core/text.h"

namespace hongfan::studio {

namespace {

// The lines of `text`, each with its line end.
std::vector<std::string_view> lines_with_ends(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

// "title: x" at column 0 → "title"; "" for anything else.
std::string key_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '-'))
    ++i;
  if (i == 0 || line[0] == '-') return {};
  std::size_t j = i;
  while (j < line.size() && line[j] == ' ') ++j;
  if (j >= line.size() || line[j] != ':') return {};
  if (j + 1 < line.size() && line[j + 1] != ' ' && line[j + 1] != '\t' && line[j + 1] != '\r' && line[j + 1] != '\n')
    return {};
  return std::string(line.substr(0, i));
}

// A line that continues the value of the key above it: indented, or a
// block sequence item at column 0.
bool continues(std::string_view line) {
  return !line.empty() && (line[0] == ' ' || line[0] == '\t' || line[0] == '-');
}

bool blank(std::string_view line) { return trim(line).empty(); }

std::string to_lf(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string with_eol(std::string_view lf, const std::string& eol) {
  if (eol == "\n") return std::string(lf);
  std::string out;
  for (char c : lf) {
    if (c == '\n') out += eol;
    else out += c;
  }
  return out;
}

std::string display(const YAML::Node& n, bool* is_list, bool* simple) {
  *is_list = false;
  *simple = true;
  if (!n || n.IsNull()) return {};
  if (n.IsScalar()) return n.Scalar();
  if (n.IsSequence()) {
    std::string out;
    for (const auto& item : n) {
      if (!item.IsScalar()) {
        *simple = false;
        return {};
      }
      if (!out.empty()) out += ", ";
      out += item.Scalar();
    }
    *is_list = true;
    return out;
  }
  *simple = false;
  return {};
}

// Keys whose values are yes/no: written plain, so `true` stays a boolean.
bool is_flag(const std::string& key, std::string_view value) {
  static const std::set<std::string> flags = {"draft", "pinned", "featured", "public"};
  return flags.count(key) && (value == "true" || value == "false");
}

std::string key_lines(const std::string& key, std::string_view value, bool list, const std::string& eol) {
  std::string v = to_lf(value);
  if (is_flag(key, v)) return key + ": " + v + eol;
  if (list) {
    std::string out = key + ": [";
    bool first = true;
    for (const auto& item : split_list(v)) {
      if (!first) out += ", ";
      out += yaml_scalar(item);
      first = false;
    }
    return out + "]" + eol;
  }
  return key + ": " + yaml_scalar(v) + eol;
}

}  // namespace

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    auto t = trim(cur);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == ',' || value[i] == '\n') {
      flush();
    } else if (value.substr(i, 3) == "\xEF\xBC\x8C" || value.substr(i, 3) == "\xE3\x80\x81") {  // ， 、
      flush();
      i += 2;
    } else {
      cur += value[i];
    }
  }
  flush();
  return out;
}

std::string yaml_scalar(std::string_view value) {
  bool plain = !value.empty() && value.find_first_of(":#,[]{}&*!|>'\"%@`\\\n\r\t") == std::string_view::npos &&
               value.front() != ' ' && value.back() != ' ' && value.front() != '-' && value.front() != '?';
  if (plain) {
    // What a YAML reader would take for something else than this text.
    static const std::set<std::string> words = {"true", "false", "yes", "no", "on", "off", "null", "~",
                                                "True", "False", "Yes", "No", "On", "Off", "Null", "NULL",
                                                "TRUE", "FALSE", "YES", "NO", "ON", "OFF"};
    if (words.count(std::string(value))) plain = false;
  }
  if (plain) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

PageText read_page_text(std::string_view text) {
  PageText pt;
  auto split = split_front_matter(text, nullptr);
  if (!split) {
    pt.body = std::string(text);
    return pt;
  }
  pt.ok = true;
  auto first_nl = text.find('\n');
  if (first_nl != std::string_view::npos && first_nl > 0 && text[first_nl - 1] == '\r') pt.eol = "\r\n";
  pt.body = std::string(split->body);
  auto lines = lines_with_ends(split->yaml);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string key = key_of(lines[i]);
    if (key.empty()) continue;
    KeySpan span{key, split->yaml_first_line + static_cast<int>(i), split->yaml_first_line + static_cast<int>(i)};
    std::size_t last = i;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      if (continues(lines[j])) last = j;
      else if (!blank(lines[j])) break;
    }
    span.last_line = split->yaml_first_line + static_cast<int>(last);
    pt.keys.push_back(span);
    i = last;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(split->yaml));
  } catch (const YAML::Exception&) {
    return pt;  // the form shows the keys empty; validation explains why
  }
  if (!root.IsMap()) return pt;
  for (const auto& span : pt.keys) {
    bool is_list = false, simple = true;
    std::string v;
    try {
      v = display(root[span.key], &is_list, &simple);
    } catch (const YAML::Exception&) {
      simple = false;
    }
    if (!simple) continue;
    pt.values[span.key] = v;
    if (is_list) pt.list_keys.push_back(span.key);
  }
  return pt;
}

std::string key_at_line(const PageText& page, int line) {
  for (const auto& k : page.keys)
    if (line >= k.first_line && line <= k.last_line) return k.key;
  return {};
}

std::string apply_form(std::string_view original, const std::map<std::string, std::string>& fields,
                       const std::vector<std::string>& list_fields, std::string_view body) {
  PageText pt = read_page_text(original);
  auto is_list = [&](const std::string& k) {
    return std::find(list_fields.begin(), list_fields.end(), k) != list_fields.end() ||
           std::find(pt.list_keys.begin(), pt.list_keys.end(), k) != pt.list_keys.end();
  };
  if (!pt.ok) {
    std::vector<std::pair<std::string, std::string>> ordered(fields.begin(), fields.end());
    return new_page_text(ordered, list_fields, body);
  }
  auto split = split_front_matter(original, nullptr);
  // Everything up to the body, line by line; line n is head[n - 1].
  std::string_view head_text = original.substr(0, static_cast<std::size_t>(split->body.data() - original.data()));
  auto head = lines_with_ends(head_text);
  std::vector<std::string> out(head.begin(), head.end());
  int fence = split->body_first_line - 1;  // the closing `---`
  std::string added;
  for (const auto& [key, submitted] : fields) {
    std::string value = to_lf(submitted);
    auto span = std::find_if(pt.keys.begin(), pt.keys.end(), [&](const KeySpan& s) { return s.key == key; });
    if (span == pt.keys.end()) {
      if (!trim(value).empty()) added += key_lines(key, value, is_list(key), pt.eol);
      continue;
    }
    auto shown = pt.values.find(key);
    if (shown == pt.values.end() || shown->second == value) continue;  // not editable here, or unchanged
    std::string repl = trim(value).empty() ? std::string() : key_lines(key, value, is_list(key), pt.eol);
    out[span->first_line - 1] = repl;
    for (int l = span->first_line + 1; l <= span->last_line; ++l) out[l - 1].clear();
  }
  std::string result;
  for (int i = 0; i < static_cast<int>(out.size()); ++i) {
    if (i == fence - 1) result += added;
    result += out[i];
  }
  std::string new_body = with_eol(to_lf(body), pt.eol);
  // A file whose body was not changed keeps its exact bytes (mixed line
  // ends included).
  if (to_lf(body) == to_lf(pt.body)) new_body = pt.body;
  return result + new_body;
}

std::string new_page_text(const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::vector<std::string>& list_fields, std::string_view body) {
  std::string out = "---\n";
  for (const auto& [key, value] : fields) {
    if (trim(value).empty()) continue;
    bool list = std::find(list_fields.begin(), list_fields.end(), key) != list_fields.end();
    out += key_lines(key, value, list, "\n");
  }
  out += "---\n";
  std::string b = to_lf(body);
  if (!b.empty() && b.back() != '\n') b += '\n';
  return out + b;
}

}  // namespace hongfan::studio
