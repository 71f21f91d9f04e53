#include "content/schedule.h"

#include <algorithm>

#include "core/date.h"

namespace hongfan {

std::optional<std::int64_t> earliest(std::optional<std::int64_t> a, std::optional<std::int64_t> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

std::optional<std::int64_t> apply_schedule(std::vector<Page>& pages, std::int64_t now) {
  std::optional<std::int64_t> next;
  for (auto& p : pages) {
    if (p.publish_date && *p.publish_date > now) next = earliest(next, p.publish_date);
    if (p.expires && *p.expires > now) next = earliest(next, p.expires);
    if (p.expires && *p.expires <= now) {
      p.expired = true;
      p.pinned = false;  // the format reference (docs/content/reference/): an expired notice leaves the pinned list
    }
  }
  // Not std::remove_if: it move-assigns Pages, and YAML::Node's assignment
  // writes into the node it refers to (see link_content).
  auto scheduled = [now](const Page& p) { return p.publish_date && *p.publish_date > now; };
  if (std::none_of(pages.begin(), pages.end(), scheduled)) return next;
  std::vector<Page> kept;
  kept.reserve(pages.size());
  for (auto& p : pages)
    if (!scheduled(p)) kept.push_back(std::move(p));
  pages = std::move(kept);
  return next;
}

std::int64_t next_shanghai_midnight(std::int64_t now) {
  CivilTime t = civil_from_epoch(now);
  std::int64_t day = days_from_civil(t.year, t.month, t.day);
  return (day + 1) * 86400 - kShanghaiOffsetMinutes * 60;
}

}  // namespace hongfan
