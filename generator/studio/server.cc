// The studio's server: start-up checks, the login, the guard every route
// goes through (session, role, CSRF), the shell and the assets.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "core/diagnostics.h"
#include "core/i18n.h"
#include "core/text.h"
#include "studio/app.h"
#include "studio/assets.h"
#include "studio/studio.h"

namespace hongfan::studio {

namespace {

/// Photos are capped at 10 MB each (studio/photos.cc); a request may carry a
/// little more (the other form fields). Larger bodies get 413.
constexpr std::size_t kMaxRequest = 12 * 1024 * 1024;
constexpr const char* kCookie = "hf_session";

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  std::string header = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto semi = header.find(';', pos);
    if (semi == std::string::npos) semi = header.size();
    std::string_view part = trim(std::string_view(header).substr(pos, semi - pos));
    if (starts_with(part, name + "=")) return std::string(part.substr(name.size() + 1));
    pos = semi + 1;
  }
  return {};
}

void set_session_cookie(httplib::Response& res, const std::string& token) {
  res.set_header("Set-Cookie", std::string(kCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
}

// A cross-site form never carries our token; an Origin that is not this
// host is refused before the token is even looked at.
bool same_origin(const httplib::Request& req) {
  std::string origin = req.get_header_value("Origin");
  if (origin.empty() || origin == "null") return origin.empty();
  auto scheme = origin.find("://");
  std::string host = scheme == std::string::npos ? origin : origin.substr(scheme + 3);
  return host == req.get_header_value("Host");
}

User local_user() {
  return User{"本机用户", "local", "", {kEditor, kReviewer, kPublisher}};
}

std::string login_form(const std::string& error, const std::string& login) {
  std::string html = "<div class=\"login\"><h1>登录红帆工作台</h1>";
  if (!error.empty()) html += "<p class=\"error\" role=\"alert\">" + html_escape(error) + "</p>";
  html += "<form method=\"post\" action=\"/login\">"
          "<label for=\"login\">用户名</label><input type=\"text\" id=\"login\" name=\"login\" autocomplete=\"username\" "
          "required value=\"" + html_escape(login) + "\">"
          "<label for=\"password\">密码</label><input type=\"password\" id=\"password\" name=\"password\" "
          "autocomplete=\"current-password\" required>"
          "<div class=\"actions\"><button type=\"submit\">登录</button></div></form></div>";
  return html;
}

}  // namespace

bool is_local_bind(const std::string& bind) {
  return bind == "127.0.0.1" || bind == "localhost" || bind == "::1";
}

std::string csrf_field(const Session& s) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + html_escape(s.csrf) + "\">";
}

std::string form_value(const httplib::Request& req, const std::string& name) {
  if (req.has_param(name.c_str())) return req.get_param_value(name.c_str());
  if (req.has_file(name.c_str())) return req.get_file_value(name.c_str()).content;
  return {};
}

bool has_form_value(const httplib::Request& req, const std::string& name) {
  return req.has_param(name.c_str()) || req.has_file(name.c_str());
}

void reply(httplib::Response& res, int status, std::string html) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(html), "text/html; charset=utf-8");
}

void redirect(httplib::Response& res, const std::string& to) {
  res.status = 303;
  res.set_header("Location", to);
}

void reply_json(httplib::Response& res, int status, const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out = "{";
  for (const auto& [k, v] : fields) {
    if (out.size() > 1) out += ",";
    out += "\"" + k + "\":\"";
    for (unsigned char c : v) {
      if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
      else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
      else if (c == '<') out += "\\u003c";
      else out += static_cast<char>(c);
    }
    out += "\"";
  }
  res.status = status;
  res.set_content(out + "}", "application/json; charset=utf-8");
}

std::string author_email(const User& u) { return u.login + "@studio.invalid"; }

std::string url_encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == '~') out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string bare_page(const std::string& title, const std::string& content) {
  return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" + html_escape(title) + " · 红帆工作台</title><link rel=\"stylesheet\" href=\"/studio.css\"></head>"
         "<body><main id=\"main\">" + content + "</main></body></html>";
}

std::string page(const Session& s, const std::string& title, const std::string& content) {
  std::string html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                     "<title>" + html_escape(title) + " · 红帆工作台</title>"
                     "<link rel=\"stylesheet\" href=\"/studio.css\"></head><body>"
                     "<a class=\"skip\" href=\"#main\">跳到正文</a>"
                     "<header class=\"bar\"><a class=\"brand\" href=\"/articles\">红帆工作台</a>"
                     "<nav aria-label=\"工作台\"><ul><li><a href=\"/articles\">文章</a></li>"
                     "<li><a href=\"/new\">新建文章</a></li><li><a href=\"/data\">基础数据</a></li><li><a href=\"/ledger\">积分台账</a></li>"
                     "<li><a href=\"/check\">网站检查</a></li><li><a href=\"/review\">审核与发布</a></li></ul></nav>"
                     "<div class=\"who\"><span>" + html_escape(s.user.name) + "</span>";
  if (s.user.login != "local")
    html += "<form method=\"post\" action=\"/logout\">" + csrf_field(s) + "<button type=\"submit\">退出</button></form>";
  html += "</div></header><main id=\"main\">" + content + "</main><script src=\"/studio.js\"></script></body></html>";
  return html;
}

int print_password_hash(const std::string& login) {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.size() < 8) {
    std::fprintf(stderr, "%s\n", _("the password must be at least 8 characters"));
    return 1;
  }
  std::string hash = hash_password(password);
  if (hash.empty()) return 1;
  std::printf("  - {name: %s, login: %s, password_hash: \"%s\", roles: [编辑]}\n", login.c_str(), login.c_str(),
              hash.c_str());
  return 0;
}

int run_studio(const StudioOptions& options) {
  App app;
  std::error_code ec;
  app.site = std::filesystem::canonical(options.site, ec).string();
  if (ec || !std::filesystem::is_regular_file(app.site + "/site.yaml")) {
    std::fprintf(stderr, "%s\n", tr("{}: no site.yaml here; studio needs a site folder", options.site).c_str());
    return 1;
  }
  app.local = is_local_bind(options.bind);
  app.now = options.now;
  Diagnostics diags;
  app.config = load_studio_config(app.site, diags);
  if (diags.has_errors()) {
    diags.print(stderr);
    return 1;
  }
  if (!app.local && app.config.users.empty()) {
    std::fprintf(stderr, "%s\n    %s%s\n",
                 tr("studio.yaml: no users; studio listens on {} only with a login", options.bind).c_str(),
                 _("hint: "), _("add users with `hongfan studio passwd LOGIN`, or use --bind 127.0.0.1"));
    return 1;
  }
  std::string error;
  app.repo = Repo::open_or_init(app.site, &error);
  if (!app.repo) {
    std::fprintf(stderr, "%s\n", tr("{}: cannot open or create its git history: {}", app.site, error).c_str());
    return 1;
  }

  httplib::Server server;
  server.set_payload_max_length(kMaxRequest);
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "same-origin"},
                              {"X-Frame-Options", "SAMEORIGIN"}});

  // Every route but the login and the assets goes through here.
  auto route = [&](const char* method, const char* pattern, Handler handler) {
    auto guarded = [&app, handler, post = std::string(method) == "POST"](const httplib::Request& req,
                                                                          httplib::Response& res) {
      std::string token = cookie_value(req, kCookie);
      auto session = app.sessions.find(token);
      if (!session && app.local) {
        token = app.sessions.open(local_user());
        session = app.sessions.find(token);
        set_session_cookie(res, token);
        if (post) {  // a POST must come from a form the studio served
          reply(res, 403, bare_page("拒绝", "<p class=\"error\">" + html_escape(_("the form has expired; open the page again")) + "</p>"));
          return;
        }
      }
      if (!session) {
        if (post) reply(res, 403, bare_page("请先登录", "<p class=\"error\">" + html_escape(_("please log in first")) + "</p><p><a href=\"/login\">登录</a></p>"));
        else redirect(res, "/login");
        return;
      }
      if (post && (!same_origin(req) ||
                   !same_token(session->csrf, req.has_header("X-CSRF-Token") ? req.get_header_value("X-CSRF-Token")
                                                                             : form_value(req, "csrf")))) {
        reply(res, 403, page(*session, "拒绝", "<p class=\"error\">" + html_escape(_("the form has expired; open the page again")) + "</p>"));
        return;
      }
      handler(app, *session, req, res);
    };
    if (std::string(method) == "POST") server.Post(pattern, guarded);
    else server.Get(pattern, guarded);
  };

  server.Get("/studio.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(*studio_asset("studio.css")), "text/css; charset=utf-8");
  });
  server.Get("/studio.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(*studio_asset("studio.js")), "text/javascript; charset=utf-8");
  });
  server.Get("/login", [&app](const httplib::Request&, httplib::Response& res) {
    if (app.local) return redirect(res, "/articles");
    reply(res, 200, bare_page("登录", login_form("", "")));
  });
  server.Post("/login", [&app](const httplib::Request& req, httplib::Response& res) {
    if (app.local || !same_origin(req)) return redirect(res, "/articles");
    std::string login = req.get_param_value("login"), password = req.get_param_value("password");
    if (!app.sessions.may_try(login, req.remote_addr))
      return reply(res, 429, bare_page("登录", login_form(_("too many failed logins; wait 15 minutes and try again"), login)));
    for (const auto& u : app.config.users) {
      if (u.login == login && verify_password(u.password_hash, password)) {
        app.sessions.succeeded(login);
        set_session_cookie(res, app.sessions.open(u));
        return redirect(res, "/articles");
      }
    }
    app.sessions.failed(login, req.remote_addr);
    reply(res, 401, bare_page("登录", login_form(_("wrong user name or password"), login)));
  });
  route("POST", "/logout", [](App& a, const Session&, const httplib::Request& req, httplib::Response& res) {
    a.sessions.close(cookie_value(req, kCookie));
    res.set_header("Set-Cookie", std::string(kCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    redirect(res, "/login");
  });
  route("GET", "/", [](App&, const Session&, const httplib::Request&, httplib::Response& res) {
    redirect(res, "/articles");
  });
  add_article_routes(server, app, route);
  add_photo_routes(app, route);
  add_review_routes(app, route);
  add_import_routes(app, route);
  add_ledger_routes(app, route);
  add_data_routes(app, route);
  add_check_routes(app, route);

  if (!server.bind_to_port(options.bind.c_str(), options.port)) {
    std::fprintf(stderr, "%s\n", tr("cannot listen on {}:{}: the port is in use or not allowed", options.bind, options.port).c_str());
    return 1;
  }
  std::fprintf(stderr, "%s\n",
               tr("studio for {} at http://{}:{}/ (Ctrl+C to stop)", app.site, options.bind, options.port).c_str());
  server.listen_after_bind();
  return 0;
}

}  // namespace hongfan::studio
