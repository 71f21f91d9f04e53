// The data forms' pages: the list of data/*.yaml files, a file's form, and
// saving it — the edits put into the file's own text (studio/yaml_spans.h),
// checked by the site's loaders as `build` runs them, committed with the
// staff member's name; a save that fails is kept as a draft with its
// errors, and one made after someone else's is a conflict. The form is sent
// as multipart: Debian's libcpp-httplib refuses a urlencoded body over 8 KB,
// and the people form is more.
#include <filesystem>

#include "core/fs.h"
#include "core/i18n.h"
#include "core/text.h"
#include "studio/app.h"
#include "studio/data_form.h"
#include "studio/paths.h"
#include "studio/site_ops.h"

namespace hongfan::studio {

namespace {

bool may_edit(const Session& s) { return s.user.has(kEditor) || s.user.has(kReviewer); }

void fail(httplib::Response& res, const Session& s, int status, const std::string& message) {
  reply(res, status, page(s, "基础数据", "<p class=\"error\" role=\"alert\">" + html_escape(message) +
                                          "</p><p><a href=\"/data\">返回基础数据</a></p>"));
}

std::map<std::string, std::vector<std::string>> errors_by_field(const YamlNode& root, const std::string& text,
                                                               const std::vector<Diagnostic>& problems) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& d : problems) {
    std::string msg = tr("line {}: {}", d.loc.line, d.message);
    if (!d.hint.empty()) msg += " — " + d.hint;
    out[data_field_at(root, text, d.loc.line, d.loc.col)].push_back(msg);  // "" → above the form
  }
  return out;
}

std::string form_html(const Session& s, const std::string& path, const std::string& text, const std::string& base,
                      const std::vector<Diagnostic>& problems, const std::string& banner, std::size_t from = 0,
                      const std::vector<Diagnostic>& elsewhere = {}) {
  std::string html = "<h1>" + html_escape(data_file_title(path)) + "</h1>" + banner +
                     "<p class=\"hint\">文件：<code>" + html_escape(path) + "</code> · <a href=\"/history?path=" +
                     url_encode(path) + "\">修改记录</a> · 只改动表单中改过的值，文件里的注释和其他内容保持原样。</p>";
  auto root = read_yaml_spans(text);
  if (!root) {
    html += "<p class=\"error\" role=\"alert\">" + html_escape(_("this file is not valid YAML; correct it in a text editor first")) + "</p>";
    for (const auto& d : problems) html += "<p class=\"error\">" + html_escape(d.format()) + "</p>";
    return html;
  }
  auto errors = errors_by_field(*root, text, problems);
  // Every problem is listed first, linked to its field (which may be on
  // another page of a long list), and shown again at the field.
  if (!problems.empty() || !elsewhere.empty()) {
    html += "<div class=\"notice bad\" role=\"alert\"><p>" +
            html_escape(tr("{} problems:", problems.size() + elsewhere.size())) + "</p><ul>";
    for (const auto& [field, msgs] : errors)
      for (const auto& m : msgs)
        html += "<li>" + (field.empty() ? html_escape(m) : "<a href=\"#" + field + "\">" + html_escape(m) + "</a>") + "</li>";
    // Problems this change makes in other files (a renamed id still used).
    for (const auto& d : elsewhere) html += "<li>" + html_escape(d.format()) + "</li>";
    html += "</ul></div>";
  }
  std::string pages;
  std::size_t items = longest_list(*root);
  if (items > kDataPage) {
    pages = "<nav class=\"pages\" aria-label=\"分页\"><ul>";
    for (std::size_t i = 0; i < items; i += kDataPage)
      pages += "<li>" + std::string(i == from ? "<strong aria-current=\"page\">" : "<a href=\"/data/edit?file=" + url_encode(path) +
                                                                                "&amp;from=" + std::to_string(i) + "\">") +
               "第 " + std::to_string(i + 1) + "–" + std::to_string(std::min(items, i + kDataPage)) + " 项" +
               (i == from ? "</strong>" : "</a>") + "</li>";
    pages += "</ul></nav>";
  }
  html += pages;
  html += "<form id=\"data\" class=\"data\" method=\"post\" action=\"/data/save\" enctype=\"multipart/form-data\">" + csrf_field(s) +
          "<input type=\"hidden\" name=\"file\" value=\"" + html_escape(path) + "\"><input type=\"hidden\" name=\"base\" value=\"" +
          html_escape(base) + "\"><input type=\"hidden\" name=\"from\" value=\"" + std::to_string(from) + "\">" +
          data_fields_html(*root, errors, from) +
          "<div class=\"actions sticky\"><button type=\"submit\">保存</button></div></form>";
  return html;
}

void handle_list(App& app, const Session& s, const httplib::Request&, httplib::Response& res) {
  DiskFileSystem disk(app.site);
  std::string html = "<h1>基础数据</h1><p>网格、组织架构、服务阵地、居民等数据，在这里按表单修改。</p><ul class=\"items\">";
  for (const auto& e : disk.list("data")) {
    std::string path = "data/" + e.name;
    if (e.is_dir || !is_data_path(path)) continue;
    html += "<li><a href=\"/data/edit?file=" + url_encode(path) + "\">" + html_escape(data_file_title(path)) +
            "</a><div class=\"meta\"><code>" + html_escape(path) + "</code></div></li>";
  }
  html += "<li><a href=\"/ledger\">积分台账</a><div class=\"meta\">上传 Excel 表格</div></li></ul>";
  reply(res, 200, page(s, "基础数据", html));
}

void handle_edit(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  std::string path = req.get_param_value("file");
  if (!is_data_path(path)) return fail(res, s, 404, _("no such data file"));
  auto text = read_site_file(app.site, path);
  if (!text) return fail(res, s, 404, _("no such data file"));
  std::string base = content_hash(*text);
  std::string draft = read_draft(app, path);
  std::string banner;
  if (req.has_param("saved")) banner += "<p class=\"notice\" role=\"status\">已保存。</p>";
  if (!draft.empty() && req.has_param("draft")) {
    banner += "<p class=\"notice\">已载入草稿。修改后保存。</p>";
    // The form's values come from the draft: its edits are made to it.
    return reply(res, 200, page(s, data_file_title(path),
                                form_html(s, path, draft, content_hash(draft), validate_with(app, {{path, draft}}, {}, path), banner)));
  }
  if (!draft.empty())
    banner += "<p class=\"notice bad\">这个文件有一份没有保存成功的草稿。<a href=\"/data/edit?draft=1&amp;file=" +
              url_encode(path) + "\">载入草稿</a></p>";
  std::size_t from = 0;
  try {
    from = std::stoul(req.get_param_value("from").empty() ? "0" : req.get_param_value("from"));
  } catch (const std::exception&) {
  }
  reply(res, 200, page(s, data_file_title(path), form_html(s, path, *text, base, {}, banner, from - from % kDataPage)));
}

void handle_save(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  if (!may_edit(s)) return fail(res, s, 403, _("your role does not allow this"));
  std::string path = form_value(req, "file");
  if (!is_data_path(path)) return fail(res, s, 404, _("no such data file"));
  std::lock_guard lock(app.write_mutex);
  auto current = read_site_file(app.site, path);
  if (!current) return fail(res, s, 404, _("no such data file"));
  // The form was made from the draft when one was loaded; the edits are
  // made to the text the form showed.
  std::string shown = *current;
  bool from_draft = false;
  if (form_value(req, "base") != content_hash(*current)) {
    std::string draft = read_draft(app, path);
    if (!draft.empty() && form_value(req, "base") == content_hash(draft)) {
      shown = draft;
      from_draft = true;
    }
  }
  auto root = read_yaml_spans(shown);
  if (!root) return fail(res, s, 422, _("this file is not valid YAML; correct it in a text editor first"));
  std::string text = apply_edits(shown, data_form_edits(*root, shown, req));
  if (form_value(req, "base") != content_hash(*current) && !from_draft) {
    // Someone saved since the form was made. The draft holds this person's
    // changes — the fields that differ from the version they saw — put
    // into the newer file, so loading and saving it loses neither.
    if (auto seen = version_with_hash(app, path, form_value(req, "base"))) {
      auto seen_root = read_yaml_spans(*seen);
      if (seen_root && yaml_shape(*seen_root) == yaml_shape(*root))
        text = apply_edits(*current, data_form_edits(*root, *current, changed_fields(*seen_root, *seen, req)));
    }
    keep_draft(app, path, text);
    std::string banner = "<div class=\"notice bad\" role=\"alert\"><p><strong>" +
                         html_escape(_("someone else saved this file after you opened it; nothing was overwritten")) +
                         "</strong></p><p>你的改动已存为草稿。下面是对方保存后的内容；可以载入草稿对照修改。</p></div>";
    return reply(res, 409, page(s, "保存冲突", form_html(s, path, *current, content_hash(*current), {}, banner)));
  }
  std::string again = "/data/edit?saved=1&from=" + url_encode(form_value(req, "from")) + "&file=" + url_encode(path);
  if (text == *current) return redirect(res, again);
  auto problems = validate_with(app, {{path, text}}, {}, path);
  auto elsewhere = errors_caused_elsewhere(app, {{path, text}}, path);
  if (!problems.empty() || !elsewhere.empty()) {
    keep_draft(app, path, text);
    std::string banner = "<p class=\"notice bad\" role=\"alert\">" +
                         html_escape(_("not saved: please correct the fields marked below; your text is kept as a draft")) + "</p>";
    std::size_t from = 0;
    try {
      from = std::stoul(form_value(req, "from").empty() ? "0" : form_value(req, "from"));
    } catch (const std::exception&) {
    }
    return reply(res, 422, page(s, "请修改", form_html(s, path, text, content_hash(text), problems, banner, from - from % kDataPage, elsewhere)));
  }
  std::string error = save_and_commit(app, s.user, path, text, "修改" + data_file_title(path) + "（" + path + "）");
  if (!error.empty()) return fail(res, s, 500, error);
  redirect(res, again);
}

}  // namespace

void add_data_routes(App&, const std::function<void(const char*, const char*, Handler)>& route) {
  route("GET", "/data", handle_list);
  route("GET", "/data/edit", handle_edit);
  route("POST", "/data/save", handle_save);
}

}  // namespace hongfan::studio
