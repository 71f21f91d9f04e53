// hongfan-vips.so: decoding, turning, stripping and resizing photos with
// libvips (imaging/vips_api.h says why this is a module of its own).
#include <vips/vips8>

#include <exception>
#include <string>

#include "imaging/vips_api.h"

namespace {

using hongfan::imaging::Api;
using hongfan::imaging::Format;
using hongfan::imaging::Processed;

bool start() {
  if (VIPS_INIT("hongfan") != 0) return false;
  vips_concurrency_set(1);  // the build runs one image per worker already
  vips_cache_set_max(0);
  return true;
}

// libvips 8.14's WebP saver writes a small EXIF block (resolution) even
// when told to strip: drop the EXIF and XMP chunks from the RIFF container
// and clear their flags in VP8X.
std::string drop_webp_metadata(const std::string& in) {
  if (in.size() < 12 || in.compare(0, 4, "RIFF") != 0 || in.compare(8, 4, "WEBP") != 0) return in;
  std::string out = in.substr(0, 12);
  std::size_t pos = 12;
  while (pos + 8 <= in.size()) {
    std::string id = in.substr(pos, 4);
    std::uint32_t size = static_cast<unsigned char>(in[pos + 4]) | static_cast<unsigned char>(in[pos + 5]) << 8 |
                         static_cast<unsigned char>(in[pos + 6]) << 16 |
                         static_cast<std::uint32_t>(static_cast<unsigned char>(in[pos + 7])) << 24;
    std::size_t total = 8 + size + (size & 1);
    if (pos + total > in.size()) return in;  // not what we expect: leave it
    if (id != "EXIF" && id != "XMP ") {
      std::string chunk = in.substr(pos, total);
      if (id == "VP8X" && chunk.size() > 8) chunk[8] = static_cast<char>(chunk[8] & ~0x0C);
      out += chunk;
    }
    pos += total;
  }
  std::uint32_t riff = static_cast<std::uint32_t>(out.size() - 8);
  for (int i = 0; i < 4; ++i) out[4 + i] = static_cast<char>((riff >> (8 * i)) & 0xFF);
  return out;
}

// JPEG and PNG as asked; anything else as WebP.
std::string to_string(const vips::VImage& image, Format format) {
  auto opts = [] { return vips::VImage::option()->set("strip", true); };
  VipsBlob* blob = nullptr;
  if (format == Format::kJpeg) blob = image.jpegsave_buffer(opts()->set("Q", 82)->set("optimize_coding", true)->set("interlace", true));
  else if (format == Format::kPng) blob = image.pngsave_buffer(opts()->set("compression", 9));
  else blob = image.webpsave_buffer(opts()->set("Q", 75));
  size_t size = 0;
  const void* data = vips_blob_get(blob, &size);
  std::string out(static_cast<const char*>(data), size);
  vips_area_unref(VIPS_AREA(blob));
  return format == Format::kJpeg || format == Format::kPng ? out : drop_webp_metadata(out);
}

// Removes what could identify a place, a device or a person: EXIF (with
// GPS), XMP, IPTC. Saving with "strip" alone is not enough for every saver
// in libvips 8.14 (WebP kept EXIF), so the fields go before saving too.
vips::VImage without_metadata(const vips::VImage& in) {
  vips::VImage image = in.copy();
  char** fields = vips_image_get_fields(image.get_image());
  for (char** f = fields; *f; ++f) {
    std::string name = *f;
    if (name.rfind("exif-", 0) == 0 || name == "xmp-data" || name == "iptc-data" ||
        name == "photoshop-data" || name == "orientation")
      image.remove(name.c_str());
  }
  g_strfreev(fields);
  return image;
}

vips::VImage load_upright(const std::string& bytes) {
  return without_metadata(vips::VImage::new_from_buffer(bytes.data(), bytes.size(), "").autorot());
}

bool process(const std::string& bytes, Format format, const int* widths, std::size_t n_widths, Processed& out,
             std::string& error) {
  try {
    vips::VImage image = load_upright(bytes);
    bool alpha = image.has_alpha();
    out.fallback = format == Format::kJpeg || format == Format::kHeif || !alpha ? Format::kJpeg : Format::kPng;
    if (out.fallback == Format::kJpeg && image.bands() > 3)
      image = image.flatten(vips::VImage::option()->set("background", std::vector<double>{255, 255, 255}));
    // HEIC is published as JPEG: no browser in WeChat shows it.
    out.original = to_string(image, format == Format::kHeif ? Format::kJpeg : format);
    out.width = image.width();
    out.height = image.height();
    std::vector<int> sizes;
    for (std::size_t i = 0; i < n_widths; ++i)
      if (widths[i] < image.width()) sizes.push_back(widths[i]);
    if (n_widths && image.width() <= widths[n_widths - 1]) sizes.push_back(image.width());
    for (int w : sizes) {
      vips::VImage small = w == image.width() ? image
          : without_metadata(image.thumbnail_image(w, vips::VImage::option()->set("height", 100000)->set("size", VIPS_SIZE_DOWN)));
      out.variants.push_back({small.width(), small.height(), to_string(small, Format::kWebp),
                              to_string(small, out.fallback)});
    }
    return true;
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
}

bool strip(const std::string& bytes, Format format, std::string& out, std::string& error) {
  try {
    out = to_string(load_upright(bytes), format);
    return true;
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
}

constexpr Api kApi{hongfan::imaging::kApiVersion, start, process, strip};

}  // namespace

extern "C" const Api* hongfan_imaging_api() { return &kApi; }
