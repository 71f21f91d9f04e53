#include "studio/yaml_spans.h"

#include <libfyaml.h>

#include <algorithm>

#include "core/text.h"
#include "studio/page_text.h"

namespace hongfan::studio {

namespace {

std::string_view token_text(fy_token* t) {
  if (!t) return {};
  size_t len = 0;
  const char* s = fy_token_get_text(t, &len);
  return s ? std::string_view(s, len) : std::string_view();
}

// Builds the tree while the events arrive: the open collections, and in a
// map whether the next scalar is a key.
struct Builder {
  std::vector<YamlNode> stack;
  std::vector<bool> want_key;   ///< per open collection: the next node is a map key
  std::vector<std::string> pending_key;
  std::optional<YamlNode> root;
  int flow_depth = 0;

  // Takes a finished node into its parent (or as the root). Returns false
  // when the node was a map key (kept as the parent's pending key).
  void attach(YamlNode n) {
    if (stack.empty()) {
      root = std::move(n);
      return;
    }
    auto& parent = stack.back();
    if (parent.kind == YamlNode::Kind::map) {
      if (want_key.back()) {
        pending_key.back() = n.kind == YamlNode::Kind::scalar ? n.value : std::string();
        want_key.back() = false;
        return;
      }
      n.key = pending_key.back();
      want_key.back() = true;
    }
    parent.children.push_back(std::move(n));
  }
};

bool one_line(std::string_view text, std::size_t a, std::size_t b) {
  return b >= a && b <= text.size() && text.substr(a, b - a).find('\n') == std::string_view::npos;
}

std::string double_quoted(std::string_view v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out + "\"";
}

}  // namespace

std::optional<YamlNode> read_yaml_spans(std::string_view text) {
  // Silent: the build (run on the same text) says what is wrong, in Chinese.
  fy_diag_cfg dc;
  fy_diag_cfg_default(&dc);
  dc.fp = nullptr;
  dc.output_fn = [](fy_diag*, void*, const char*, size_t) {};
  dc.colorize = false;
  fy_diag* diag = fy_diag_create(&dc);
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2);
  cfg.diag = diag;
  fy_parser* p = fy_parser_create(&cfg);
  if (!p) {
    if (diag) fy_diag_unref(diag);
    return std::nullopt;
  }
  fy_parser_set_string(p, text.data(), text.size());
  Builder b;
  int documents = 0;
  while (fy_event* e = fy_parser_parse(p)) {
    const fy_mark* sm = fy_event_start_mark(e);
    const fy_mark* em = fy_event_end_mark(e);
    switch (e->type) {
      case FYET_DOCUMENT_START:
        ++documents;
        break;
      case FYET_SCALAR: {
        YamlNode n;
        n.value = std::string(token_text(e->scalar.value));
        auto style = fy_token_scalar_style(e->scalar.value);
        n.line = sm ? sm->line + 1 : 0;
        std::size_t a = sm ? sm->input_pos : 0, z = em ? em->input_pos : a;
        if (style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) {
          n.quote = style == FYSS_SINGLE_QUOTED ? '\'' : '"';
          // The start mark is inside the quote; the span takes both quotes.
          if (a > 0 && text[a - 1] == n.quote) --a;
          bool closed = z > a + 1 && text[z - 1] == n.quote;
          if (!closed && z < text.size() && text[z] == n.quote) ++z;
        }
        n.start = a;
        n.end = z;
        n.editable = (style == FYSS_PLAIN || n.quote) && one_line(text, a, z) && !e->scalar.anchor && !e->scalar.tag &&
                     (n.quote == 0 || (z > a + 1 && text[z - 1] == n.quote));
        if (style == FYSS_PLAIN && n.value.empty()) n.editable = false;
        // `key: |` with its lines: the lines are rewritten, the `|` stays.
        if (style == FYSS_LITERAL && a > 0 && !e->scalar.anchor && !e->scalar.tag) {
          std::size_t head = text.rfind('\n', a - 1);
          std::size_t bar = head == std::string_view::npos ? std::string_view::npos : text.rfind('|', head);
          std::string_view header = bar == std::string_view::npos ? std::string_view() : trim(text.substr(bar, head - bar));
          if (header == "|") {
            n.block = true;
            n.editable = true;
            std::size_t i = a;
            while (i < text.size() && text[i] == ' ') ++i;
            n.indent = static_cast<int>(i - a);
            n.eol = text.find("\r\n", a) == std::string_view::npos ? "\n" : "\r\n";
          }
        }  // `key:` with nothing: no span to rewrite
        n.flow = b.flow_depth > 0;  // for a scalar: inside [ ] or { }
        b.attach(std::move(n));
        break;
      }
      case FYET_MAPPING_START:
      case FYET_SEQUENCE_START: {
        YamlNode n;
        n.kind = e->type == FYET_MAPPING_START ? YamlNode::Kind::map : YamlNode::Kind::seq;
        n.flow = fy_event_get_node_style(e) == FYNS_FLOW;
        n.line = sm ? sm->line + 1 : 0;
        n.start = sm ? sm->input_pos : 0;
        n.indent = sm ? sm->column : 0;
        if (n.flow) ++b.flow_depth;
        b.stack.push_back(std::move(n));
        b.want_key.push_back(b.stack.back().kind == YamlNode::Kind::map);
        b.pending_key.emplace_back();
        break;
      }
      case FYET_MAPPING_END:
      case FYET_SEQUENCE_END: {
        if (b.stack.empty()) break;
        YamlNode n = std::move(b.stack.back());
        b.stack.pop_back();
        b.want_key.pop_back();
        b.pending_key.pop_back();
        if (n.flow) {
          --b.flow_depth;
          n.close = sm ? sm->input_pos : 0;
        }
        b.attach(std::move(n));
        break;
      }
      case FYET_ALIAS: {
        YamlNode n;
        n.value = "*" + std::string(token_text(e->alias.anchor));
        n.line = sm ? sm->line + 1 : 0;
        b.attach(std::move(n));
        break;
      }
      default:
        break;
    }
    fy_parser_event_free(p, e);
  }
  bool failed = fy_parser_get_stream_error(p);
  fy_parser_destroy(p);
  if (diag) fy_diag_unref(diag);
  if (failed || documents > 1) return std::nullopt;
  if (!b.root) {  // an empty file: an empty map
    YamlNode empty;
    empty.kind = YamlNode::Kind::map;
    return empty;
  }
  return b.root;
}

std::string rewrite_scalar(const YamlNode& node, std::string_view value) {
  if (node.block) {
    // Lines of a `|` block, indented as before; the block keeps one final
    // line end (the `|` without + or -).
    std::string out;
    for (auto line : split_lines(value)) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      out += (trim(line).empty() ? std::string() : std::string(node.indent, ' ') + std::string(line)) + node.eol;
    }
    while (out.size() > node.eol.size() && ends_with(out, node.eol + node.eol)) out.resize(out.size() - node.eol.size());
    return out.empty() ? std::string(node.indent, ' ') + node.eol : out;
  }
  if (node.quote == '\'') {
    if (value.find('\n') == std::string_view::npos) {
      std::string out = "'";
      for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
      return out + "'";
    }
    return double_quoted(value);
  }
  if (node.quote == '"') return double_quoted(value);
  // A plain true/false/number stays plain when it was: the loaders read
  // the type, and yaml_scalar() would quote it.
  if (!node.value.empty() && (value == "true" || value == "false") && (node.value == "true" || node.value == "false"))
    return std::string(value);
  std::string plain = yaml_scalar(value);
  // In [ ] or { } a comma or bracket would end the value early.
  if (node.flow && plain.find_first_of(",[]{}") != std::string::npos && plain[0] != '"') return double_quoted(value);
  return plain;
}

namespace {

std::size_t last_byte(const YamlNode& n) {
  std::size_t out = n.kind == YamlNode::Kind::scalar ? n.end : std::max(n.start, n.close);
  for (const auto& c : n.children) out = std::max(out, last_byte(c));
  return out;
}

}  // namespace

YamlEdit insert_key(const YamlNode& node, std::string_view file, const std::string& key, const std::string& value) {
  YamlNode probe;
  probe.flow = node.flow;
  // A yes/no flag is written as YAML's boolean, not the string "true".
  bool flag = value == "true" || value == "false";
  std::string pair = key + ": " + (flag ? value : rewrite_scalar(probe, value));
  if (node.flow) return {node.close, node.close, (node.children.empty() ? "" : ", ") + pair};
  std::size_t at = last_byte(node);
  std::size_t eol = file.find('\n', at);
  bool crlf = eol != std::string_view::npos && eol > 0 && file[eol - 1] == '\r';
  if (eol == std::string_view::npos) return {file.size(), file.size(), "\n" + std::string(node.indent, ' ') + pair};
  return {eol + 1, eol + 1, std::string(node.indent, ' ') + pair + (crlf ? "\r\n" : "\n")};
}

namespace {

// Where the line holding `pos` starts, if only spaces and one `- ` precede
// `pos` on it; the column of the dash in `*dash`.
std::optional<std::size_t> dash_line(std::string_view file, std::size_t pos, int* dash) {
  std::size_t head = pos == 0 ? 0 : file.rfind('\n', pos - 1);
  head = head == std::string_view::npos ? 0 : head + 1;
  std::string_view lead = file.substr(head, pos - head);
  std::size_t d = lead.find_first_not_of(' ');
  if (d == std::string_view::npos || lead[d] != '-' || lead.find_first_not_of(' ', d + 1) != std::string_view::npos)
    return std::nullopt;
  *dash = static_cast<int>(d);
  return head;
}

// A new value: a yes/no as YAML's boolean, anything else as rewrite_scalar().
std::string value_text(const YamlNode& probe, const std::string& value) {
  return value == "true" || value == "false" ? value : rewrite_scalar(probe, value);
}

std::size_t after_line(std::string_view file, std::size_t pos) {
  std::size_t eol = file.find('\n', pos == 0 ? 0 : pos - 1);
  return eol == std::string_view::npos ? file.size() : eol + 1;
}

}  // namespace

std::optional<YamlEdit> remove_item(const YamlNode& item, std::string_view file) {
  int dash = 0;
  auto head = dash_line(file, item.start, &dash);
  if (!head) return std::nullopt;
  return YamlEdit{*head, after_line(file, last_byte(item)), ""};
}

std::optional<YamlEdit> append_item(const YamlNode& list, std::string_view file,
                                    const std::vector<std::pair<std::string, std::string>>& fields) {
  if (list.flow || list.children.empty() || fields.empty()) return std::nullopt;
  const YamlNode& last = list.children.back();
  if (last.kind != YamlNode::Kind::map) return std::nullopt;
  int dash = 0;
  if (!dash_line(file, last.start, &dash)) return std::nullopt;
  std::size_t at = after_line(file, last_byte(last));
  std::string eol = at >= 2 && file[at - 2] == '\r' ? "\r\n" : "\n";
  YamlNode probe;
  probe.flow = last.flow;
  std::string text = std::string(dash, ' ') + "- ";
  if (last.flow) {
    text += "{";
    for (std::size_t i = 0; i < fields.size(); ++i)
      text += (i ? ", " : "") + fields[i].first + ": " + value_text(probe, fields[i].second);
    text += "}" + eol;
  } else {
    for (std::size_t i = 0; i < fields.size(); ++i)
      text += (i ? std::string(last.indent, ' ') : "") + fields[i].first + ": " + value_text(probe, fields[i].second) + eol;
  }
  if (at == file.size() && !file.empty() && file.back() != '\n') text = eol + text;
  return YamlEdit{at, at, text};
}

std::string apply_edits(std::string_view text, std::vector<YamlEdit> edits) {
  std::sort(edits.begin(), edits.end(), [](const YamlEdit& a, const YamlEdit& b) { return a.start > b.start; });
  std::string out(text);
  for (const auto& e : edits) out.replace(e.start, e.end - e.start, e.text);
  return out;
}

}  // namespace hongfan::studio
