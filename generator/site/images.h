// Images: every raster image under static/ (theme and site) is published
// with its metadata stripped (EXIF/GPS must not tell where residents live)
// and resized with libvips to kWidths as WebP plus a JPEG (PNG when it has
// transparency) fallback. Results are cached by content hash in
// .hongfan-cache/ beside the output, so an unchanged image is never
// processed twice. JPEG, PNG and WebP in any case of extension, and HEIC
// (published as JPEG). Markdown <img> tags that show such an image become
// <picture> with srcset, sizes, width/height and loading="lazy" (the first
// of a page without cover loads at once); those that show a video become
// <video>; front matter galleries and videos are added (site/media.h).
#pragma once

#include "content/collection.h"
#include "core/diagnostics.h"
#include "render/images.h"
#include "site/assets.h"

namespace hongfan {

inline constexpr int kImageWidths[] = {360, 720, 1080};

/// Processes the images of `statics` (their published bytes and the new
/// variants are added to it) and rewrites the pages' images. The cache is
/// kept beside `output_dir`. (A stage of build(): it takes what it needs,
/// not BuildOptions, so it does not include the pipeline that calls it.)
ImageSet process_images(StaticPlan& statics, ContentSet& content, const std::string& output_dir,
                        Diagnostics& diags);

/// The ASCII name, without extension, under which a file of static/ and
/// its versions are published: the staff's name when it is plain ASCII,
/// else a hash of it in the nearest plain folder ("images/合影.jpg" →
/// "images/img-1a2b3c4d5e6f"), so no URL is ever percent-encoded.
std::string published_stem(const std::string& published);

/// The folder the image cache lives in for an output folder.
std::string image_cache_dir(const std::string& output_dir);

/// `bytes` (a JPEG, PNG or WebP) turned upright and saved again without
/// EXIF, GPS, XMP or IPTC, in its own format (`ext`: ".jpg", ".png",
/// ".webp"). Throws std::runtime_error when libvips cannot read it. The
/// studio stores uploads this way, so an original with GPS is never kept.
std::string without_metadata_bytes(const std::string& bytes, const std::string& ext);

}  // namespace hongfan
