// The one part of hongfan that touches libvips, built as a module of its own
// (hongfan-vips.so) and loaded by site/image_codec.cc the first time a photo
// needs work. libvips brings about a hundred shared libraries (HEIF, SVG,
// PDF, OpenEXR …): linked into the binary they cost every run 16 MiB of
// memory and 35 ms before main(), although most builds process no image
// (the resized versions are cached beside the output).
//
// Both sides are compiled from this tree with the same compiler, so the
// interface is plain C++; errors come back as text, never as exceptions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace hongfan::imaging {

/// Changes whenever Api or the types below change: a module left over from
/// another version is refused instead of misread.
inline constexpr int kApiVersion = 1;

enum class Format { kJpeg, kPng, kWebp, kHeif };

/// One photo, upright and without EXIF, GPS, XMP or IPTC.
struct Processed {
  std::string original;  ///< in its own format (HEIF: as JPEG)
  int width = 0, height = 0;
  Format fallback = Format::kJpeg;  ///< the variants' non-WebP format: JPEG, or PNG with transparency
  struct Variant {
    int width = 0, height = 0;
    std::string webp, fallback;
  };
  std::vector<Variant> variants;  ///< one per width asked for that is smaller, or the photo's own
};

struct Api {
  int version;
  /// Starts libvips; false when it cannot. Called once, before the others.
  bool (*start)();
  /// Decodes `bytes` (of `format`) and makes the versions of `widths`.
  bool (*process)(const std::string& bytes, Format format, const int* widths, std::size_t n_widths,
                  Processed& out, std::string& error);
  /// `bytes` saved again in `format` (not HEIF), upright and without metadata.
  bool (*strip)(const std::string& bytes, Format format, std::string& out, std::string& error);
};

}  // namespace hongfan::imaging

extern "C" const hongfan::imaging::Api* hongfan_imaging_api();
