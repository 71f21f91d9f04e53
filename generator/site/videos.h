// Videos: every .mp4 under static/ is published without its metadata (phone
// videos carry the place they were taken) and under an ASCII name, and gets a
// poster frame taken from the file, both with Debian's ffmpeg at build time
// and cached by content hash beside the image cache. The poster joins the
// static files as a JPEG, so the image stage resizes it like any photo.
#pragma once

#include <filesystem>

#include "core/diagnostics.h"
#include "render/images.h"
#include "site/assets.h"

namespace hongfan {

/// Processes the .mp4 files of `statics` (renamed, stripped; posters added
/// to `statics`). Without ffmpeg, videos are published as they are, without
/// a poster, and a warning says how to install it.
VideoSet process_videos(StaticPlan& statics, const std::filesystem::path& cache, Diagnostics& diags);

}  // namespace hongfan
