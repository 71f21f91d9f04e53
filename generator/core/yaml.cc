#include "core/yaml.h"

#include <fmt/format.h>
#include <libfyaml.h>

#include <cstring>

#include "core/hash.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/yaml_errors.h"

namespace hongfan {
struct YamlTreeAccess;
}

// yaml-cpp builds its trees with an internal NodeBuilder; outside the library
// a node can only be created inside one memory holder, with a mark, through
// Node's private constructor. Node befriends every as_if<T, S>, so this
// specialisation, for a type of our own, is that door.
namespace YAML {
template <>
struct as_if<hongfan::YamlTreeAccess, void> {
  static Node wrap(detail::node& n, const detail::shared_memory_holder& memory) {
    return Node(n, memory);
  }
};
}  // namespace YAML

namespace hongfan {

SourceLoc YamlSource::at_mark(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.line < 0) return {file, line_offset + 1, 1};
  return {file, mark.line + 1 + line_offset, mark.column + 1};
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

std::string YamlSource::prefix() const {
  return what.empty() ? std::string() : tr("{}: ", _(what.c_str()));
}

namespace {

// Appends a canonical form of `n`: each node's kind and tag, scalars and
// keys length-prefixed, maps and sequences in their order.
void append_meaning(std::string& out, const YAML::Node& n) {
  auto text = [&](const std::string& s) {
    out += std::to_string(s.size());
    out += ':';
    out += s;
  };
  switch (n.Type()) {
    case YAML::NodeType::Null: out += 'n'; break;
    case YAML::NodeType::Scalar:
      out += 's';
      text(n.Tag());
      text(n.Scalar());
      break;
    case YAML::NodeType::Sequence:
      out += 'q';
      text(n.Tag());
      out += std::to_string(n.size());
      for (const auto& item : n) append_meaning(out, item);
      break;
    case YAML::NodeType::Map:
      out += 'm';
      text(n.Tag());
      out += std::to_string(n.size());
      for (const auto& kv : n) {
        append_meaning(out, kv.first);
        append_meaning(out, kv.second);
      }
      break;
    default: out += 'u'; break;
  }
}

}  // namespace

std::optional<std::uint64_t> yaml_meaning(std::string_view text) {
  if (!utf8::valid(text)) return std::nullopt;
  Diagnostics said;
  auto tree = parse_yaml(text, YamlSource{}, said);
  if (!tree || said.error_count() + said.warning_count() > 0) return std::nullopt;
  std::string canonical;
  append_meaning(canonical, *tree);
  return fnv1a64(canonical);
}

std::string yaml_syntax_lead() { return _("not valid YAML: "); }

namespace {

// One libfyaml parser per thread, reused: creating one costs more than
// parsing a page's front matter. After an error it is made anew, so that no
// collected error or half-read input carries over.
class Parser {
 public:
  Parser() { create(); }
  ~Parser() { destroy(); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  fy_parser* start(std::string_view text) {
    if (dirty_) {
      destroy();
      create();
    } else {
      fy_parser_reset(parser_);
    }
    dirty_ = false;
    fy_parser_set_string(parser_, text.data(), text.size());
    return parser_;
  }
  /// The first error libfyaml collected; marks the parser for renewal.
  YamlSyntaxError error() {
    dirty_ = true;
    YamlSyntaxError e;
    void* iter = nullptr;
    while (fy_diag_error* d = fy_diag_errors_iterate(diag_, &iter)) {
      if (d->type < FYET_ERROR) continue;
      e.message = d->msg ? d->msg : "";
      e.line = d->line > 0 ? d->line - 1 : 0;
      e.col = d->column > 0 ? d->column - 1 : 0;
      if (d->fyt) {
        if (const fy_mark* m = fy_token_start_mark(d->fyt)) {
          e.line = m->line;
          e.col = m->column;
        }
      }
      break;
    }
    return e;
  }

 private:
  static void quiet(fy_diag*, void*, const char*, size_t) {}
  void create() {
    fy_diag_cfg dc;
    fy_diag_cfg_default(&dc);
    dc.fp = nullptr;
    dc.output_fn = quiet;
    dc.colorize = false;
    diag_ = fy_diag_create(&dc);
    fy_diag_set_collect_errors(diag_, true);
    fy_parse_cfg cfg{};
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_COLLECT_DIAG |
                                                FYPCF_DEFAULT_VERSION_1_2);
    cfg.diag = diag_;
    parser_ = fy_parser_create(&cfg);
  }
  void destroy() {
    if (parser_) fy_parser_destroy(parser_);
    if (diag_) fy_diag_unref(diag_);
    parser_ = nullptr;
    diag_ = nullptr;
  }
  fy_parser* parser_ = nullptr;
  fy_diag* diag_ = nullptr;
  bool dirty_ = false;
};

std::string_view token_text(fy_token* t) {
  if (!t) return {};
  size_t len = 0;
  const char* s = fy_token_get_text(t, &len);
  return s ? std::string_view(s, len) : std::string_view();
}

YAML::Mark mark_of(const fy_mark* m) {
  YAML::Mark mark;
  if (m) {
    mark.pos = static_cast<int>(m->input_pos);
    mark.line = m->line;
    mark.column = m->column;
  }
  return mark;
}

// Builds yaml-cpp nodes from libfyaml's events the way yaml-cpp's own
// builder does: one memory holder, every node with its mark, plain null
// scalars as null nodes, quoted scalars tagged "!" and plain ones "?".
class TreeBuilder {
 public:
  TreeBuilder() : memory_(std::make_shared<YAML::detail::memory_holder>()) {}

  struct Frame {
    YAML::detail::node* node;
    YAML::detail::node* key = nullptr;  // a mapping's key waiting for its value
    bool is_map = false;
    bool flow = false;
    int line = 0, col = 0;  // where a flow collection's bracket is
  };

  YAML::detail::node& create(const fy_mark* m, fy_token* anchor) {
    YAML::detail::node& n = memory_->create_node();
    n.set_mark(mark_of(m));
    if (anchor) anchors_.emplace_back(std::string(token_text(anchor)), &n);
    return n;
  }

  /// Hangs a finished node on its parent (or makes it the root).
  void attach(YAML::detail::node& n) {
    if (stack_.empty()) {
      root_ = &n;
      return;
    }
    Frame& top = stack_.back();
    if (!top.is_map) {
      top.node->push_back(n, memory_);
    } else if (!top.key) {
      top.key = &n;
    } else {
      top.node->insert(*top.key, n, memory_);
      top.key = nullptr;
    }
  }
  /// Whether the next node is a mapping's value (not a key) or a list item.
  bool next_is_value() const {
    return !stack_.empty() && (!stack_.back().is_map || stack_.back().key != nullptr);
  }
  bool in_flow() const {
    for (const auto& f : stack_)
      if (f.flow) return true;
    return false;
  }
  YAML::detail::node* anchor(std::string_view name) const {
    for (auto it = anchors_.rbegin(); it != anchors_.rend(); ++it)
      if (it->first == name) return it->second;
    return nullptr;
  }

  std::vector<Frame> stack_;
  YAML::detail::node* root_ = nullptr;
  YAML::detail::shared_memory_holder memory_;

 private:
  std::vector<std::pair<std::string, YAML::detail::node*>> anchors_;
};

std::string tag_of(fy_token* tag, std::string_view fallback) {
  if (!tag) return std::string(fallback);
  return std::string(token_text(tag));
}

bool is_null_plain(std::string_view v) {
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// Where the line holding byte `pos` ends.
std::size_t line_end(std::string_view text, std::size_t pos) {
  auto nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl;
}

}  // namespace

std::optional<YAML::Node> parse_yaml(std::string_view text, const YamlSource& src, Diagnostics& diags) {
  thread_local Parser parser;
  fy_parser* p = parser.start(text);
  TreeBuilder b;
  int documents = 0;
  YAML::Mark second_document;
  bool ok = true;
  std::vector<CutValue> cut;  // plain values a ` #` cut short
  std::vector<YamlSyntaxError::OpenFlow> open_flows;
  std::string undefined_alias;
  YAML::Mark alias_mark;
  while (fy_event* e = fy_parser_parse(p)) {
    switch (e->type) {
      case FYET_DOCUMENT_START:
        if (++documents == 2) second_document = mark_of(fy_event_start_mark(e));
        break;
      case FYET_SCALAR: {
        const auto style = fy_token_scalar_style(e->scalar.value);
        const fy_mark* m = fy_event_start_mark(e);
        fy_mark start = m ? *m : fy_mark{};
        // The mark is the first character of the text; a quoted value is
        // located at its opening quote, as an editor shows it.
        if ((style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) && start.input_pos > 0) {
          --start.input_pos;
          --start.column;
        }
        if (documents > 1) break;  // refused below; only validated
        std::string_view value = token_text(e->scalar.value);
        const bool plain = style == FYSS_PLAIN;
        if (plain && b.next_is_value() && !b.in_flow()) {
          if (const fy_mark* end = fy_event_end_mark(e)) {
            std::size_t after = end->input_pos;
            std::size_t eol = line_end(text, after);
            std::size_t i = after;
            while (i < eol && (text[i] == ' ' || text[i] == '\t')) ++i;
            if (i > after && i < eol && text[i] == '#') {
              std::size_t head = text.rfind('\n', start.input_pos == 0 ? 0 : start.input_pos - 1);
              head = (head == std::string_view::npos || start.input_pos == 0) ? 0 : head + 1;
              std::string_view whole = text.substr(start.input_pos, eol - start.input_pos);
              while (!whole.empty() && (whole.back() == ' ' || whole.back() == '\r')) whole.remove_suffix(1);
              cut.push_back({end->line, static_cast<int>(end->column + (i - after)), std::string(value),
                             std::string(text.substr(i, eol - i)), std::string(whole),
                             std::string(text.substr(head, start.input_pos - head))});
            }
          }
        }
        YAML::detail::node& n = b.create(&start, e->scalar.anchor);
        if (plain && !e->scalar.tag && is_null_plain(value)) {
          n.set_null();
        } else {
          n.set_scalar(std::string(value));
          n.set_tag(tag_of(e->scalar.tag, plain ? "?" : "!"));
        }
        b.attach(n);
        break;
      }
      case FYET_SEQUENCE_START:
      case FYET_MAPPING_START: {
        const bool map = e->type == FYET_MAPPING_START;
        const bool flow = fy_event_get_node_style(e) == FYNS_FLOW;
        const fy_mark* m = fy_event_start_mark(e);
        if (flow && m) open_flows.push_back({m->line, m->column, map});
        if (documents > 1) break;
        YAML::detail::node& n = b.create(m, map ? e->mapping_start.anchor : e->sequence_start.anchor);
        n.set_type(map ? YAML::NodeType::Map : YAML::NodeType::Sequence);
        n.set_tag(tag_of(map ? e->mapping_start.tag : e->sequence_start.tag, "?"));
        n.set_style(flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block);
        b.stack_.push_back({&n, nullptr, map, flow, m ? m->line : 0, m ? m->column : 0});
        break;
      }
      case FYET_SEQUENCE_END:
      case FYET_MAPPING_END: {
        if (!open_flows.empty() && fy_event_get_node_style(e) == FYNS_FLOW) open_flows.pop_back();
        if (documents > 1 || b.stack_.empty()) break;
        YAML::detail::node* n = b.stack_.back().node;
        b.stack_.pop_back();
        b.attach(*n);
        break;
      }
      case FYET_ALIAS: {
        if (documents > 1) break;
        std::string_view name = token_text(e->alias.anchor);
        if (YAML::detail::node* target = b.anchor(name)) {
          b.attach(*target);
        } else if (undefined_alias.empty()) {
          undefined_alias = std::string(name);
          alias_mark = mark_of(fy_event_start_mark(e));
        }
        break;
      }
      default:
        break;
    }
    fy_parser_event_free(p, e);
  }
  if (fy_parser_get_stream_error(p)) {
    YamlSyntaxError err = parser.error();
    err.open_flows = std::move(open_flows);
    report_yaml_syntax_error(text, err, src, diags);
    ok = false;
  } else if (!undefined_alias.empty()) {
    diags.error(src.at_mark(alias_mark),
                src.prefix() + yaml_syntax_lead() +
                    tr("'*{}' refers to '&{}', which is not defined before it", undefined_alias,
                       undefined_alias),
                _("define the anchor with &NAME before using *NAME, or remove the '*'"));
    ok = false;
  } else if (documents > 1) {
    diags.error(src.at_mark(second_document),
                src.prefix() + _("a second document starts here: one file holds one set of settings"),
                _("remove this '---' line (and the '...' line, if any), or move what follows to its own file"));
    ok = false;
  }
  if (!ok) return std::nullopt;
  for (const auto& c : cut) report_cut_value(c, src, diags);
  if (!b.root_) return YAML::Node(YAML::NodeType::Null);
  return YAML::as_if<YamlTreeAccess, void>::wrap(*b.root_, b.memory_);
}

namespace {
const char* kind_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Sequence: return _("a list");
    case YAML::NodeType::Map: return _("a group of settings");
    case YAML::NodeType::Scalar: return _("a single value");
    default: return _("nothing");
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
  diags.error(src.at(v), src.prefix() + tr("'{}' contains a NUL character (\\0)", key),
              _("remove the \\0 from the value"));
  return true;
}
}  // namespace

std::optional<std::string> yaml_string(const YAML::Node& map, const char* key,
                                       const YamlSource& src, Diagnostics& diags) {
  auto found = present(map, key);
  if (!found) return std::nullopt;
  const YAML::Node& v = *found;
  if (!v.IsScalar()) {
    diags.error(src.at(v), src.prefix() + tr("'{}' must be text, not {}", key, kind_name(v)),
                tr("write one piece of text after the colon, like `{}: 文字`; put it in quotes when it starts with [ or holds a colon", key));
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
  diags.error(src.at(v), src.prefix() + tr("'{}' must be a whole number, got '{}'", key,
                                           v.IsScalar() ? v.Scalar() : kind_name(v)),
              tr("write the number in digits only, like `{}: 30`", key));
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
  diags.error(src.at(v), src.prefix() + tr("'{}' must be true or false, got '{}'", key,
                                           v.IsScalar() ? v.Scalar() : kind_name(v)),
              tr("write `{}: true` (yes) or `{}: false` (no)", key, key));
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
    diags.error(src.at(v), src.prefix() + tr("'{}' must be a list like [a, b], not {}", key, kind_name(v)),
                tr("write it like `{}: [甲, 乙]`, or one item per line starting with `- `", key));
    return std::nullopt;
  }
  for (const auto& item : v) {
    if (!item.IsScalar()) {
      diags.error(src.at(item), src.prefix() + tr("every item of '{}' must be text", key),
                  tr("write each item as plain text, like `{}: [甲, 乙]`", key));
      return std::nullopt;
    }
    if (has_nul(item, key, src, diags)) return std::nullopt;
    out.push_back(item.Scalar());
  }
  return out;
}

}  // namespace hongfan
