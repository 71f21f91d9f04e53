#include "content/front_matter.h"

#include "core/text.h"

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
      error->message = "front matter: missing; the file must start with a line `---`";
      error->hint = "did you forget `---`? begin the file with ---, then title: ..., then ---";
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
    error->message = "front matter: the `---` on this line is never closed";
    error->hint = "add a line `---` after the last front matter line";
  }
  return std::nullopt;
}

}  // namespace hongfan
