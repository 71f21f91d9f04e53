// What every studio handler shares: the site, users and sessions, the git
// repository, and the HTML shell. Internal to generator/studio/.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "studio/auth.h"
#include "studio/repo.h"

namespace hongfan::studio {

struct App {
  std::string site;  ///< absolute path of the site folder
  bool local = true;
  std::int64_t now = 0;
  StudioConfig config;
  Sessions sessions;
  /// One writer at a time: files, git, builds.
  std::mutex write_mutex;
  std::optional<Repo> repo;
  std::mutex preview_mutex;
  std::string last_publish;  ///< HTML of the last publish result
};

/// The request's session, resolved by the guard before a handler runs.
using Handler = std::function<void(App&, const Session&, const httplib::Request&, httplib::Response&)>;

/// A page in the studio's shell: header with navigation and the user,
/// `main` holding `content` (already HTML).
std::string page(const Session& s, const std::string& title, const std::string& content);
/// The shell for someone not logged in (login page, errors).
std::string bare_page(const std::string& title, const std::string& content);

/// `<input type=hidden name=csrf>` for the session.
std::string csrf_field(const Session& s);

/// A form field value: urlencoded or multipart. Forms that can be long (an
/// article, a data file) are sent as multipart: Debian's libcpp-httplib is
/// built to refuse a urlencoded body over 8 KB (about 900 Chinese characters).
std::string form_value(const httplib::Request& req, const std::string& name);
bool has_form_value(const httplib::Request& req, const std::string& name);

/// Replies with an HTML page and a status.
void reply(httplib::Response& res, int status, std::string html);
/// Replies 303 See Other to `to`.
void redirect(httplib::Response& res, const std::string& to);
/// Replies with a JSON object of string values (escaped).
void reply_json(httplib::Response& res, int status, const std::vector<std::pair<std::string, std::string>>& fields);

/// The commit author e-mail for a user (git wants one).
std::string author_email(const User& u);

/// Percent-encodes `s` for a query string value.
std::string url_encode(const std::string& s);

// Handlers, one file per area.
void add_article_routes(httplib::Server& server, App& app,
                        const std::function<void(const char*, const char*, Handler)>& route);
void add_photo_routes(App& app, const std::function<void(const char*, const char*, Handler)>& route);
void add_import_routes(App& app, const std::function<void(const char*, const char*, Handler)>& route);
void add_ledger_routes(App& app, const std::function<void(const char*, const char*, Handler)>& route);
void add_data_routes(App& app, const std::function<void(const char*, const char*, Handler)>& route);
void add_check_routes(App& app, const std::function<void(const char*, const char*, Handler)>& route);
void add_review_routes(App& app, const std::function<void(const char*, const char*, Handler)>& route);

}  // namespace hongfan::studio
