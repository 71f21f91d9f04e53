#include "studio/auth.h"

#include <sodium.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/i18n.h"
#include "core/yaml.h"

namespace hongfan::studio {

namespace {
void ensure_sodium() {
  static const bool ok = sodium_init() >= 0;
  (void)ok;
}
}  // namespace

bool User::has(const char* role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

StudioConfig load_studio_config(const std::string& site, Diagnostics& diags) {
  StudioConfig cfg;
  std::ifstream in(site + "/studio.yaml", std::ios::binary);
  if (!in) return cfg;
  std::ostringstream s;
  s << in.rdbuf();
  auto text = std::make_shared<const std::string>(s.str());
  YamlSource src{"studio.yaml", 0, "", text};
  auto root = parse_yaml(*text, src, diags);
  if (!root || !root->IsMap()) return cfg;
  if (auto users = (*root)["users"]; users && users.IsSequence()) {
    for (const auto& u : users) {
      User user;
      user.name = yaml_string(u, "name", src, diags).value_or("");
      user.login = yaml_string(u, "login", src, diags).value_or("");
      user.password_hash = yaml_string(u, "password_hash", src, diags).value_or("");
      user.roles = yaml_string_list(u, "roles", src, diags).value_or(std::vector<std::string>{});
      if (user.login.empty() || user.password_hash.empty()) {
        diags.error(src.at(u), _("studio user: needs both `login` and `password_hash`"),
                    _("make the hash with: hongfan studio passwd LOGIN"));
        continue;
      }
      for (const auto& r : user.roles)
        if (r != kEditor && r != kReviewer && r != kPublisher)
          diags.error(src.at(u), tr("studio user {}: unknown role '{}'", user.login, r),
                      _("a role is one of 编辑, 审核, 发布"));
      if (user.name.empty()) user.name = user.login;
      cfg.users.push_back(std::move(user));
    }
  }
  if (auto deploy = (*root)["deploy"]; deploy && deploy.IsMap())
    cfg.deploy_remote = yaml_string(deploy, "remote", src, diags).value_or("");
  return cfg;
}

std::string hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return {};
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  ensure_sodium();
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  hex.pop_back();
  return hex;
}

bool same_token(const std::string& a, const std::string& b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string content_hash(std::string_view data) {
  ensure_sodium();
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

std::string Sessions::open(const User& user) {
  std::lock_guard lock(mutex_);
  std::string token = random_token();
  sessions_[token] = Session{user, random_token(), Clock::now() + kLifetime};
  return token;
}

std::optional<Session> Sessions::find(const std::string& token) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return std::nullopt;
  if (it->second.expires < Clock::now()) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.expires = Clock::now() + kLifetime;
  return it->second;
}

void Sessions::close(const std::string& token) {
  std::lock_guard lock(mutex_);
  sessions_.erase(token);
}

void Sessions::prune(std::vector<Clock::time_point>& v) {
  auto cutoff = Clock::now() - kWindow;
  v.erase(std::remove_if(v.begin(), v.end(), [&](auto t) { return t < cutoff; }), v.end());
}

bool Sessions::may_try(const std::string& login, const std::string& address) {
  std::lock_guard lock(mutex_);
  for (const auto& key : {"u:" + login, "a:" + address}) {
    auto& v = failures_[key];
    prune(v);
    if (static_cast<int>(v.size()) >= kMaxFailures) return false;
  }
  return true;
}

void Sessions::failed(const std::string& login, const std::string& address) {
  std::lock_guard lock(mutex_);
  failures_["u:" + login].push_back(Clock::now());
  failures_["a:" + address].push_back(Clock::now());
}

void Sessions::succeeded(const std::string& login) {
  std::lock_guard lock(mutex_);
  failures_.erase("u:" + login);
}

}  // namespace hongfan::studio
