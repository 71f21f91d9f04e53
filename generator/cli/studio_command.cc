#include "cli/commands.h"
#include "studio/studio.h"

namespace hongfan::cli {

int run_studio(const StudioArgs& args) {
  if (!args.passwd_login.empty()) return studio::print_password_hash(args.passwd_login);
  studio::StudioOptions options;
  options.site = args.site;
  options.bind = args.bind;
  options.port = args.port;
  if (!args.now.empty()) {
    auto now = now_or_report(args.now);
    if (!now) return kUsageError;
    options.now = *now;
  }
  return studio::run_studio(options) == 0 ? kOk : kInputError;
}

}  // namespace hongfan::cli
