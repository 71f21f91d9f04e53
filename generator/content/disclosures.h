// 三务公开 (content/gongkai/, docs/content/reference/format.md): 党务, 居务 and 财务 disclosures
// under 《中国共产党党务公开条例（试行）》, with their cadence, period,
// approval trail and attachments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/collection.h"
#include "core/diagnostics.h"

namespace hongfan {

/// The three kinds, in the order /gongkai/ lists them.
const std::vector<std::string>& disclosure_kinds();

/// A period as written (`2024`, `2024-Q2`, `2024-06`): its rhythm and place.
struct DisclosurePeriod {
  int year = 0;
  int per_year = 0;  ///< 1 yearly, 4 quarterly, 12 monthly; 0 when not given
  int index = 0;     ///< quarter 1–4 or month 1–12; 0 for a year
  std::string text;  ///< as written

  /// Months since year 0 at its start, to order and compare periods.
  int ordinal() const { return year * 12 + (per_year == 0 || per_year == 1 ? 0 : (index - 1) * (12 / per_year)); }
  /// The period after this one, in the same rhythm.
  DisclosurePeriod next() const;
  /// The first instant after it ends (Shanghai time), epoch seconds.
  std::int64_t end_epoch() const;
  /// 2024年, 2024年第二季度, 2024年6月
  std::string title() const;
};

/// Parses `2024`, `2024-Q2` (or `2024Q2`, `2024-q2`) and `2024-06`/`2024-6`.
std::optional<DisclosurePeriod> parse_period(std::string_view text);

struct Disclosure {
  const Page* page = nullptr;
  std::string kind;     ///< 党务公开, 居务公开 or 财务公开
  std::string cadence;  ///< 固定, 定期 or 即时 ("" when not given)
  std::string series;   ///< for 定期
  DisclosurePeriod period;
  struct Approval {
    std::string proposed, reviewed, approved, date;
  };
  std::optional<Approval> approval;
  struct Attachment {
    std::string path;  ///< as written, site-absolute (/files/x.pdf)
    SourceLoc loc;
  };
  std::vector<Attachment> attachments;
  SourceLoc series_loc;  ///< where `series:` is written
};

/// Reads every page of content/gongkai/ and reports a missing or unknown
/// kind or cadence, a 定期 item without series or period, and a period that
/// is not a year, quarter or month. Sorted by kind, then period (newest
/// first), then date.
std::vector<Disclosure> read_disclosures(const ContentSet& content, Diagnostics& diags);

}  // namespace hongfan
