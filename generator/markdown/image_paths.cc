#include "markdown/image_paths.h"

#include <array>
#include <cctype>

namespace hongfan {

namespace {

// The length of the extension + ')' that ends a destination at `pos`
// (pointing at '.'), or 0.
std::size_t extension_end(std::string_view line, std::size_t pos) {
  static constexpr std::array<std::string_view, 8> kExts = {".jpg", ".jpeg", ".png", ".gif",
                                                            ".webp", ".heic", ".heif", ".mp4"};
  for (std::string_view ext : kExts) {
    if (pos + ext.size() >= line.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < ext.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(line[pos + i])) == ext[i];
    if (same && line[pos + ext.size()] == ')') return ext.size();
  }
  return 0;
}

bool is_fence(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return line.substr(i, 3) == "```" || line.substr(i, 3) == "~~~";
}

// Rewrites one line; true when it changed.
bool fix_line(std::string_view line, std::string& out) {
  bool changed = false;
  std::size_t pos = 0;
  for (;;) {
    std::size_t bang = line.find("![", pos);
    if (bang == std::string_view::npos) break;
    std::size_t close = line.find("](", bang + 2);
    if (close == std::string_view::npos) break;
    std::size_t start = close + 2;
    std::size_t end = std::string_view::npos, ext = 0;
    if (start < line.size() && line[start] != '<') {
      for (std::size_t i = start; i < line.size(); ++i)
        if (line[i] == '.' && (ext = extension_end(line, i)) > 0) {
          end = i + ext;  // the ')' that closes the image
          break;
        }
    }
    if (end == std::string_view::npos) {
      out.append(line.substr(pos, start - pos));
      pos = start;
      continue;
    }
    std::string_view dest = line.substr(start, end - start);
    out.append(line.substr(pos, start - pos));
    if (dest.find_first_of(" ()") != std::string_view::npos && dest.find_first_of("<>") == std::string_view::npos) {
      out += '<';
      out.append(dest);
      out += '>';
      changed = true;
    } else {
      out.append(dest);
    }
    pos = end;
  }
  out.append(line.substr(pos));
  return changed;
}

}  // namespace

std::optional<std::string> bracket_spaced_image_paths(std::string_view text) {
  if (text.find("![") == std::string_view::npos) return std::nullopt;
  std::string out;
  out.reserve(text.size() + 16);
  bool changed = false, in_fence = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(pos, end - pos);
    if (is_fence(line)) in_fence = !in_fence;
    if (in_fence || line.find("![") == std::string_view::npos) out.append(line);
    else changed = fix_line(line, out) || changed;
    pos = end;
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace hongfan
