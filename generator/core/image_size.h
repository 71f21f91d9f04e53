// Reading an image's pixel size from its header (PNG, JPEG, GIF, WebP),
// without decoding it: share cards need og:image:width/height.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace hongfan {

/// {width, height}, or nullopt when the bytes are not an image we know.
std::optional<std::pair<int, int>> image_size(std::string_view bytes);

}  // namespace hongfan
