// The studio's CSS and JavaScript, compiled in by cmake/embed_studio.cmake.
#pragma once

#include <optional>
#include <string_view>

namespace hongfan::studio {

/// The asset named `name` ("studio.css", "studio.js"), if there is one.
std::optional<std::string_view> studio_asset(std::string_view name);

}  // namespace hongfan::studio
