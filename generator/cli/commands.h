// One function per command; main() only parses arguments and dispatches.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hongfan::cli {

/// Exit codes: 0 ok, 1 input errors, 2 usage.
inline constexpr int kOk = 0;
inline constexpr int kInputError = 1;
inline constexpr int kUsageError = 2;

/// "Today" from --now or SOURCE_DATE_EPOCH (docs/content/reference/format.md); on a bad value says
/// why on stderr and returns nothing (the command then exits kUsageError).
std::optional<std::int64_t> now_or_report(const std::string& flag);

struct BuildArgs {
  std::string site = ".";
  std::string output;  ///< default SITE/public
  bool drafts = false;
  std::string now;
  bool timings = false;
  bool quiet = false;
  bool strict = false;  ///< every warning is an error: nothing is written
  bool offline = false;  ///< links end in index.html, for a copy opened from disk
};
int run_build(const BuildArgs& args);

struct CheckArgs {
  std::string site = ".";
  std::string format = "text";  ///< text | json
  bool drafts = false;
  std::string now;
};
/// Reports what is wrong with the site without writing anything.
int run_check(const CheckArgs& args);

struct ServeArgs {
  std::string site = ".";
  std::string output;  ///< default SITE/.hongfan-serve/public
  std::string bind = "127.0.0.1";
  int port = 1313;
  bool drafts = false;
  std::string now;
  bool timings = false;
  bool poll = false;  ///< look for changes once a second instead of waiting for inotify
};
int run_serve(const ServeArgs& args);

struct NextArgs {
  std::string site = ".";
  std::string now;
};
/// Prints the next instant at which a build's output changes by time alone.
int run_next(const NextArgs& args);

struct NewArgs {
  std::string kind;    ///< site | news | notice | activity
  std::string target;  ///< DIR for site, TITLE otherwise
  std::string site = ".";
  std::string now;
};
int run_new(const NewArgs& args);

struct StudioArgs {
  std::string site = ".";
  std::string bind = "127.0.0.1";
  int port = 1314;
  std::string now;
  std::string passwd_login;  ///< `studio passwd LOGIN`: print a hash instead
};
/// `hongfan studio`: the web app for staff (generator/studio/).
int run_studio(const StudioArgs& args);

}  // namespace hongfan::cli
