// The points ledger: an Excel/WPS workbook (.xlsx) or a CSV saved from them
// (UTF-8 or GBK) is checked with the build's own rules against the rest of
// the site, then shown as a preview — rows added and removed, rows in error
// by row number — and replaces data/points.* only when it has no errors and
// someone says so. One ledger remains: the others are removed in the same
// commit, so the old one stays in the git history.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/i18n.h"
#include "core/text.h"
#include "data/points.h"
#include "studio/app.h"
#include "studio/ledger_rows.h"
#include "studio/paths.h"
#include "studio/site_ops.h"

namespace hongfan::studio {

namespace {

namespace fs = std::filesystem;

const char* const kLedgers[] = {"data/points.csv", "data/points.xlsx", "data/points.yaml"};

// The ledger file an upload named `name` becomes, or "" for other formats.
std::string target_of(const std::string& name) {
  std::string lower = ascii_lower(name);
  if (ends_with(lower, ".xlsx")) return "data/points.xlsx";
  if (ends_with(lower, ".csv")) return "data/points.csv";
  return {};
}

std::vector<std::string> others_than(const std::string& target) {
  std::vector<std::string> out;
  for (const char* l : kLedgers)
    if (target != l) out.push_back(l);
  return out;
}

// The ledger on disk now, if any (the build refuses two).
std::string current_ledger(const App& app) {
  for (const char* l : kLedgers)
    if (read_site_file(app.site, l)) return l;
  return {};
}

std::string pending_file(const App& app, const std::string& token, const std::string& target) {
  return app.site + "/.hongfan-studio/ledger/" + token + (ends_with(target, ".xlsx") ? ".xlsx" : ".csv");
}

void fail(httplib::Response& res, const Session& s, int status, const std::string& message) {
  reply(res, status, page(s, "积分台账", "<p class=\"error\" role=\"alert\">" + html_escape(message) +
                                           "</p><p><a href=\"/ledger\">返回</a></p>"));
}

bool may_edit(const Session& s) { return s.user.has(kEditor) || s.user.has(kReviewer); }

std::string upload_form(const Session& s) {
  return "<form method=\"post\" action=\"/ledger\" enctype=\"multipart/form-data\">" + csrf_field(s) +
         "<label for=\"ledger\">积分台账文件</label><p class=\"hint\" id=\"ledger-hint\">Excel 或 WPS 表格（.xlsx），或另存为的 CSV；"
         "表头可用中文：日期, 人员, 网格, 类别, 积分, 事由。上传后先预览，确认无误再替换。</p>"
         "<input type=\"file\" id=\"ledger\" name=\"ledger\" accept=\".xlsx,.csv\" aria-describedby=\"ledger-hint\">"
         "<div class=\"actions\"><button type=\"submit\">上传并预览</button></div></form>";
}

void handle_page(App& app, const Session& s, const httplib::Request&, httplib::Response& res) {
  std::string file = current_ledger(app);
  std::string html = "<h1>积分台账</h1>";
  if (!file.empty()) {
    auto rows = ledger_rows(file, read_site_file(app.site, file).value_or(""));
    html += "<p>当前台账：<code>" + file + "</code>，共 " + std::to_string(rows ? rows->size() : 0) + " 行。</p>";
  } else {
    html += "<p>还没有积分台账。</p>";
  }
  reply(res, 200, page(s, "积分台账", html + upload_form(s)));
}

void handle_upload(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  if (!may_edit(s)) return fail(res, s, 403, _("your role does not allow this"));
  if (!req.has_file("ledger")) return fail(res, s, 400, _("choose the ledger file first"));
  auto file = req.get_file_value("ledger");
  std::string target = target_of(file.filename);
  if (target.empty()) return fail(res, s, 400, _("the ledger must be an Excel workbook (.xlsx) or a CSV file"));
  auto rows = ledger_rows(target, file.content);
  if (!rows)
    return fail(res, s, 400, ends_with(target, ".xlsx")
                                 ? _("the workbook cannot be read; open it in Excel or WPS and save it again as .xlsx")
                                 : _("the ledger file is neither UTF-8 nor GBK; save it from Excel as CSV"));
  auto problems = validate_with(app, {{target, file.content}}, others_than(target), target);
  const auto& now_rows = *rows;
  std::map<std::string, int> before;  // row text → how many times
  std::string old_file = current_ledger(app);
  if (!old_file.empty())
    if (auto old = ledger_rows(old_file, read_site_file(app.site, old_file).value_or("")))
      for (const auto& [n, row] : *old) ++before[row];
  std::vector<std::pair<int, std::string>> added;
  std::size_t kept = 0;
  for (const auto& [n, row] : now_rows) {
    auto it = before.find(row);
    if (it != before.end() && it->second > 0) {
      --it->second;
      ++kept;
    } else {
      added.emplace_back(n, row);
    }
  }
  std::size_t removed = 0;
  for (const auto& [row, count] : before) removed += static_cast<std::size_t>(count);
  std::map<int, std::vector<std::string>> errors;  // row → messages
  for (const auto& d : problems) errors[d.loc.line].push_back(d.message + (d.hint.empty() ? "" : " — " + d.hint));

  std::string html = "<h1>积分台账预览</h1><p role=\"status\">" +
                     html_escape(tr("{} rows: {} added, {} removed, {} unchanged; {} rows with errors", now_rows.size(),
                                    added.size(), removed, kept, errors.size())) +
                     "</p>";
  if (!errors.empty()) {
    html += "<h2>有错误的行</h2><ul class=\"items\">";
    for (const auto& [line, msgs] : errors)
      for (const auto& m : msgs) html += "<li>" + html_escape(tr("row {}: {}", line, m)) + "</li>";
    html += "</ul><p class=\"error\">" + html_escape(_("the ledger was not replaced; correct these rows and upload it again")) +
            "</p>" + upload_form(s);
    return reply(res, 422, page(s, "积分台账预览", html));
  }
  std::string token = random_token(16);
  std::error_code ec;
  fs::create_directories(app.site + "/.hongfan-studio/ledger", ec);
  std::ofstream(pending_file(app, token, target), std::ios::binary) << file.content;
  html += "<h2>新增的行</h2>";
  if (added.empty()) {
    html += "<p>没有新增的行。</p>";
  } else {
    html += "<div style=\"overflow-x:auto\"><table><caption>新增的行（前 100 行）</caption><thead><tr><th scope=\"col\">行号</th>"
            "<th scope=\"col\">内容</th></tr></thead><tbody>";
    for (std::size_t i = 0; i < added.size() && i < 100; ++i)
      html += "<tr><td>" + std::to_string(added[i].first) + "</td><td>" + html_escape(added[i].second) + "</td></tr>";
    html += "</tbody></table></div>";
  }
  html += "<form method=\"post\" action=\"/ledger/apply\">" + csrf_field(s) + "<input type=\"hidden\" name=\"token\" value=\"" +
          token + "\"><input type=\"hidden\" name=\"added\" value=\"" + std::to_string(added.size()) +
          "\"><div class=\"actions\"><button type=\"submit\">替换台账</button></div></form>";
  reply(res, 200, page(s, "积分台账预览", html));
}

void handle_apply(App& app, const Session& s, const httplib::Request& req, httplib::Response& res) {
  if (!may_edit(s)) return fail(res, s, 403, _("your role does not allow this"));
  std::string token = req.get_param_value("token");
  if (token.size() != 32 || token.find_first_not_of("0123456789abcdef") != std::string::npos)
    return fail(res, s, 400, _("the form has expired; open the page again"));
  // The pending file's name says which ledger it becomes.
  std::string target = "data/points.xlsx";
  if (!fs::exists(pending_file(app, token, target))) target = "data/points.csv";
  std::ifstream in(pending_file(app, token, target), std::ios::binary);
  if (!in) return fail(res, s, 400, _("the form has expired; open the page again"));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::lock_guard lock(app.write_mutex);
  // Checked again: the rest of the site may have changed since the preview.
  auto problems = validate_with(app, {{target, bytes.str()}}, others_than(target), target);
  if (!problems.empty()) return fail(res, s, 422, problems.front().format());
  std::string error;
  if (!write_site_file(app.site, target, bytes.str(), &error)) return fail(res, s, 500, error);
  // The other ledgers go in the same commit: the build allows one, and the
  // history keeps what they held.
  std::vector<std::string> paths = {target};
  for (const auto& other : others_than(target)) {
    std::error_code ec;
    if (fs::remove(app.site + "/" + other, ec)) paths.push_back(other);
  }
  std::string added = req.get_param_value("added");
  if (app.repo->commit(paths, s.user.name, author_email(s.user), "更新积分台账（新增 " + added + " 行）", &error).empty())
    return fail(res, s, 500, error);
  std::error_code ec;
  fs::remove(pending_file(app, token, target), ec);
  reply(res, 200, page(s, "积分台账", "<h1>积分台账</h1><p class=\"notice\" role=\"status\">" +
                                          html_escape(tr("the ledger was replaced ({} rows added)", added)) +
                                          "</p><p>发布后网站上的积分榜随之更新。</p>"));
}

}  // namespace

void add_ledger_routes(App&, const std::function<void(const char*, const char*, Handler)>& route) {
  route("GET", "/ledger", handle_page);
  route("POST", "/ledger", handle_upload);
  route("POST", "/ledger/apply", handle_apply);
}

}  // namespace hongfan::studio
