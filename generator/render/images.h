// Published images and their resized variants (site/images.cc makes them),
// and the <picture> markup that offers them to phones.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace hongfan {

struct ImageVariant {
  std::string path;  ///< published, site-relative: "images/x.720.webp"
  int width = 0, height = 0;
};

struct ImageInfo {
  std::string path;  ///< published original (metadata stripped): "images/x.jpg"
  int width = 0, height = 0;
  std::vector<ImageVariant> webp;      ///< by width, ascending
  std::vector<ImageVariant> fallback;  ///< same widths, JPEG (PNG for PNG originals)
};

/// Published path → image. Only raster images the build knows.
using ImageSet = std::map<std::string, ImageInfo>;

/// Looks `url` (site-absolute "/images/x.jpg", or site-relative) up.
const ImageInfo* find_image(const ImageSet& images, std::string url);

/// <picture> with WebP and fallback srcsets, width/height and lazy loading
/// (or a plain <img> when there are no variants). `root` leads to the site
/// root; `alt_html` is already escaped (it comes out of rendered Markdown).
std::string picture_html(const ImageInfo& image, const std::string& root, const std::string& alt_html,
                         const std::string& css_class, const std::string& sizes);

}  // namespace hongfan
