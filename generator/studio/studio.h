// `hongfan studio`: a small web app in the binary for staff to edit,
// upload photos, review and publish. The one header the CLI includes.
#pragma once

#include <cstdint>
#include <string>

namespace hongfan::studio {

struct StudioOptions {
  std::string site = ".";
  std::string bind = "127.0.0.1";
  int port = 1314;
  std::int64_t now = 0;  ///< "today" for preview and publish builds; 0 → the clock
};

/// True for the addresses where the studio runs without a login.
bool is_local_bind(const std::string& bind);

/// Runs the studio until the process is stopped. Returns an exit code:
/// 1 when it refuses to start (a non-local bind without users, a bad
/// studio.yaml, the port in use).
int run_studio(const StudioOptions& options);

/// `hongfan studio passwd`: the Argon2id hash of the password read from
/// stdin (one line), for studio.yaml. Returns an exit code.
int print_password_hash(const std::string& login);

}  // namespace hongfan::studio
