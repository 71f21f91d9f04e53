#include "render/images.h"

#include "core/text.h"

namespace hongfan {

const ImageInfo* find_image(const ImageSet& images, std::string url) {
  auto q = url.find_first_of("?#");
  if (q != std::string::npos) url.resize(q);
  while (starts_with(url, "./")) url.erase(0, 2);
  while (!url.empty() && url.front() == '/') url.erase(url.begin());
  auto it = images.find(url);
  return it == images.end() ? nullptr : &it->second;
}

namespace {

std::string srcset(const std::vector<ImageVariant>& variants, const std::string& root) {
  std::string out;
  for (const auto& v : variants) {
    if (!out.empty()) out += ", ";
    out += html_escape(root + v.path) + " " + std::to_string(v.width) + "w";
  }
  return out;
}

}  // namespace

std::string picture_html(const ImageInfo& image, const std::string& root, const std::string& alt_html,
                         const std::string& css_class, const std::string& sizes) {
  // The largest fallback variant is the plain src: never the full original,
  // which can be a 4000px phone photo.
  std::string src = image.fallback.empty() ? image.path : image.fallback.back().path;
  int w = image.fallback.empty() ? image.width : image.fallback.back().width;
  int h = image.fallback.empty() ? image.height : image.fallback.back().height;
  std::string img = "<img src=\"" + html_escape(root + src) + "\"";
  if (image.fallback.size() > 1)
    img += " srcset=\"" + srcset(image.fallback, root) + "\" sizes=\"" + html_escape(sizes) + "\"";
  img += " alt=\"" + alt_html + "\"";
  if (w > 0 && h > 0) img += " width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) + "\"";
  if (!css_class.empty()) img += " class=\"" + html_escape(css_class) + "\"";
  img += " loading=\"lazy\" decoding=\"async\">";
  if (image.webp.empty()) return img;
  return "<picture><source type=\"image/webp\" srcset=\"" + srcset(image.webp, root) + "\" sizes=\"" +
         html_escape(sizes) + "\">" + img + "</picture>";
}

}  // namespace hongfan
