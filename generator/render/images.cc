#include "render/images.h"

#include "core/text.h"

namespace hongfan {

// The words below are page text, in the site's language (zh-CN, like the
// theme's templates), not messages for staff: they do not follow --lang.

namespace {

// "/images/x.jpg", "../../images/x.jpg", "./x.jpg", "images/%E5%90%88.jpg"
// → "images/x.jpg" (the key of the sets).
std::string site_key(std::string url) {
  auto q = url.find_first_of("?#");
  if (q != std::string::npos) url.resize(q);
  url = percent_decode(url);
  for (;;) {
    if (starts_with(url, "./")) url.erase(0, 2);
    else if (starts_with(url, "../")) url.erase(0, 3);
    else if (!url.empty() && url.front() == '/') url.erase(url.begin());
    else break;
  }
  return url;
}

std::string srcset(const std::vector<ImageVariant>& variants, const std::string& root) {
  std::string out;
  for (const auto& v : variants) {
    if (!out.empty()) out += ", ";
    out += html_escape(root + v.path) + " " + std::to_string(v.width) + "w";
  }
  return out;
}

// The variant closest to `width` from above (the largest when none is).
const ImageVariant* variant_for(const std::vector<ImageVariant>& vs, int width) {
  for (const auto& v : vs)
    if (v.width >= width) return &v;
  return vs.empty() ? nullptr : &vs.back();
}

std::string size_attrs(int w, int h) {
  if (w <= 0 || h <= 0) return "";
  return " width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) + "\"";
}

}  // namespace

const ImageInfo* find_image(const ImageSet& images, std::string url) {
  auto it = images.find(site_key(std::move(url)));
  return it == images.end() ? nullptr : &it->second;
}

const VideoInfo* find_video(const VideoSet& videos, std::string url) {
  auto it = videos.find(site_key(std::move(url)));
  return it == videos.end() ? nullptr : &it->second;
}

std::string picture_html(const ImageInfo& image, const std::string& root, const std::string& alt_html,
                         const std::string& css_class, const std::string& sizes, Loading loading) {
  // The largest fallback variant is the plain src: never the full original,
  // which can be a 4000px phone photo.
  std::string src = image.fallback.empty() ? image.path : image.fallback.back().path;
  int w = image.fallback.empty() ? image.width : image.fallback.back().width;
  int h = image.fallback.empty() ? image.height : image.fallback.back().height;
  std::string img = "<img src=\"" + html_escape(root + src) + "\"";
  if (image.fallback.size() > 1)
    img += " srcset=\"" + srcset(image.fallback, root) + "\" sizes=\"" + html_escape(sizes) + "\"";
  img += " alt=\"" + alt_html + "\"" + size_attrs(w, h);
  if (!css_class.empty()) img += " class=\"" + html_escape(css_class) + "\"";
  img += loading == Loading::kLazy ? " loading=\"lazy\" decoding=\"async\">" : " fetchpriority=\"high\">";
  if (image.webp.empty()) return img;
  return "<picture><source type=\"image/webp\" srcset=\"" + srcset(image.webp, root) + "\" sizes=\"" +
         html_escape(sizes) + "\">" + img + "</picture>";
}

const ImageInfo* page_thumbnail(const ImageSet* images, const Page& page) {
  if (!images) return nullptr;
  if (!page.cover.empty())
    if (const ImageInfo* i = find_image(*images, page.cover)) return i;
  for (const auto& r : page.refs)
    if (r.image)
      if (const ImageInfo* i = find_image(*images, r.url)) return i;
  return nullptr;
}

std::string thumbnail_html(const ImageInfo& image, const std::string& root) {
  // Shown at most 6rem wide (30% of a phone): 360 and 720 cover 1x to 3x
  // screens; the list never asks for more.
  std::vector<ImageVariant> fb, wp;
  for (const auto& v : image.fallback)
    if (v.width <= 720 || fb.empty()) fb.push_back(v);
  for (const auto& v : image.webp)
    if (v.width <= 720 || wp.empty()) wp.push_back(v);
  ImageInfo small{image.path, image.width, image.height, wp, fb};
  return picture_html(small, root, "", "thumb", "(min-width: 48rem) 6rem, 30vw");
}

std::string gallery_html(const std::vector<GalleryItem>& items, const std::string& root,
                         const std::string& script_url, Loading first) {
  const std::string n = std::to_string(items.size());
  std::string grid, boxes;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ImageInfo& img = *items[i].image;
    const std::string id = "hf-photo-" + std::to_string(i + 1);
    const std::string num = std::to_string(i + 1);
    const std::string caption = html_escape(items[i].caption);
    const std::string label = "第" + num + "张，共" + n + "张" + (caption.empty() ? "" : "：" + caption);
    // Thumbnails: three to a row on a phone, so the 360 variants suffice.
    grid += "<li><a class=\"gallery-thumb\" href=\"#" + id + "\">" +
            picture_html(img, root, "查看大图：" + label, "", "(min-width: 48rem) 15rem, 33vw",
                         i == 0 ? first : Loading::kLazy) +
            "</a></li>";
    const std::string prev = "hf-photo-" + std::to_string(i == 0 ? items.size() : i);
    const std::string next = "hf-photo-" + std::to_string(i + 1 == items.size() ? 1 : i + 2);
    boxes += "<figure class=\"lightbox\" id=\"" + id + "\">" +
             picture_html(img, root, caption.empty() ? label : caption, "", "100vw") +
             // The figcaption must be a figure's first or last child (HTML).
             "<nav class=\"lightbox-nav\" aria-label=\"图集翻页\">"
             // Labels come from CSS (attr(aria-label)): the words stay out of
             // the page's text, which search indexes and snippets show.
             "<a href=\"#" + prev + "\" rel=\"prev\" aria-label=\"上一张\"></a>"
             "<a href=\"#hf-gallery\" class=\"lightbox-close\" aria-label=\"关闭\"></a>"
             "<a href=\"#" + next + "\" rel=\"next\" aria-label=\"下一张\"></a></nav>"
             "<figcaption><span class=\"lightbox-count\">" + num + " / " + n + "</span>" + caption +
             "</figcaption></figure>";
  }
  std::string out = "<section class=\"gallery\" id=\"hf-gallery\" aria-label=\"图集，共" + n +
                    "张\"><h2 class=\"gallery-title\">图集（" + n + "张）</h2><ul class=\"gallery-grid\">" +
                    grid + "</ul>" + boxes + "</section>";
  if (!script_url.empty()) out += "<script src=\"" + html_escape(script_url) + "\" defer></script>";
  return out;
}

std::string video_html(const VideoInfo& video, const ImageSet& images, const std::string& root,
                       const std::string& title_html) {
  std::string poster;
  int w = video.width, h = video.height;
  if (const ImageInfo* p = video.poster.empty() ? nullptr : find_image(images, video.poster)) {
    if (const ImageVariant* v = variant_for(p->fallback, 720)) poster = root + v->path;
    if (w <= 0) w = p->width, h = p->height;  // the frame is the video's size, turned upright
  }
  std::string src = html_escape(root + video.path);
  std::string out = "<figure class=\"video\"><video controls preload=\"none\" playsinline";
  out += size_attrs(w, h);
  if (!poster.empty()) out += " poster=\"" + html_escape(poster) + "\"";
  if (!title_html.empty()) out += " aria-label=\"" + title_html + "\"";
  out += "><source src=\"" + src + "\" type=\"video/mp4\"><a href=\"" + src + "\">下载视频</a></video>";
  out += "<figcaption class=\"video-note\">视频无法播放时，请点右上角“…”在浏览器中打开</figcaption></figure>";
  return out;
}

}  // namespace hongfan
