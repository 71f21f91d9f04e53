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

// The photos `gallery:` names: one folder's photos in name order, one
// photo, or the list as written. Each one not under static/ is reported.
std::vector<GalleryItem> gallery_items(const PageMedia& media, const ImageSet& images, Diagnostics& diags) {
  std::vector<GalleryItem> items;
  if (const Written& written = media.gallery_folder; written.given()) {
    if (!looks_like_folder(written.text)) {
      if (const ImageInfo* i = find_image(images, written.text)) items.push_back({i, ""});
      else diags.error(written.loc, tr("front matter: gallery: image '{}' is not under static/", written.text),
                       _("check the file name (upper and lower case count), or put the photo in static/"));
      return items;
    }
    std::string prefix = folder_key(written.text);
    std::vector<const std::string*> names;
    for (auto it = images.lower_bound(prefix); it != images.end() && starts_with(it->first, prefix); ++it)
      if (it->first.find('/', prefix.size()) == std::string::npos && !ends_with(it->first, ".poster.jpg"))
        names.push_back(&it->first);
    std::sort(names.begin(), names.end(), [](const std::string* a, const std::string* b) { return natural_less(*a, *b); });
    for (const std::string* n : names) items.push_back({&images.at(*n), ""});
    if (items.empty())
      diags.error(written.loc, tr("front matter: gallery: the folder '{}' has no photos under static/", written.text),
                  _("put the photos in that folder under static/, or list them one per line: `- /images/photo.jpg`"));
    return items;
  }
  for (const auto& photo : media.gallery) {
    if (const ImageInfo* i = find_image(images, photo.path)) items.push_back({i, photo.caption});
    else diags.error(photo.loc, tr("front matter: gallery: image '{}' is not under static/", photo.path),
                     _("check the file name (upper and lower case count), or put the photo in static/"));
  }
  return items;
}

// The videos `video:` names; each that is not a published .mp4 is reported.
std::vector<const VideoInfo*> page_videos(const PageMedia& media, const VideoSet& videos, Diagnostics& diags) {
  std::vector<const VideoInfo*> out;
  for (const Written& w : media.videos) {
    const std::string& path = w.text;
    if (!ends_with(ascii_lower(path), ".mp4")) {
      diags.error(w.loc, tr("front matter: video '{}' is not an .mp4 file", path),
                  _("only local .mp4 files can be shown: save the video as .mp4 and put it under static/"));
    } else if (const VideoInfo* v = find_video(videos, path)) {
      out.push_back(v);
    } else {
      diags.error(w.loc, tr("front matter: video '{}' is not under static/", path),
                  _("check the file name (upper and lower case count), or put the video in static/"));
    }
  }
  return out;
}

}  // namespace

void add_page_media(Page& page, const ImageSet& images, const VideoSet& videos, const std::string& gallery_js,
                    Diagnostics& diags) {
  if (!page.media) return;
  const std::string root = root_prefix(page.url);
  const std::string title = html_escape(page.title);
  for (const VideoInfo* v : page_videos(*page.media, videos, diags)) page.content_html += video_html(*v, images, root, title);
  if (!page.media->gallery.empty() || page.media->gallery_folder.given()) {
    auto items = gallery_items(*page.media, images, diags);
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
      if (p.is_section_index || p.draft || !p.featured) continue;
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
