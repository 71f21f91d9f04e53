// Articles: the list, the edit form (front matter fields, Markdown with a
// toolbar, live preview), saving (validated, committed, conflicts caught,
// failures kept as drafts), history with diffs and restore.
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "content/collection.h"
#include "core/fs.h"
#include "core/hash.h"
#include "core/i18n.h"
#include "core/text.h"
#include "domain/activities.h"
#include "studio/app.h"
#include "studio/page_text.h"
#include "studio/paths.h"
#include "studio/site_ops.h"

namespace hongfan::studio {

namespace {

enum class Kind { text, date, textarea, list, station, colour };

struct Field {
  const char* key;
  const char* label;
  Kind kind;
  bool activity;  ///< only in content/activities/
  const char* hint;
};

const Field kFields[] = {
    {"title", "标题", Kind::text, false, nullptr},
    {"date", "日期", Kind::date, false, "如 2024-06-01；也可写 2024年6月1日"},
    {"summary", "摘要", Kind::textarea, false, "一两句话，显示在列表和微信分享卡片上"},
    {"tags", "标签", Kind::list, false, "多个标签用逗号分开"},
    {"cover", "封面", Kind::text, false, "图片路径，如 /images/2024/06/photo.jpg"},
    {"author", "作者", Kind::text, false, nullptr},
    {"source", "来源", Kind::text, false, "转载时填写，如 齐鲁晚报"},
    {"start", "开始时间", Kind::text, true, "如 2024-06-01 09:30"},
    {"end", "结束时间", Kind::text, true, "如 2024-06-01 11:30"},
    {"place", "地点", Kind::text, true, "不在阵地举办时填写"},
    {"station", "阵地", Kind::station, true, "data/stations.yaml 中的编号"},
    {"color", "颜色", Kind::colour, true, "五彩志愿服务的颜色"},
    {"capacity", "人数上限", Kind::text, true, nullptr},
    {"signup", "报名方式", Kind::text, true, nullptr},
};

const char* kStateKey = "review";

std::string section_of(const std::string& path) {
  auto rest = path.substr(8);  // "content/"
  auto slash = rest.find('/');
  return slash == std::string::npos ? "" : rest.substr(0, slash);
}

std::string state_label(const PageText& pt) {
  auto r = pt.values.find(kStateKey);
  if (r != pt.values.end() && !r->second.empty()) return r->second;
  auto d = pt.values.find("draft");
  if (d != pt.values.end() && d->second == "true") return "草稿";
  return "已发布";
}

std::vector<std::string> sections(const App& app) {
  DiskFileSystem disk(app.site);
  std::vector<std::string> out;
  for (const auto& e : disk.list("content"))
    if (e.is_dir && !e.is_symlink && e.name[0] != '.') out.push_back(e.name);
  return out;
}

std::vector<std::string> station_ids(const App& app) {
  std::vector<std::string> out;
  auto text = read_site_file(app.site, "data/stations.yaml");
  if (!text) return out;
  try {
    auto root = YAML::Load(*text);
    for (const auto& s : root["stations"])
      if (s["id"]) out.push_back(s["id"].as<std::string>());
  } catch (const YAML::Exception&) {
  }
  return out;
}

std::string attr(const std::string& s) { return html_escape(s); }

// The submitted front matter fields the form offers for this section.
std::map<std::string, std::string> submitted_fields(const httplib::Request& req, const std::string& section) {
  std::map<std::string, std::string> out;
  for (const auto& f : kFields) {
    if (f.activity && section != "activities") continue;
    std::string name = std::string("f_") + f.key;
    if (has_form_value(req, name)) out[f.key] = form_value(req, name);
  }
  return out;
}

std::vector<std::string> list_keys() {
  std::vector<std::string> out;
  for (const auto& f : kFields)
    if (f.kind == Kind::list) out.push_back(f.key);
  return out;
}

struct FormState {
  std::string path;      ///< "" for a new article
  std::string section;
  std::string base;      ///< hash of the file when the form was made
  std::map<std::string, std::string> values;
  std::set<std::string> complex;  ///< keys the form cannot edit (maps)
  std::string body;
  std::map<std::string, std::vector<std::string>> errors;  ///< key → messages; "" = body/other
  std::string banner;    ///< HTML above the form
};

FormState state_from_text(const std::string& path, const std::string& text) {
  FormState st;
  st.path = path;
  st.section = section_of(path);
  PageText pt = read_page_text(text);
  st.values = pt.values;
  for (const auto& k : pt.keys)
    if (!pt.values.count(k.key)) st.complex.insert(k.key);
  st.body = pt.body;
  return st;
}

void add_errors(FormState& st, const std::string& text, const std::vector<Diagnostic>& problems) {
  PageText pt = read_page_text(text);
  for (const auto& d : problems) {
    std::string key = key_at_line(pt, d.loc.line);
    std::string msg = tr("line {}: {}", d.loc.line, d.message);
    if (!d.hint.empty()) msg += " — " + d.hint;
    st.errors[key].push_back(msg);
  }
}

std::string field_html(const Field& f, const FormState& st, const std::vector<std::string>& stations) {
  std::string id = std::string("f_") + f.key;
  std::string value = st.values.count(f.key) ? st.values.at(f.key) : "";
  std::string html = "<div class=\"field\"><label for=\"" + id + "\">" + f.label + "</label>";
  std::string described;
  if (f.hint) {
    html += "<p class=\"hint\" id=\"" + id + "-hint\">" + f.hint + "</p>";
    described = id + "-hint";
  }
  auto errs = st.errors.find(f.key);
  bool invalid = errs != st.errors.end();
  if (invalid) {
    for (const auto& e : errs->second)
      html += "<p class=\"error\" id=\"" + id + "-error\">" + html_escape(e) + "</p>";
    described += (described.empty() ? "" : " ") + id + "-error";
  }
  std::string common = " id=\"" + id + "\" name=\"" + id + "\"" +
                       (described.empty() ? "" : " aria-describedby=\"" + described + "\"") +
                       (invalid ? " aria-invalid=\"true\"" : "");
  if (st.complex.count(f.key)) {
    // Disabled fields are not submitted, so the key stays as written.
    return html + "<input type=\"text\"" + common + " disabled value=\"此项写法较复杂，请在文件中修改\"></div>";
  }
  bool plain_date = value.empty() || (value.size() == 10 && value[4] == '-' && value[7] == '-');
  switch (f.kind) {
    case Kind::textarea:
      html += "<textarea" + common + " rows=\"3\">\n" + html_escape(value) + "</textarea>";
      break;
    case Kind::date:
      html += "<input type=\"" + std::string(plain_date ? "date" : "text") + "\"" + common + " value=\"" +
              attr(value) + "\">";
      break;
    case Kind::station: {
      html += "<input type=\"text\"" + common + " list=\"stations\" value=\"" + attr(value) + "\"><datalist id=\"stations\">";
      for (const auto& s : stations) html += "<option value=\"" + attr(s) + "\">";
      html += "</datalist>";
      break;
    }
    case Kind::colour: {
      html += "<select" + common + "><option value=\"\">（不选）</option>";
      bool found = value.empty();
      for (const auto& c : wucai_colours()) {
        bool sel = c.name == value;
        found = found || sel;
        html += "<option" + std::string(sel ? " selected" : "") + ">" + html_escape(c.name) + "</option>";
      }
      if (!found) html += "<option selected>" + html_escape(value) + "</option>";
      html += "</select>";
      break;
    }
    default:
      html += "<input type=\"text\"" + common + " value=\"" + attr(value) + "\">";
  }
  return html + "</div>";
}

std::string edit_form(const App& app, const Session& s, const FormState& st) {
  std::string title = st.path.empty() ? "新建文章" : "编辑文章";
  std::string html = "<h1>" + title + "</h1>" + st.banner;
  if (!st.path.empty())
    html += "<p class=\"hint\">文件：<code>" + html_escape(st.path) + "</code> · <a href=\"/history?path=" +
            url_encode(st.path) + "\">修改记录</a></p>";
  html += "<div class=\"cols\"><div><form id=\"edit\" method=\"post\" action=\"/save\" enctype=\"multipart/form-data\">" + csrf_field(s) +
          "<input type=\"hidden\" name=\"path\" value=\"" + attr(st.path) + "\">"
          "<input type=\"hidden\" name=\"base\" value=\"" + attr(st.base) + "\">";
  if (st.path.empty()) {
    html += "<label for=\"section\">栏目</label><select id=\"section\" name=\"section\">";
    for (const auto& sec : sections(app))
      html += "<option value=\"" + attr(sec) + "\"" + (sec == st.section ? " selected" : "") + ">" +
              html_escape(default_section_title(sec)) + "（" + html_escape(sec) + "）</option>";
    html += "</select>";
  } else {
    html += "<input type=\"hidden\" name=\"section\" value=\"" + attr(st.section) + "\">";
  }
  auto stations = station_ids(app);
  html += "<fieldset><legend>基本信息</legend>";
  for (const auto& f : kFields)
    if (!f.activity) html += field_html(f, st, stations);
  html += "</fieldset>";
  if (st.section == "activities") {
    html += "<fieldset><legend>活动信息</legend>";
    for (const auto& f : kFields)
      if (f.activity) html += field_html(f, st, stations);
    html += "</fieldset>";
  }
  html += "<label for=\"body\">正文</label><p class=\"hint\" id=\"body-hint\">Markdown 格式；可以把照片拖到下面的框里。</p>";
  if (st.errors.count(""))
    for (const auto& e : st.errors.at("")) html += "<p class=\"error\">" + html_escape(e) + "</p>";
  html += "<div class=\"toolbar\" role=\"toolbar\" aria-label=\"正文格式\">"
          "<button type=\"button\" data-md=\"heading\">小标题</button><button type=\"button\" data-md=\"bold\">加粗</button>"
          "<button type=\"button\" data-md=\"list\">列表</button><button type=\"button\" data-md=\"link\">链接</button>"
          "<button type=\"button\" data-md=\"image\">图片</button><button type=\"button\" data-md=\"table\">表格</button></div>"
          "<textarea id=\"body\" name=\"body\" aria-describedby=\"body-hint\">\n" +
          html_escape(st.body) + "</textarea>"
          "<div class=\"actions\"><button type=\"submit\">保存</button>"
          "<button type=\"submit\" class=\"secondary\" formaction=\"/preview\" formtarget=\"_blank\">预览</button></div>"
          "</form>"
          "<form id=\"upload\" method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\" class=\"drop\" >" +
          csrf_field(s) +
          "<div id=\"drop\"><label for=\"photo\">照片</label><p class=\"hint\">选择照片或拖到这里；上传时自动去掉拍摄地点等信息，并插入到光标处。</p>"
          "<input type=\"file\" id=\"photo\" name=\"photo\" accept=\"image/jpeg,image/png,image/webp\">"
          "<div class=\"actions\"><button type=\"submit\" class=\"secondary\">上传照片</button></div>"
          "<p id=\"upload-status\" class=\"hint\" role=\"status\"></p></div></form></div>"
          "<div><h2>预览</h2><p id=\"preview-status\" class=\"hint\" role=\"status\">按网站自己的模板生成</p>"
          "<iframe id=\"preview\" class=\"preview\" title=\"页面预览\" src=\"about:blank\"></iframe></div></div>";
  if (!st.path.empty()) {
    std::string state = st.values.count(kStateKey) ? st.values.at(kStateKey) : "";
    html += "<h2>审核</h2><p>状态：<span class=\"state\">" + html_escape(state.empty() ? "未提交" : state) + "</span></p>";
    if (st.values.count("review_note"))
      html += "<p>退回意见：" + html_escape(st.values.at("review_note")) + "</p>";
    html += "<form method=\"post\" action=\"/submit\">" + csrf_field(s) + "<input type=\"hidden\" name=\"path\" value=\"" +
            attr(st.path) + "\"><button type=\"submit\" class=\"secondary\">提交审核</button></form>";
  }
  return html;
}

// A name for a new article: the date and a short hash, ASCII only.
std::string new_article_path(const std::string& section, const std::string& date, const std::string& title) {
  std::string day = date.size() >= 10 && date[4] == '-' ? date.substr(0, 10) : "";
  if (day.empty()) {
    std::time_t t = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
    day = buf;
  }
  return "content/" + section + "/" + day + "-" + short_hash(title + std::to_string(std::time(nullptr)), 6) + ".md";
}

bool may_edit(const Session& s) { return s.user.has(kEditor) || s.user.has(kReviewer); }

void forbidden(httplib::Response& res, const Session& s) {
  reply(res, 403, page(s, "拒绝", "<p class=\"error\">" + html_escape(_("your role does not allow this")) + "</p>"));
}

void not_found(httplib::Response& res, const Session& s) {
  reply(res, 404, page(s, "找不到", "<p class=\"error\">" + html_escape(_("no such article")) + "</p>"));
}

void handle_list(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  std::string q = req.get_param_value("q"), section = req.get_param_value("section");
  DiskFileSystem disk(app.site);
  std::string items;
  int shown = 0;
  for (const auto& path : walk_files(disk, "content")) {
    if (!ends_with(path, ".md") || !checked_path(app.site, path)) continue;
    if (!section.empty() && section_of(path) != section) continue;
    auto text = disk.read(path);
    if (!text) continue;
    PageText pt = read_page_text(*text);
    std::string title = pt.values.count("title") ? pt.values["title"] : path;
    if (!q.empty() && title.find(q) == std::string::npos && path.find(q) == std::string::npos &&
        (pt.values.count("summary") == 0 || pt.values["summary"].find(q) == std::string::npos))
      continue;
    std::string date = pt.values.count("date") ? pt.values["date"] : (pt.values.count("start") ? pt.values["start"] : "");
    items += "<li><a href=\"/edit?path=" + url_encode(path) + "\">" + html_escape(title) + "</a><div class=\"meta\">" +
             html_escape(default_section_title(section_of(path))) + " · " + html_escape(date) +
             " · <span class=\"state\">" + html_escape(state_label(pt)) + "</span></div></li>";
    ++shown;
  }
  std::string html = "<h1>文章</h1><form method=\"get\" action=\"/articles\" class=\"filters\" role=\"search\">"
                     "<div><label for=\"q\">搜索</label><input type=\"search\" id=\"q\" name=\"q\" value=\"" +
                     attr(q) + "\"></div><div><label for=\"filter-section\">栏目</label><select id=\"filter-section\" name=\"section\"><option value=\"\">全部栏目</option>";
  for (const auto& sec : sections(app))
    html += "<option value=\"" + attr(sec) + "\"" + (sec == section ? " selected" : "") + ">" +
            html_escape(default_section_title(sec)) + "</option>";
  html += "</select></div><div><button type=\"submit\">筛选</button></div></form>";
  html += "<p role=\"status\">共 " + std::to_string(shown) + " 篇 · <a href=\"/new\">新建文章</a></p><ul class=\"items\">" +
          items + "</ul>";
  reply(res, 200, page(s, "文章", html));
}

void handle_edit(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  std::string path = req.get_param_value("path");
  if (!is_article_path(path)) return not_found(res, s);
  auto text = read_site_file(app.site, path);
  if (!text) return not_found(res, s);
  FormState st = state_from_text(path, *text);
  st.base = content_hash(*text);
  std::string draft = read_draft(app, path);
  if (req.has_param("draft") && !draft.empty()) {
    FormState d = state_from_text(path, draft);
    d.base = st.base;
    add_errors(d, draft, validate_page(app, path, draft));
    d.banner = "<p class=\"notice\">已载入草稿。修改后保存。</p>";
    st = std::move(d);
  } else if (!draft.empty()) {
    st.banner = "<p class=\"notice bad\">这篇文章有一份没有保存成功的草稿。<a href=\"/edit?draft=1&amp;path=" +
                url_encode(path) + "\">载入草稿</a></p>";
  }
  if (req.has_param("saved")) st.banner += "<p class=\"notice\" role=\"status\">已保存。</p>";
  reply(res, 200, page(s, "编辑文章", edit_form(app, s, st)));
}

void handle_new(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  if (!may_edit(s)) return forbidden(res, s);
  FormState st;
  st.section = req.has_param("section") ? req.get_param_value("section") : "news";
  std::string html = edit_form(app, s, st);
  html += "<h2>从 Word 导入</h2><form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\">" + csrf_field(s) +
          "<label for=\"import-section\">导入到栏目</label><select id=\"import-section\" name=\"section\">";
  for (const auto& sec : sections(app))
    html += "<option value=\"" + attr(sec) + "\"" + (sec == st.section ? " selected" : "") + ">" +
            html_escape(default_section_title(sec)) + "</option>";
  html += "</select><label for=\"docx\">Word 文档</label><p class=\"hint\">.docx 文件；标题、列表、表格、加粗和图片都会保留，图片去掉拍摄信息后保存。导入后是草稿。</p>"
          "<input type=\"file\" id=\"docx\" name=\"docx\" accept=\".docx\">"
          "<div class=\"actions\"><button type=\"submit\" class=\"secondary\">导入</button></div></form>";
  reply(res, 200, page(s, "新建文章", html));
}

void handle_save(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  if (!may_edit(s)) return forbidden(res, s);
  std::string path = form_value(req, "path");
  std::string base = form_value(req, "base");
  std::string section = form_value(req, "section");
  std::string body = form_value(req, "body");
  bool is_new = path.empty();
  if (is_new) {
    auto secs = sections(app);
    if (std::find(secs.begin(), secs.end(), section) == secs.end()) return not_found(res, s);
  } else {
    section = section_of(path);
  }
  auto fields = submitted_fields(req, section);
  std::lock_guard lock(app.write_mutex);
  std::string text;
  if (is_new) {
    path = new_article_path(section, fields["date"], fields["title"]);
    std::vector<std::pair<std::string, std::string>> ordered;
    for (const auto& f : kFields)
      if (fields.count(f.key)) ordered.emplace_back(f.key, fields[f.key]);
    ordered.emplace_back("draft", "true");  // public only once approved
    text = new_page_text(ordered, list_keys(), body);
  }
  if (!is_article_path(path)) return not_found(res, s);
  auto current = read_site_file(app.site, path);
  if (!is_new) {
    if (!current) return not_found(res, s);
    if (content_hash(*current) != base) {
      // Someone saved since this form was opened: nothing is overwritten;
      // this version is kept as a draft and both are shown. The draft
      // holds what this person changed (against the version their form
      // was made from) put into the newer file, so saving it later keeps
      // the other person's changes too.
      text = apply_form(*current, fields, list_keys(), body);
      if (auto seen = version_with_hash(app, path, base)) {
        PageText was = read_page_text(*seen), now = read_page_text(*current);
        std::map<std::string, std::string> mine;
        for (const auto& [k, v] : fields) {
          auto it = was.values.find(k);
          if (v != (it == was.values.end() ? "" : it->second)) mine[k] = v;
        }
        auto plain = [](std::string_view t) {
          std::string out;
          for (char c : t)
            if (c != '\r') out += c;
          return out;
        };
        bool body_changed = plain(body) != plain(was.body);
        text = apply_form(*current, mine, list_keys(), body_changed ? body : std::string_view(now.body));
      }
      keep_draft(app, path, text);
      FormState st = state_from_text(path, text);
      st.base = content_hash(*current);
      st.banner = "<div class=\"notice bad\" role=\"alert\"><p><strong>" +
                  html_escape(_("someone else saved this article after you opened it; nothing was overwritten")) +
                  "</strong></p><p>你的版本显示在下面的表单中（也已存为草稿）。对照对方的版本修改后再保存。</p>"
                  "<details open><summary>对方保存的版本</summary><pre class=\"diff\">" + html_escape(*current) +
                  "</pre></details></div>";
      return reply(res, 409, page(s, "保存冲突", edit_form(app, s, st)));
    }
    text = apply_form(*current, fields, list_keys(), body);
    if (text == *current) return redirect(res, "/edit?saved=1&path=" + url_encode(path));
  }
  auto problems = validate_page(app, path, text);
  if (!problems.empty()) {
    keep_draft(app, path, text);
    FormState st = state_from_text(is_new ? "" : path, text);
    st.section = section;
    st.base = current ? content_hash(*current) : "";
    add_errors(st, text, problems);
    st.banner = "<p class=\"notice bad\" role=\"alert\">" +
                html_escape(_("not saved: please correct the fields marked below; your text is kept as a draft")) + "</p>";
    return reply(res, 422, page(s, "请修改", edit_form(app, s, st)));
  }
  PageText pt = read_page_text(text);
  std::string title = pt.values.count("title") ? pt.values["title"] : path;
  std::string error = save_and_commit(app, s.user, path, text, (is_new ? "新建 " : "修改 ") + path + "：" + title);
  if (!error.empty()) {
    keep_draft(app, path, text);
    return reply(res, 500, page(s, "保存失败", "<p class=\"error\">" + html_escape(error) + "</p>"));
  }
  redirect(res, "/edit?saved=1&path=" + url_encode(path));
}

void handle_preview(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  std::string path = form_value(req, "path");
  std::string section = path.empty() ? form_value(req, "section") : section_of(path);
  auto fields = submitted_fields(req, section);
  std::string body = form_value(req, "body");
  std::string text;
  if (path.empty()) {
    auto secs = sections(app);
    if (std::find(secs.begin(), secs.end(), section) == secs.end()) return not_found(res, s);
    path = "content/" + section + "/studio-preview.md";
    std::vector<std::pair<std::string, std::string>> ordered(fields.begin(), fields.end());
    text = new_page_text(ordered, list_keys(), body);
  } else {
    if (!is_article_path(path)) return not_found(res, s);
    auto current = read_site_file(app.site, path);
    if (!current) return not_found(res, s);
    text = apply_form(*current, fields, list_keys(), body);
  }
  std::string error;
  std::string url = build_preview(app, path, text, &error);
  bool fetch = req.get_header_value("X-Studio") == "fetch";
  if (url.empty()) {
    if (fetch) return reply_json(res, 200, {{"error", error}});
    return reply(res, 422, page(s, "预览失败", "<pre class=\"diff\">" + html_escape(error) + "</pre>"));
  }
  if (fetch) return reply_json(res, 200, {{"url", url}});
  redirect(res, url);
}

std::string content_type(const std::string& path) {
  static const std::pair<const char*, const char*> types[] = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"}, {".xml", "application/xml"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
      {".webp", "image/webp"}, {".gif", "image/gif"}, {".ics", "text/calendar; charset=utf-8"}};
  std::string lower = ascii_lower(path);
  for (const auto& [ext, type] : types)
    if (ends_with(lower, ext)) return type;
  return "application/octet-stream";
}

void handle_preview_file(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  std::string rel = req.matches[1];
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  auto text = read_site_file(preview_root(app), rel);
  if (!text && read_site_file(preview_root(app), rel + "/index.html")) return redirect(res, "/preview/" + rel + "/");
  if (!text) return not_found(res, s);
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(*text), content_type(rel).c_str());
}

std::string format_time(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", std::localtime(&tt));
  return buf;
}

void handle_history(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  std::string path = req.get_param_value("path");
  if (!is_article_path(path) && !is_data_path(path)) return not_found(res, s);
  auto current = read_site_file(app.site, path);
  std::vector<Revision> revs;
  std::vector<std::string> diffs;
  {
    std::lock_guard lock(app.write_mutex);
    revs = app.repo->history(path);
    for (const auto& r : revs) diffs.push_back(app.repo->diff(r.id, path));
  }
  std::string back = is_data_path(path) ? "/data/edit?file=" + url_encode(path) : "/edit?path=" + url_encode(path);
  std::string html = "<h1>修改记录</h1><p><code>" + html_escape(path) + "</code> · <a href=\"" + back +
                     "\">返回编辑</a></p><ul class=\"items\">";
  for (std::size_t i = 0; i < revs.size(); ++i) {
    const auto& r = revs[i];
    html += "<li><div><strong>" + html_escape(r.author) + "</strong> · " + format_time(r.time) + " · " +
            html_escape(std::string(trim(r.message))) + "</div><details><summary>查看改动</summary><pre class=\"diff\">" +
            html_escape(diffs[i]) + "</pre></details>";
    if (i > 0 && current)
      html += "<form method=\"post\" action=\"/restore\">" + csrf_field(s) + "<input type=\"hidden\" name=\"path\" value=\"" +
              attr(path) + "\"><input type=\"hidden\" name=\"id\" value=\"" + attr(r.id) +
              "\"><input type=\"hidden\" name=\"base\" value=\"" + attr(content_hash(*current)) +
              "\"><button type=\"submit\" class=\"secondary\">恢复到这个版本</button></form>";
    html += "</li>";
  }
  html += "</ul>";
  reply(res, 200, page(s, "修改记录", html));
}

void handle_restore(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  if (!may_edit(s)) return forbidden(res, s);
  std::string path = req.get_param_value("path"), id = req.get_param_value("id"), base = req.get_param_value("base");
  if (!is_article_path(path) && !is_data_path(path)) return not_found(res, s);
  std::lock_guard lock(app.write_mutex);
  auto old = app.repo->file_at(id, path);
  auto current = read_site_file(app.site, path);
  if (!old || !current) return not_found(res, s);
  if (content_hash(*current) != base)
    return reply(res, 409, page(s, "冲突", "<p class=\"error\">" +
                                             html_escape(_("someone else saved this article after you opened it; nothing was overwritten")) +
                                             "</p><p><a href=\"/history?path=" + url_encode(path) + "\">重新打开修改记录</a></p>"));
  std::string error = save_and_commit(app, s.user, path, *old, "恢复 " + path + " 到 " + id.substr(0, 7));
  if (!error.empty()) return reply(res, 500, page(s, "失败", "<p class=\"error\">" + html_escape(error) + "</p>"));
  redirect(res, is_data_path(path) ? "/data/edit?saved=1&file=" + url_encode(path) : "/edit?saved=1&path=" + url_encode(path));
}

}  // namespace

void add_article_routes(httplib::Server&, App&, const std::function<void(const char*, const char*, Handler)>& route) {
  route("GET", "/articles", handle_list);
  route("GET", "/edit", handle_edit);
  route("GET", "/new", handle_new);
  route("POST", "/save", handle_save);
  route("POST", "/preview", handle_preview);
  route("GET", R"(/preview/(.*))", handle_preview_file);
  route("GET", "/history", handle_history);
  route("POST", "/restore", handle_restore);
}

}  // namespace hongfan::studio
