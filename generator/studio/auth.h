// Who may do what in the studio: users and roles from studio.yaml
// (docs/content/reference/format.md), Argon2id password hashes (libsodium), sessions with a CSRF
// token each, and a limit on failed logins.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace hongfan::studio {

/// The three roles of the review rule.
inline constexpr const char* kEditor = "编辑";
inline constexpr const char* kReviewer = "审核";
inline constexpr const char* kPublisher = "发布";

struct User {
  std::string name;   ///< shown, and the git author
  std::string login;
  std::string password_hash;  ///< "$argon2id$..."
  std::vector<std::string> roles;
  bool has(const char* role) const;
};

struct StudioConfig {
  std::vector<User> users;
  std::string deploy_remote;  ///< rclone remote of `deploy.remote`, or ""
};

/// Reads SITE/studio.yaml (missing → no users, no remote). Problems (a user
/// without login or hash, an unknown role) go to `diags`.
StudioConfig load_studio_config(const std::string& site, Diagnostics& diags);

/// An Argon2id hash of `password` for studio.yaml (libsodium crypto_pwhash_str).
std::string hash_password(const std::string& password);
/// True when `password` matches `hash`.
bool verify_password(const std::string& hash, const std::string& password);

/// A random token of `bytes` bytes, hex.
std::string random_token(std::size_t bytes = 32);
/// Compares two tokens in constant time.
bool same_token(const std::string& a, const std::string& b);
/// BLAKE2b of `data`, hex (the "base hash" an edit form carries).
std::string content_hash(std::string_view data);

struct Session {
  User user;
  std::string csrf;
  std::chrono::steady_clock::time_point expires;
};

/// Sessions held in memory (a restart logs everyone out) and failed
/// logins counted per login name and per address.
class Sessions {
 public:
  /// A new session for `user`; returns its cookie value.
  std::string open(const User& user);
  /// The live session behind a cookie value (extending it), if any.
  std::optional<Session> find(const std::string& token);
  void close(const std::string& token);

  /// False while `login` or `address` has failed too often recently.
  bool may_try(const std::string& login, const std::string& address);
  void failed(const std::string& login, const std::string& address);
  void succeeded(const std::string& login);

  static constexpr int kMaxFailures = 5;
  static constexpr std::chrono::minutes kWindow{15};
  static constexpr std::chrono::hours kLifetime{8};

 private:
  using Clock = std::chrono::steady_clock;
  std::mutex mutex_;
  std::map<std::string, Session> sessions_;
  std::map<std::string, std::vector<Clock::time_point>> failures_;
  void prune(std::vector<Clock::time_point>& v);
};

}  // namespace hongfan::studio
