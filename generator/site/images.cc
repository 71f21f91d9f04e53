#include "site/images.h"

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "core/hash.h"
#include "core/i18n.h"
#include "core/parallel.h"
#include "core/text.h"
#include "render/urls.h"
#include "site/image_codec.h"
#include "site/media.h"
#include "site/output.h"
#include "site/videos.h"

namespace hongfan {

namespace fs = std::filesystem;

namespace {

// Bump when processing changes, so old cache entries are not reused.
constexpr const char* kCacheVersion = "v3";

enum class Kind { kJpeg, kPng, kWebp, kHeif, kOther };

// By extension, in any case: phones and WeChat write .JPG, .JPEG and .PNG;
// iPhones send .HEIC.
Kind kind_of(const std::string& path) {
  std::string p = ascii_lower(path);
  if (ends_with(p, ".jpg") || ends_with(p, ".jpeg")) return Kind::kJpeg;
  if (ends_with(p, ".png")) return Kind::kPng;
  if (ends_with(p, ".webp")) return Kind::kWebp;
  if (ends_with(p, ".heic") || ends_with(p, ".heif")) return Kind::kHeif;
  return Kind::kOther;
}

// Whether a published name can be used as is in URLs: ASCII letters,
// digits, '.', '_', '-' and '/'. Anything else (Chinese, spaces, the
// brackets of "微信图片_20261201 (2).JPG") would be percent-encoded.
bool plain_name(const std::string& path) {
  for (char c : path)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '/'))
      return false;
  return true;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error(tr("cannot write {}", p.string()));
}

// One processed image in the cache: "original" and "W.webp"/"W.fallback",
// listed in "meta" as lines "name width height".
struct Cached {
  std::string original_file;
  int width = 0, height = 0;
  struct Variant { int width, height; std::string webp_file, fallback_file; };
  std::vector<Variant> variants;
  Kind fallback_kind = Kind::kJpeg;
};

imaging::Format format_of(Kind kind) {
  switch (kind) {
    case Kind::kPng: return imaging::Format::kPng;
    case Kind::kWebp: return imaging::Format::kWebp;
    case Kind::kHeif: return imaging::Format::kHeif;
    default: return imaging::Format::kJpeg;
  }
}

// Processes `bytes` (photo module: imaging/vips_api.h) into a fresh folder,
// renamed into place at the end so a killed build never leaves a
// half-written entry.
void process_into(const std::string& bytes, Kind kind, const fs::path& dir) {
  imaging::Processed image;
  std::string error;
  if (!image_codec().process(bytes, format_of(kind), kImageWidths, std::size(kImageWidths), image, error))
    throw std::runtime_error(error);
  fs::path tmp = dir.string() + ".tmp-" + short_hash(dir.string() + std::to_string(reinterpret_cast<std::uintptr_t>(&bytes)), 6);
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  write_file(tmp / "original", image.original);
  std::string meta = "original " + std::to_string(image.width) + " " + std::to_string(image.height) + " " +
                     (image.fallback == imaging::Format::kPng ? "png" : "jpg") + "\n";
  for (const auto& v : image.variants) {
    std::string name = std::to_string(v.width);
    write_file(tmp / (name + ".webp"), v.webp);
    write_file(tmp / (name + ".fallback"), v.fallback);
    meta += name + " " + std::to_string(v.width) + " " + std::to_string(v.height) + "\n";
  }
  write_file(tmp / "meta", meta);
  std::error_code ec;
  fs::rename(tmp, dir, ec);
  if (ec) fs::remove_all(tmp);  // another build got there first: same content
}

Cached load_cached(const fs::path& dir) {
  Cached c;
  std::istringstream meta(read_file(dir / "meta"));
  std::string name, ext;
  int w, h;
  meta >> name >> c.width >> c.height >> ext;
  c.original_file = (dir / "original").string();
  c.fallback_kind = ext == "png" ? Kind::kPng : Kind::kJpeg;
  while (meta >> name >> w >> h)
    c.variants.push_back({w, h, (dir / (name + ".webp")).string(), (dir / (name + ".fallback")).string()});
  return c;
}

std::shared_ptr<const std::string> shared_file(const std::string& path) {
  return std::make_shared<const std::string>(read_file(path));
}

// Replaces <img src="…"> tags that show a processed image with <picture>,
// and those that show a video with <video>. The first image of a page with
// no cover loads at once, the others lazily.
std::string rewrite_images(const std::string& html, const std::string& root, const ImageSet& images,
                           const VideoSet& videos, bool first_is_eager) {
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    std::size_t at = html.find("<img ", pos);
    if (at == std::string::npos) break;
    std::size_t end = html.find('>', at);
    if (end == std::string::npos) break;
    std::string tag = html.substr(at, end + 1 - at);
    auto attr = [&](const std::string& name) -> std::optional<std::string> {
      std::size_t a = tag.find(" " + name + "=\"");
      if (a == std::string::npos) return std::nullopt;
      a += name.size() + 3;
      std::size_t b = tag.find('"', a);
      return b == std::string::npos ? std::nullopt : std::optional<std::string>(tag.substr(a, b - a));
    };
    auto src = attr("src");
    const ImageInfo* info = nullptr;
    const VideoInfo* video = nullptr;
    if (src && starts_with(*src, root)) {
      info = find_image(images, src->substr(root.size()));
      if (!info) video = find_video(videos, src->substr(root.size()));
    }
    out.append(html, pos, at - pos);
    if (info) {
      out += picture_html(*info, root, attr("alt").value_or(""), "", kProseSizes,
                          first_is_eager ? Loading::kEager : Loading::kLazy);
      first_is_eager = false;
    } else if (video) {
      // A video alone in its paragraph replaces the paragraph: <figure>
      // may not stand inside <p>.
      bool alone = ends_with(out, "<p>") && html.compare(end + 1, 4, "</p>") == 0;
      if (alone) out.resize(out.size() - 3);
      out += video_html(*video, images, root, attr("alt").value_or(""));
      if (alone) end += 4;
    } else {
      out += tag;
    }
    pos = end + 1;
  }
  out.append(html, pos);
  return out;
}

}  // namespace

std::string published_stem(const std::string& published) {
  auto slash = published.rfind('/');
  std::string dir = slash == std::string::npos ? "" : published.substr(0, slash + 1);
  std::string file = published.substr(dir.size());
  auto dot = file.rfind('.');
  std::string stem = dot == std::string::npos ? file : file.substr(0, dot);
  if (!plain_name(dir)) dir = "images/";
  if (plain_name(stem) && !stem.empty()) return dir + stem;
  return dir + "img-" + short_hash(published, 12);
}


std::string image_cache_dir(const std::string& output_dir) {
  return (fs::path(cache_dir_beside(output_dir)) / "images").string();
}

ImageSet process_images(StaticPlan& statics, ContentSet& content, const std::string& output_dir,
                        Diagnostics& diags) {
  fs::path cache = image_cache_dir(output_dir);
  // Videos first: their poster frames join the images below.
  VideoSet videos = process_videos(statics, cache.parent_path() / "videos", diags);

  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < statics.files.size(); ++i)
    if (kind_of(statics.files[i].published) != Kind::kOther) todo.push_back(i);
  ImageSet images;

  std::error_code ec;
  if (!todo.empty()) fs::create_directories(cache, ec);
  std::vector<std::optional<Cached>> results(todo.size());
  std::vector<std::string> errors(todo.size());
  std::string module_error;  // the photo module could not be loaded
  std::mutex module_error_mutex;
  parallel_for(todo.size(), [&](std::size_t k) {
    const StaticFile& f = statics.files[todo[k]];
    auto bytes = f.contents ? std::optional<std::string>(*f.contents) : f.fs->read(f.source);
    if (!bytes) {
      errors[k] = _("cannot read this image");
      return;
    }
    fs::path dir = cache / (short_hash(*bytes, 16) + "-" + kCacheVersion);
    try {
      if (!fs::exists(dir / "meta")) process_into(*bytes, kind_of(f.published), dir);
      results[k] = load_cached(dir);
    } catch (const ImageCodecMissing& e) {
      std::lock_guard lock(module_error_mutex);
      module_error = e.what();
    } catch (const std::exception& e) {
      // libvips' own words (first line only: it ends its messages with a
      // newline) stay in brackets for whoever has to dig further.
      std::string why = e.what();
      why = std::string(trim(why.substr(0, why.find('\n'))));
      errors[k] = tr("cannot process this image: it is damaged or not really a JPEG, PNG or WebP ({})", why);
    }
  });

  if (!module_error.empty()) {  // not the photos' fault: said once, with what to do
    diags.error({}, module_error, tr("install hongfan again (its photo module belongs beside the program or in {})",
                                     image_codec_install_dir()));
    return images;
  }
  std::vector<StaticFile> added;
  for (std::size_t k = 0; k < todo.size(); ++k) {
    StaticFile& f = statics.files[todo[k]];
    if (!results[k]) {
      diags.error({f.source}, errors[k], _("re-save it as a JPEG or PNG, or remove it from static/"));
      continue;
    }
    const Cached& c = *results[k];
    const std::string key = f.published;  // as staff named it: what pages write
    const Kind kind = kind_of(key);
    const std::string stem = published_stem(key);
    const char* fallback_ext = c.fallback_kind == Kind::kPng ? "png" : "jpg";
    f.contents = shared_file(c.original_file);
    ImageInfo info{key, c.width, c.height, {}, {}};
    if (kind == Kind::kHeif) {
      // Published only as JPEG, under an ASCII name.
      f.published = info.path = stem + ".jpg";
    } else if (stem != key.substr(0, key.rfind('.'))) {
      // A name in Chinese or with spaces stays published for links that
      // name it, and gets an ASCII twin that the pages use.
      info.path = stem + "." + (kind == Kind::kWebp ? "webp" : kind == Kind::kPng ? "png" : "jpg");
      added.push_back({nullptr, f.source, info.path, f.contents});
    }
    for (const auto& v : c.variants) {
      ImageVariant webp{stem + "." + std::to_string(v.width) + ".webp", v.width, v.height};
      ImageVariant fallback{stem + "." + std::to_string(v.width) + "." + fallback_ext, v.width, v.height};
      added.push_back({nullptr, f.source, webp.path, shared_file(v.webp_file)});
      added.push_back({nullptr, f.source, fallback.path, shared_file(v.fallback_file)});
      info.webp.push_back(webp);
      info.fallback.push_back(fallback);
    }
    images[key] = std::move(info);
  }
  // Variants never replace a file staff put there themselves.
  std::set<std::string> taken;
  for (const auto& f : statics.files) taken.insert(f.published);
  for (auto& f : added)
    if (taken.insert(f.published).second) statics.files.push_back(std::move(f));
  std::sort(statics.files.begin(), statics.files.end(),
            [](const StaticFile& a, const StaticFile& b) { return a.published < b.published; });

  // The pages: Markdown images and videos become <picture> and <video>;
  // front matter galleries and videos are added after the text.
  std::string gallery_js;
  if (auto it = statics.assets.find("js/gallery.js"); it != statics.assets.end()) gallery_js = it->second;
  parallel_for(content.pages.size(), [&](std::size_t i) {
    Page& p = content.pages[i];
    if (p.media_done) return;  // a page serve kept from its last build
    if (p.content_html.find("<img ") != std::string::npos)
      p.content_html = rewrite_images(p.content_html, root_prefix(p.url), images, videos, p.cover.empty());
    add_page_media(p, images, videos, gallery_js, diags);
    p.media_done = true;
  });
  return images;
}

std::string without_metadata_bytes(const std::string& bytes, const std::string& ext) {
  Kind kind = kind_of("x" + ext);
  if (kind == Kind::kOther) throw std::runtime_error("not an image");
  std::string out, error;
  if (!image_codec().strip(bytes, format_of(kind), out, error)) throw std::runtime_error(error);
  return out;
}

}  // namespace hongfan
