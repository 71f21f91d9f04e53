// WeChat names the photos it saves "微信图片_20261201 (2).JPG": a space and
// brackets, which CommonMark does not accept in `![说明](…)` unless the path
// is written in angle brackets, so the image showed as literal text. Staff
// write the path as it is; this puts the brackets in for them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hongfan {

/// `text` with each image destination that has a space or bracket and ends
/// in an image or video extension (.jpg .jpeg .png .gif .webp .heic .heif
/// .mp4, any case) written as `<path>`; nullopt when nothing needed it.
/// Lines of fenced code blocks are left alone. Lines keep their numbers.
std::optional<std::string> bracket_spaced_image_paths(std::string_view text);

}  // namespace hongfan
