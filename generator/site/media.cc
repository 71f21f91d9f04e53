#include "site/media.h"

#include <algorithm>
#include <cctype>

#include "core/i18n.h"
#include "core/text.h"
#include "render/urls.h"
#include "render/view.h"

namespace hongfan {

namespace {

// Name order as people expect it: "2.jpg" before "10.jpg" (runs of digits
// compare as numbers), so a folder of numbered photos keeps its order.
bool natural_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
      std::size_t i2 = i, j2 = j;
      while (i2 < a.size() && std::isdigit(static_cast<unsigned char>(a[i2]))) ++i2;
      while (j2 < b.size() && std::isdigit(static_cast<unsigned char>(b[j2]))) ++j2;
      std::string_view x(a.data() + i, i2 - i), y(b.data() + j, j2 - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i2;
      j = j2;
    } else {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

// "/photos/yard/" or "photos/yard" → "photos/yard/".
std::string folder_key(std::string folder) {
  while (!folder.empty() && (folder.front() == '/' || starts_with(folder, "./"))) folder.erase(0, folder.front() == '/' ? 1 : 2);
  if (!folder.empty() && folder.back() != '/') folder += '/';
  return folder;
}

bool looks_like_folder(const std::string& s) {
  auto slash = s.rfind('/');
  std::string last = slash == std::string::npos ? s : s.substr(slash + 1);
  return last.empty() || last.find('.') == std::string::npos;
}

std::vector<GalleryItem> read_gallery(const YAML::Node& node, const YamlSource& src, const ImageSet& images,
                                      Diagnostics& diags) {
  std::vector<GalleryItem> items;
  if (node.IsScalar()) {
    const std::string written = node.Scalar();
    if (!looks_like_folder(written)) {
      if (const ImageInfo* i = find_image(images, written)) items.push_back({i, ""});
      else diags.error(src.at(node), tr("front matter: gallery: image '{}' is not under static/", written),
                       _("check the file name (upper and lower case count), or put the photo in static/"));
      return items;
    }
    std::string prefix = folder_key(written);
    std::vector<const std::string*> names;
    for (auto it = images.lower_bound(prefix); it != images.end() && starts_with(it->first, prefix); ++it)
      if (it->first.find('/', prefix.size()) == std::string::npos && !ends_with(it->first, ".poster.jpg"))
        names.push_back(&it->first);
    std::sort(names.begin(), names.end(), [](const std::string* a, const std::string* b) { return natural_less(*a, *b); });
    for (const std::string* n : names) items.push_back({&images.at(*n), ""});
    if (items.empty())
      diags.error(src.at(node), tr("front matter: gallery: the folder '{}' has no photos under static/", written),
                  _("put the photos in that folder under static/, or list them one per line: `- /images/photo.jpg`"));
    return items;
  }
  if (!node.IsSequence()) {
    diags.error(src.at(node), _("front matter: gallery must be a folder or a list of photos"),
                _("write `gallery: /images/folder/`, or one photo per line: `- /images/photo.jpg`"));
    return items;
  }
  for (const auto& item : node) {
    std::string path, caption;
    YAML::Node at = item;
    if (item.IsScalar()) {
      path = item.Scalar();
    } else if (item.IsMap() && item["src"] && item["src"].IsScalar()) {
      path = item["src"].Scalar();
      at.reset(item["src"]);  // not `=`, which would overwrite `item` itself
      if (item["caption"] && item["caption"].IsScalar()) caption = item["caption"].Scalar();
    } else {
      diags.error(src.at(item), _("front matter: a gallery photo must be a path or {src, caption}"),
                  _("write `- /images/photo.jpg` or `- {src: /images/photo.jpg, caption: 说明}`"));
      continue;
    }
    if (const ImageInfo* i = find_image(images, path)) items.push_back({i, caption});
    else diags.error(src.at(at), tr("front matter: gallery: image '{}' is not under static/", path),
                     _("check the file name (upper and lower case count), or put the photo in static/"));
  }
  return items;
}

std::vector<const VideoInfo*> read_videos(const YAML::Node& node, const YamlSource& src, const VideoSet& videos,
                                          Diagnostics& diags) {
  std::vector<const VideoInfo*> out;
  std::vector<YAML::Node> list;
  if (node.IsSequence())
    for (const auto& n : node) list.push_back(n);
  else
    list.push_back(node);
  for (const auto& n : list) {
    if (!n.IsScalar()) {
      diags.error(src.at(n), _("front matter: video must be the path of an .mp4 file"),
                  _("write `video: /videos/name.mp4`"));
      continue;
    }
    const std::string& path = n.Scalar();
    if (!ends_with(ascii_lower(path), ".mp4")) {
      diags.error(src.at(n), tr("front matter: video '{}' is not an .mp4 file", path),
                  _("only local .mp4 files can be shown: save the video as .mp4 and put it under static/"));
    } else if (const VideoInfo* v = find_video(videos, path)) {
      out.push_back(v);
    } else {
      diags.error(src.at(n), tr("front matter: video '{}' is not under static/", path),
                  _("check the file name (upper and lower case count), or put the video in static/"));
    }
  }
  return out;
}

bool is_featured(const Page& p) {
  if (!p.params.IsMap()) return false;
  YAML::Node f = p.params["featured"];
  return f && f.IsScalar() && (f.Scalar() == "true" || f.Scalar() == "yes");
}

}  // namespace

void add_page_media(Page& page, const ImageSet& images, const VideoSet& videos, const std::string& gallery_js,
                    Diagnostics& diags) {
  if (!page.front.IsMap()) return;  // freed: the page has no keys beyond the known ones
  YAML::Node gallery = page.front["gallery"], video = page.front["video"];
  if (!gallery && !video) return;
  const YamlSource src = front_matter_source(page);
  const std::string root = root_prefix(page.url);
  const std::string title = html_escape(page.title);
  if (video && !video.IsNull())
    for (const VideoInfo* v : read_videos(video, src, videos, diags)) page.content_html += video_html(*v, images, root, title);
  if (gallery && !gallery.IsNull()) {
    auto items = read_gallery(gallery, src, images, diags);
    // The first photo loads at once when nothing above it does (no cover,
    // no image in the text).
    bool first = page.cover.empty() && page.content_html.find("<img ") == std::string::npos;
    if (!items.empty())
      page.content_html += gallery_html(items, root, gallery_js.empty() ? "" : root + gallery_js,
                                        first ? Loading::kEager : Loading::kLazy);
  }
}

void plan_lead_story(OutputPlan& plan) {
  plan.add_home_extra([](Data& home, const ViewContext& v, const std::string& root) {
    const Page* lead = nullptr;
    for (const auto& p : v.content->pages) {
      if (p.is_section_index || p.draft || !is_featured(p)) continue;
      if (!lead || p.date.value_or(INT64_MIN) > lead->date.value_or(INT64_MIN)) lead = &p;
    }
    if (!lead) {
      home.set("lead", false);
      return;
    }
    Data d = page_card(v, *lead, root);
    const ImageInfo* image = page_thumbnail(v.images, *lead);
    d.set("picture", image ? Data(picture_html(*image, root, "", "", kColumnSizes, Loading::kEager))
                           : Data(false));
    home.set("lead", d);
  });
}

}  // namespace hongfan
