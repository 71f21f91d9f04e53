// Import: a Word .docx becomes a draft article. Pandoc (Debian) converts
// it to Markdown with headings, lists, tables and bold; its images are
// extracted, cleaned of metadata like any upload and stored under
// static/images/YYYY/MM/. The article starts as `draft: true`.
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/hash.h"
#include "core/i18n.h"
#include "core/text.h"
#include "site/images.h"
#include "studio/app.h"
#include "studio/deploy.h"
#include "studio/page_text.h"
#include "studio/paths.h"
#include "studio/site_ops.h"

namespace hongfan::studio {

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void fail(httplib::Response& res, const Session& s, int status, const std::string& message) {
  reply(res, status, page(s, "导入失败", "<p class=\"error\" role=\"alert\">" + html_escape(message) +
                                           "</p><p><a href=\"/new\">返回</a></p>"));
}

// Removes a temporary folder when the request ends.
struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/hongfan-import-XXXXXX";
    if (::mkdtemp(tmpl)) path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

void handle_import(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  if (!s.user.has(kEditor) && !s.user.has(kReviewer)) return fail(res, s, 403, _("your role does not allow this"));
  if (!req.has_file("docx")) return fail(res, s, 400, _("choose a Word file first"));
  auto file = req.get_file_value("docx");
  std::string section = form_value(req, "section");
  if (section.empty()) section = "news";
  if (!checked_path(app.site, "content/" + section) || !fs::is_directory(app.site + "/content/" + section))
    return fail(res, s, 400, _("no such section"));
  if (file.content.size() < 4 || file.content.compare(0, 2, "PK") != 0)
    return fail(res, s, 400, _("this is not a Word .docx file (save it as .docx in Word or WPS)"));
  TempDir tmp;
  if (tmp.path.empty()) return fail(res, s, 500, "mkdtemp");
  std::ofstream(tmp.path / "in.docx", std::ios::binary) << file.content;
  std::string log;
  // gfm without raw HTML: sized images and the like become plain Markdown.
  int rc = run_program({"pandoc", "--from=docx", "--to=gfm-raw_html", "--wrap=none",
                        "--extract-media=" + (tmp.path / "m").string(), (tmp.path / "in.docx").string(), "-o",
                        (tmp.path / "out.md").string()},
                       &log);
  if (rc != 0) return fail(res, s, 400, tr("pandoc could not read this file: {}", log));
  std::string body = slurp(tmp.path / "out.md");

  std::time_t t = static_cast<std::time_t>(build_now(app));
  char month[16], day[16];
  std::strftime(month, sizeof month, "%Y/%m", std::localtime(&t));
  std::strftime(day, sizeof day, "%Y-%m-%d", std::localtime(&t));
  std::string stem = file.filename.substr(0, file.filename.rfind('.'));
  std::lock_guard lock(app.write_mutex);
  std::vector<std::string> written;
  std::error_code ec;
  if (fs::is_directory(tmp.path / "m", ec)) {
    for (const auto& e : fs::recursive_directory_iterator(tmp.path / "m", ec)) {
      if (!e.is_regular_file() || e.is_symlink()) continue;
      std::string bytes = slurp(e.path());
      std::string ext = ascii_lower(e.path().extension().string());
      if (ext == ".jpeg") ext = ".jpg";
      std::string clean;
      try {
        clean = without_metadata_bytes(bytes, ext);
      } catch (const std::exception&) {
        continue;  // an EMF drawing or the like: left out, the text stays
      }
      std::string name = "word-" + content_hash(clean).substr(0, 10) + ext;
      std::string rel = std::string("static/images/") + month + "/" + name;
      std::string error;
      if (!write_site_file(app.site, rel, clean, &error)) return fail(res, s, 500, error);
      written.push_back(rel);
      // Pandoc names the image by its extracted path.
      std::string from = e.path().string(), to = std::string("/images/") + month + "/" + name;
      for (std::size_t at = body.find(from); at != std::string::npos; at = body.find(from, at + to.size()))
        body.replace(at, from.size(), to);
    }
  }
  // The first heading is the title; else the file name.
  std::string title = stem;
  if (starts_with(body, "# ")) {
    auto nl = body.find('\n');
    title = std::string(trim(body.substr(2, nl - 2)));
    body = nl == std::string::npos ? "" : body.substr(nl + 1);
    while (!body.empty() && body.front() == '\n') body.erase(0, 1);
  }
  std::string path = "content/" + section + "/" + day + "-" + short_hash(title + file.content.substr(0, 4096), 6) + ".md";
  std::string text = new_page_text({{"title", title}, {"date", day}, {"draft", "true"}}, {}, body);
  auto problems = validate_page(app, path, text);
  if (!problems.empty()) return fail(res, s, 422, problems.front().format());
  std::string error;
  if (!write_site_file(app.site, path, text, &error)) return fail(res, s, 500, error);
  written.push_back(path);
  if (app.repo->commit(written, s.user.name, author_email(s.user), "导入 Word 文档 " + file.filename + " → " + path, &error)
          .empty())
    return fail(res, s, 500, error);
  redirect(res, "/edit?saved=1&path=" + url_encode(path));
}

}  // namespace

void add_import_routes(App&, const std::function<void(const char*, const char*, Handler)>& route) {
  route("POST", "/import", handle_import);
}

}  // namespace hongfan::studio
