// Photos: uploaded from a phone or dropped on the editor, cleaned of EXIF
// and GPS by libvips before anything is written (the original is never
// stored), saved under static/images/YYYY/MM/ with a safe ASCII name.
#include <ctime>
#include <stdexcept>

#include "core/i18n.h"
#include "core/text.h"
#include "site/images.h"
#include "studio/app.h"
#include "studio/paths.h"

namespace hongfan::studio {

namespace {

/// The largest photo accepted; the server refuses bigger requests (413).
constexpr std::size_t kMaxPhoto = 10 * 1024 * 1024;

std::string format_of(const std::string& bytes) {
  if (bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xD8)
    return ".jpg";
  if (bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return ".png";
  if (bytes.size() > 12 && bytes.compare(0, 4, "RIFF") == 0 && bytes.compare(8, 4, "WEBP") == 0) return ".webp";
  return {};
}

// "IMG_2024 06.JPG" → "img-2024-06"; nothing ASCII → "photo".
std::string safe_stem(const std::string& name) {
  std::string base = name.substr(0, name.rfind('.'));
  std::string out;
  for (unsigned char c : base) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "photo" : out;
}

void fail(httplib::Response& res, const Session& s, bool fetch, int status, const std::string& message) {
  if (fetch) return reply_json(res, status, {{"error", message}});
  reply(res, status, page(s, "上传失败", "<p class=\"error\" role=\"alert\">" + html_escape(message) + "</p>"));
}

void handle_upload(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  bool fetch = req.get_header_value("X-Studio") == "fetch";
  if (!s.user.has(kEditor) && !s.user.has(kReviewer)) return fail(res, s, fetch, 403, _("your role does not allow this"));
  if (!req.has_file("photo")) return fail(res, s, fetch, 400, _("choose a photo first"));
  auto file = req.get_file_value("photo");
  // A browser sends only the file's own name; a path in it is an attack.
  if (file.filename.find('/') != std::string::npos || file.filename.find('\\') != std::string::npos ||
      file.filename.find("..") != std::string::npos || file.filename.find('\0') != std::string::npos)
    return fail(res, s, fetch, 400, _("the file name must not contain a folder"));
  if (file.content.size() > kMaxPhoto) return fail(res, s, fetch, 413, _("the photo is larger than 10 MB"));
  std::string ext = format_of(file.content);
  if (ext.empty()) return fail(res, s, fetch, 400, _("this is not a JPEG, PNG or WebP photo"));
  std::string clean;
  try {
    clean = without_metadata_bytes(file.content, ext);
  } catch (const std::exception&) {
    return fail(res, s, fetch, 400, _("this is not a JPEG, PNG or WebP photo"));
  }
  std::time_t t = static_cast<std::time_t>(app.now ? app.now : std::time(nullptr));
  char month[16];
  std::strftime(month, sizeof month, "%Y/%m", std::localtime(&t));
  std::string name = safe_stem(file.filename) + "-" + content_hash(clean).substr(0, 8) + ext;
  std::string rel = std::string("static/images/") + month + "/" + name;
  std::string url = std::string("/images/") + month + "/" + name;
  std::lock_guard lock(app.write_mutex);
  std::string error;
  if (!write_site_file(app.site, rel, clean, &error)) return fail(res, s, fetch, 400, error);
  if (app.repo->commit({rel}, s.user.name, author_email(s.user), "上传照片 " + rel, &error).empty())
    return fail(res, s, fetch, 500, error);
  std::string markdown = "![照片](" + url + ")";
  if (fetch) return reply_json(res, 200, {{"path", url}, {"markdown", markdown}});
  reply(res, 200, page(s, "照片已上传", "<h1>照片已上传</h1><p>把下面这一行复制到正文中需要的位置：</p><p><code>" +
                                              html_escape(markdown) + "</code></p><p><a href=\"/articles\">返回文章列表</a></p>"));
}

}  // namespace

void add_photo_routes(App&, const std::function<void(const char*, const char*, Handler)>& route) {
  route("POST", "/upload", handle_upload);
}

}  // namespace hongfan::studio
