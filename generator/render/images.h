// Published images and videos (site/images.cc and site/videos.cc make
// them), and the markup that offers them to phones: <picture> with srcset,
// list thumbnails, galleries that open each photo large without JavaScript,
// and <video> with a poster frame.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "content/page.h"

namespace hongfan {

struct ImageVariant {
  std::string path;  ///< published, site-relative: "images/x.720.webp"
  int width = 0, height = 0;
};

struct ImageInfo {
  /// Published original (metadata stripped, JPEG for HEIC): "images/x.jpg".
  /// Always ASCII: a name in Chinese or with spaces gets a hash-based alias.
  std::string path;
  int width = 0, height = 0;
  std::vector<ImageVariant> webp;      ///< by width, ascending
  std::vector<ImageVariant> fallback;  ///< same widths, JPEG (PNG for PNG with transparency)
};

/// Published path as staff named it ("images/合影.jpg") → image. Only raster
/// images the build knows.
using ImageSet = std::map<std::string, ImageInfo>;

/// A local .mp4, published without metadata, with its poster frame.
struct VideoInfo {
  std::string path;    ///< published, ASCII: "videos/x.mp4"
  int width = 0, height = 0;  ///< of the poster frame (0 when unknown)
  std::string poster;  ///< key of the poster in the ImageSet, "" when none
};

/// Published path as staff named it → video.
using VideoSet = std::map<std::string, VideoInfo>;

/// Looks `url` (site-absolute "/images/x.jpg", site-relative, or relative
/// with leading "../" as Markdown rendering leaves it, percent-encoded or
/// not) up.
const ImageInfo* find_image(const ImageSet& images, std::string url);
/// The same for videos.
const VideoInfo* find_video(const VideoSet& videos, std::string url);

/// How an image loads: the first of a page is wanted at once (it is on the
/// first screen and often the largest paint); the others wait until near.
enum class Loading { kLazy, kEager };

/// `sizes` of a photo as wide as the page's column (cover, lead story) and
/// of one in an article's text. Below 48rem the column is the screen less the
/// 1rem margins on each side: saying 100vw there made a 390 px phone at 2x
/// (and Lighthouse's 412 px one at 1.75x) take the 1080 version where the
/// 720 one is sharp enough.
inline constexpr const char* kColumnSizes = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";
inline constexpr const char* kProseSizes = "(min-width: 48rem) 44rem, calc(100vw - 2rem)";

/// <picture> with WebP and fallback srcsets, width/height and lazy loading
/// (or a plain <img> when there are no variants). `root` leads to the site
/// root; `alt_html` is already escaped (it comes out of rendered Markdown).
std::string picture_html(const ImageInfo& image, const std::string& root, const std::string& alt_html,
                         const std::string& css_class, const std::string& sizes,
                         Loading loading = Loading::kLazy);

/// The image a list shows beside a page's title: its cover, else the first
/// image of its body; "" when it has none the build knows.
const ImageInfo* page_thumbnail(const ImageSet* images, const Page& page);

/// A small <picture> for a list card (decorative: the title beside it says
/// what it is about).
std::string thumbnail_html(const ImageInfo& image, const std::string& root);

/// One photo of a gallery.
struct GalleryItem {
  const ImageInfo* image = nullptr;
  std::string caption;  ///< plain text, "" for none
};

/// A grid of thumbnails; each opens its photo large in a :target lightbox
/// (no JavaScript needed; `script_url`, "" for none, adds keys and focus).
std::string gallery_html(const std::vector<GalleryItem>& items, const std::string& root,
                         const std::string& script_url, Loading first);

/// <video> with poster, size and a note for WeChat, whose built-in browser
/// sometimes refuses to play.
std::string video_html(const VideoInfo& video, const ImageSet& images, const std::string& root,
                       const std::string& title_html);

}  // namespace hongfan
