// Positions in raw text for the inspector rules (line and character column,
// what an editor shows).
#include "check/inspector.h"
#include "core/utf8.h"

namespace hongfan {

TextPos text_position(std::string_view text, std::size_t offset) {
  TextPos p{1, 1};
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++p.line;
      line_start = i + 1;
    }
  p.col = static_cast<int>(utf8::length(text.substr(line_start, offset - line_start))) + 1;
  return p;
}

int line_of_key(std::string_view text, std::string_view key) {
  int line = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view l = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    std::size_t i = l.find_first_not_of(" \t-{");
    if (i != std::string_view::npos && l.substr(i, key.size()) == key && l.substr(i + key.size(), 1) == ":")
      return line;
    if (end == std::string_view::npos) break;
    start = end + 1;
    ++line;
  }
  return 0;
}

}  // namespace hongfan
