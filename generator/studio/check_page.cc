// `check`'s findings in the studio: the site's check rules run as
// `hongfan check` runs them, each finding linked to the field that causes
// it — the article editor's field for a content file, the data form's for
// a data file.
#include "check/check.h"
#include "core/fs.h"
#include "core/i18n.h"
#include "core/text.h"
#include "studio/app.h"
#include "studio/data_form.h"
#include "studio/page_text.h"
#include "studio/paths.h"
#include "studio/site_ops.h"

namespace hongfan::studio {

namespace {

// The studio page and field for a finding, or "" when the studio has no
// form for its file (site.yaml, the theme, a photo).
std::string link_for(const App& app, const Diagnostic& d) {
  const std::string& file = d.loc.file;
  if (is_article_path(file)) {
    auto text = read_site_file(app.site, file);
    std::string key = text ? key_at_line(read_page_text(*text), d.loc.line) : "";
    // A key that is missing has no line: the hint names it ("summary: …").
    if (key.empty())
      for (const char* k : {"title", "date", "summary", "tags", "cover", "author", "source", "start", "end", "place",
                            "station", "color", "capacity", "signup"})
        if (d.hint.find(std::string(k) + ":") != std::string::npos || d.message.find(std::string(k) + ":") != std::string::npos) {
          key = k;
          break;
        }
    return "/edit?path=" + url_encode(file) + "#" + (key.empty() ? "body" : "f_" + key);
  }
  if (is_data_path(file)) {
    auto text = read_site_file(app.site, file);
    auto root = text ? read_yaml_spans(*text) : std::nullopt;
    std::string field = root ? data_field_at(*root, *text, d.loc.line, d.loc.col) : "";
    return "/data/edit?file=" + url_encode(file) + (field.empty() ? "" : "#" + field);
  }
  if (starts_with(file, "data/points.")) return "/ledger";
  return {};
}

void handle_check(App& app, const Session& s, const httplib::Request&, httplib::Response& res) {
  BuildOptions options;
  options.now = build_now(app);
  DiskFileSystem site(app.site);
  Diagnostics diags;
  check_site(site, options, diags);
  auto all = diags.sorted();
  std::size_t e = diags.error_count(), w = diags.warning_count();
  std::string html = "<h1>网站检查</h1><p role=\"status\">" +
                     html_escape(tr("check: {}, {}", trn("{} error", "{} errors", e, e), trn("{} warning", "{} warnings", w, w))) +
                     "</p><p class=\"hint\">与命令 <code>hongfan check</code> 的检查相同。点击问题可直接打开出问题的字段。</p>";
  if (all.empty()) html += "<p class=\"notice\">没有发现问题。</p>";
  html += "<ul class=\"items findings\">";
  for (const auto& d : all) {
    std::string where = d.loc.file.empty() ? "" : d.loc.file + (d.loc.line ? ":" + std::to_string(d.loc.line) : "");
    std::string link = link_for(app, d);
    std::string kind = d.severity == Severity::error ? "错误" : "提醒";
    html += "<li class=\"" + std::string(d.severity == Severity::error ? "bad" : "warn") + "\"><div><strong>" + kind +
            "</strong> · " + html_escape(d.message) + "</div>";
    if (!d.hint.empty()) html += "<div class=\"hint\">" + html_escape(d.hint) + "</div>";
    html += "<div class=\"meta\">";
    html += link.empty() ? "<code>" + html_escape(where) + "</code>"
                         : "<a href=\"" + html_escape(link) + "\"><code>" + html_escape(where) + "</code> 去修改</a>";
    html += "</div></li>";
  }
  html += "</ul>";
  reply(res, 200, page(s, "网站检查", html));
}

}  // namespace

void add_check_routes(App&, const std::function<void(const char*, const char*, Handler)>& route) {
  route("GET", "/check", handle_check);
}

}  // namespace hongfan::studio
