#include "site/next_change.h"

#include <filesystem>
#include <fstream>

#include "content/schedule.h"
#include "core/date.h"
#include "core/i18n.h"
#include "site/build.h"
#include "site/output.h"

namespace hongfan {

namespace fs = std::filesystem;

std::optional<std::int64_t> next_time_change(const PreparedSite& s, std::int64_t now) {
  std::optional<std::int64_t> next = s.scheduled_change;
  for (const auto& a : s.programme.activities) {
    if (a.start > now) next = earliest(next, a.start);
    if (a.end > now) next = earliest(next, a.end);
  }
  if (!s.programme.activities.empty() || !s.data.points.rows.empty())
    next = earliest(next, next_shanghai_midnight(now));
  return next;
}

std::string next_change_path(const std::string& output_dir) {
  return (fs::path(cache_dir_beside(output_dir)) / "next-build").string();
}

void write_next_change(const std::string& output_dir, std::optional<std::int64_t> next) {
  fs::path path = next_change_path(output_dir);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (next) f << *next << ' ' << format_rfc3339(*next) << '\n';
  else f << "none\n";
}

std::string describe_next_change(std::optional<std::int64_t> next) {
  if (!next) return _("nothing scheduled");
  CivilTime t = civil_from_epoch(*next);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", t.year, t.month, t.day, t.hour, t.minute);
}

}  // namespace hongfan
