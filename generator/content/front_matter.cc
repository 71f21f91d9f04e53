#include "content/front_matter.h"

#include "core/i18n.h"
#include "core/text.h"
#include "core/yaml_errors.h"

namespace hongfan {

namespace {
bool is_fence(std::string_view line, std::string_view fence) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == fence;
}
}  // namespace

std::optional<FrontMatterSplit> split_front_matter(std::string_view text, FrontMatterError* error) {
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  auto first_nl = text.find('\n');
  std::string_view first = text.substr(0, first_nl);
  if (!is_fence(first, "---")) {
    if (error) {
      error->line = 1;
      error->message = _("front matter: missing; the file must start with a line `---`");
      error->hint = _("did you forget `---`? begin the file with ---, then title: ..., then ---");
    }
    return std::nullopt;
  }
  if (first_nl == std::string_view::npos) first_nl = text.size();
  std::size_t pos = first_nl + 1;
  int line = 2;
  while (pos <= text.size()) {
    auto nl = text.find('\n', pos);
    std::string_view l = text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
    if (is_fence(l, "---") || is_fence(l, "...")) {
      FrontMatterSplit s;
      s.yaml = text.substr(first_nl + 1, pos - (first_nl + 1));
      s.yaml_first_line = 2;
      s.body = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      s.body_first_line = line + 1;
      return s;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
    ++line;
  }
  if (error) {
    error->line = 1;
    error->message = _("front matter: the `---` on this line is never closed");
    error->hint = _("add a line `---` after the last front matter line");
  }
  return std::nullopt;
}

std::optional<YAML::Node> parse_front_matter(std::string_view yaml, const YamlSource& src,
                                             Diagnostics& diags) {
  auto fm = parse_yaml(yaml, src, diags);
  if (!fm) return std::nullopt;
  if (fm->IsNull()) return YAML::Node(YAML::NodeType::Map);
  if (fm->IsMap()) return fm;
  // Valid YAML, but not `key: value` lines. One line of text is most often
  // `title：标题` with a full-width colon: say so.
  SourceLoc loc = src.at(*fm);
  std::string hint;
  std::string why = full_width_colon_advice(yaml, src, loc, hint);
  if (why.empty()) {
    why = fm->IsSequence() ? _("it is a list") : _("it is a single piece of text");
    hint = _("write one setting per line, like title: 社区开展垃圾分类宣传活动");
  }
  diags.error(loc, src.prefix() + tr("must be 'name: value' lines: {}", why), hint);
  return std::nullopt;
}

}  // namespace hongfan
