// Rule: a 定期 (regular) 三务公开 series has an item for every period since
// its first, once a period has been over for a grace of kGraceDays — the
// 《中国共产党党务公开条例（试行）》 makes 党务公开 a duty, and a quarter's
// 党费 that never appears is what an inspector finds.
#include <map>

#include "check/inspector.h"
#include "core/i18n.h"

namespace hongfan {

namespace {

// Days after a period ends before its disclosure counts as overdue.
constexpr int kGraceDays = 10;
// At most this many missing periods reported per series (a series stopped
// years ago says so once per period otherwise).
constexpr int kMaxReported = 4;

}  // namespace

void check_disclosures(const CheckContext& ctx, Diagnostics& diags) {
  const PreparedSite& site = *ctx.prepared;
  const std::int64_t now = site.view.now;
  std::map<std::string, std::vector<const Disclosure*>> series;
  for (const auto& d : site.disclosures)
    if (d.cadence == "定期" && !d.series.empty() && d.period.per_year) series[d.series].push_back(&d);
  for (const auto& [name, items] : series) {
    const Disclosure* latest = items.front();
    const Disclosure* first = items.front();
    std::map<int, const Disclosure*> have;  // ordinal → item
    for (const Disclosure* d : items) {
      have[d->period.ordinal()] = d;
      if (d->period.ordinal() > latest->period.ordinal()) latest = d;
      if (d->period.ordinal() < first->period.ordinal()) first = d;
    }
    // The rhythm is the latest item's (a series may move from yearly to quarterly).
    DisclosurePeriod p = first->period;
    if (p.per_year != latest->period.per_year) p = latest->period;
    int reported = 0;
    for (; p.end_epoch() + kGraceDays * 86400LL <= now && reported < kMaxReported; p = p.next()) {
      if (have.count(p.ordinal())) continue;
      const std::int64_t late = (now - p.end_epoch()) / 86400;
      diags.warning(latest->series_loc,
                    tr("the 定期 disclosure '{}' has no item for {} ({} days after it ended)", name, p.title(), late),
                    tr("publish it in content/gongkai/ with `series: {}` and `period: {}`", name, p.text));
      ++reported;
    }
  }
}

}  // namespace hongfan
