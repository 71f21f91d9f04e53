// Finds and loads hongfan-vips.so, the photo module (imaging/vips_api.h),
// the first time a photo needs work.
#pragma once

#include <stdexcept>

#include "imaging/vips_api.h"

namespace hongfan {

/// The module could not be loaded; what() says why, in the user's language.
struct ImageCodecMissing : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The photo module's functions. Looks beside the running program first
/// (a build tree, or an unpacked copy), then in the folder it was installed
/// to. Throws ImageCodecMissing when neither has a usable module; thread-safe.
const imaging::Api& image_codec();

/// Where an installed hongfan keeps the module (for messages).
const char* image_codec_install_dir();

}  // namespace hongfan
