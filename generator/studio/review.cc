// Review and publish (roles from studio.yaml). The state of an article is
// kept in its own front matter, so it travels with the file and every step
// is a git commit: a new article starts `draft: true`; 提交审核 sets
// `review: 待审核`; 审核 通过 sets `review: 已通过` and removes `draft`
// (from then on the build publishes it); 退回 sets `review: 已退回` with
// `review_note`. 发布 runs the normal atomic build into public/ and, when
// studio.yaml names `deploy.remote`, uploads the changed files (deploy.h).
#include <chrono>

#include "check/check.h"
#include "core/fs.h"
#include "core/i18n.h"
#include "core/text.h"
#include "site/build.h"
#include "studio/app.h"
#include "studio/deploy.h"
#include "studio/page_text.h"
#include "studio/paths.h"
#include "studio/site_ops.h"

namespace hongfan::studio {

namespace {

void done(httplib::Response& res, const Session& s, const std::string& error, const std::string& back) {
  if (!error.empty())
    return reply(res, 422, page(s, "未完成", "<p class=\"error\" role=\"alert\">" + html_escape(error) + "</p><p><a href=\"" +
                                                 html_escape(back) + "\">返回</a></p>"));
  redirect(res, back);
}

void forbidden(httplib::Response& res, const Session& s) {
  reply(res, 403, page(s, "拒绝", "<p class=\"error\">" + html_escape(_("your role does not allow this")) + "</p>"));
}

std::string title_of(const App& app, const std::string& path) {
  auto text = read_site_file(app.site, path);
  if (!text) return path;
  auto pt = read_page_text(*text);
  return pt.values.count("title") ? pt.values["title"] : path;
}

void handle_submit(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  std::string path = req.get_param_value("path");
  if (!s.user.has(kEditor) && !s.user.has(kReviewer)) return forbidden(res, s);
  if (!is_article_path(path)) return forbidden(res, s);
  done(res, s,
       set_front_keys(app, s.user, path, {{"review", "待审核"}, {"review_note", ""}},
                      "提交审核 " + path + "：" + title_of(app, path)),
       "/review");
}

void handle_approve(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  std::string path = req.get_param_value("path");
  if (!s.user.has(kReviewer) || !is_article_path(path)) return forbidden(res, s);
  done(res, s,
       set_front_keys(app, s.user, path, {{"review", "已通过"}, {"review_note", ""}, {"draft", ""}},
                      "审核通过 " + path + "：" + title_of(app, path)),
       "/review");
}

void handle_return(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  std::string path = req.get_param_value("path");
  std::string note = req.get_param_value("note");
  if (!s.user.has(kReviewer) || !is_article_path(path)) return forbidden(res, s);
  if (trim(note).empty()) return done(res, s, _("write why it is returned, so the editor knows what to change"), "/review");
  done(res, s,
       set_front_keys(app, s.user, path, {{"review", "已退回"}, {"review_note", note}, {"draft", "true"}},
                      "退回 " + path + "：" + note),
       "/review");
}

void handle_publish(App& app, const Session& s, const httplib::Request&, httplib::Response& res) {
  if (!s.user.has(kPublisher)) return forbidden(res, s);
  std::lock_guard lock(app.write_mutex);
  auto started = std::chrono::steady_clock::now();
  BuildOptions options;
  options.output_dir = app.site + "/public";
  options.now = build_now(app);
  // As `hongfan build` does: what `check` knows is said, a publish with
  // nothing changed writes nothing, and a title edit that moved a page is
  // said (site/moved_pages.h).
  options.review = review_in_build;
  options.record = true;
  DiskFileSystem site(app.site);
  Diagnostics diags;
  BuildStats stats;
  bool ok = build_site(site, options, diags, &stats);
  std::string html;
  if (!ok) {
    html = "<p class=\"error\" role=\"alert\">" + html_escape(_("publishing failed; the public site was not changed")) +
           "</p><pre class=\"diff\">" + html_escape(diags.text()) + "</pre>";
  } else {
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    html = "<p role=\"status\">" + html_escape(tr("built {} pages ({} files, {} changed) into {} in {:.0f} ms", stats.pages,
                                                  stats.files, stats.files_changed, "public/", ms)) + "</p>";
    // Published all the same, but staff should see what the build noticed
    // (an unmasked phone number, a page whose address moved), not lose it.
    if (diags.warning_count() > 0)
      html += "<p>" + html_escape(_("the build noticed these; the site is published, fix them and publish again:")) +
              "</p><pre class=\"diff\">" + html_escape(diags.text()) + "</pre>";
    // An empty commit records who published what the history holds then,
    // so `git log` shows the last step of every change too.
    std::string error;
    app.repo->commit({}, s.user.name, author_email(s.user),
                     "发布网站（" + std::to_string(stats.pages) + " 页，" + std::to_string(stats.files_changed) + " 个文件有变化）", &error);
    if (!app.config.deploy_remote.empty()) {
      DeployResult d = deploy(options.output_dir, app.config.deploy_remote, app.site + "/.hongfan-studio/deploy");
      html += "<p role=\"status\">" +
              html_escape(d.ok ? tr("uploaded {} changed files to {}, removed {}", d.uploaded, app.config.deploy_remote, d.removed)
                               : tr("uploading to {} failed; see rclone's output", app.config.deploy_remote)) +
              "</p><details><summary>rclone 输出</summary><pre class=\"diff\">" + html_escape(d.log) + "</pre></details>";
    }
  }
  app.last_publish = html;
  redirect(res, "/review");
}

void handle_review(App& app, const Session& s, const httplib::Request&, httplib::Response& res) {
  DiskFileSystem disk(app.site);
  std::string waiting, returned;
  for (const auto& path : walk_files(disk, "content")) {
    if (!ends_with(path, ".md") || !checked_path(app.site, path)) continue;
    auto text = disk.read(path);
    if (!text) continue;
    auto pt = read_page_text(*text);
    std::string state = pt.values.count("review") ? pt.values["review"] : "";
    std::string title = pt.values.count("title") ? pt.values["title"] : path;
    std::string link = "<a href=\"/edit?path=" + url_encode(path) + "\">" + html_escape(title) + "</a>";
    if (state == "待审核") {
      waiting += "<li>" + link;
      if (s.user.has(kReviewer)) {
        std::string id = "note-" + content_hash(path).substr(0, 8);
        waiting += "<div class=\"actions\"><form method=\"post\" action=\"/approve\">" + csrf_field(s) +
                   "<input type=\"hidden\" name=\"path\" value=\"" + html_escape(path) +
                   "\"><button type=\"submit\">通过</button></form>"
                   "<form method=\"post\" action=\"/return\">" + csrf_field(s) +
                   "<input type=\"hidden\" name=\"path\" value=\"" + html_escape(path) + "\"><label for=\"" + id +
                   "\">退回意见</label><input type=\"text\" id=\"" + id + "\" name=\"note\" required>"
                   "<button type=\"submit\" class=\"secondary\">退回</button></form></div>";
      }
      waiting += "</li>";
    } else if (state == "已退回") {
      returned += "<li>" + link + "<div class=\"meta\">退回意见：" +
                  html_escape(pt.values.count("review_note") ? pt.values["review_note"] : "") + "</div></li>";
    }
  }
  std::string html = "<h1>审核与发布</h1><h2>待审核</h2>" +
                     (waiting.empty() ? std::string("<p>没有待审核的文章。</p>") : "<ul class=\"items\">" + waiting + "</ul>") +
                     "<h2>已退回</h2>" +
                     (returned.empty() ? std::string("<p>没有退回的文章。</p>") : "<ul class=\"items\">" + returned + "</ul>") +
                     "<h2>发布</h2><p>把审核通过的内容生成网站（public/）" +
                     (app.config.deploy_remote.empty() ? std::string("。")
                                                       : "，并上传到 <code>" + html_escape(app.config.deploy_remote) + "</code>。") +
                     "</p>";
  if (s.user.has(kPublisher))
    html += "<form method=\"post\" action=\"/publish\">" + csrf_field(s) + "<button type=\"submit\">发布</button></form>";
  if (!app.last_publish.empty()) html += "<h2>上一次发布</h2>" + app.last_publish;
  reply(res, 200, page(s, "审核与发布", html));
}

}  // namespace

void add_review_routes(App&, const std::function<void(const char*, const char*, Handler)>& route) {
  route("GET", "/review", handle_review);
  route("POST", "/submit", handle_submit);
  route("POST", "/approve", handle_approve);
  route("POST", "/return", handle_return);
  route("POST", "/publish", handle_publish);
}

}  // namespace hongfan::studio
