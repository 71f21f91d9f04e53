// Dates and times the way the portal needs them: ISO 8601 in, Chinese out.
//
// Everything is computed from the proleptic Gregorian calendar by hand
// (no locale, no tz database): the format reference (docs/content/reference/) says a time without a zone is
// Asia/Shanghai, which has been UTC+8 without DST since 1991.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hongfan {

constexpr int kShanghaiOffsetMinutes = 8 * 60;

/// An instant plus the offset it was written with.
struct DateTime {
  std::int64_t epoch = 0;  ///< seconds since 1970-01-01T00:00:00Z
  int offset_minutes = kShanghaiOffsetMinutes;
  bool has_time = false;  ///< false for a plain `2024-06-01`
};

struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int weekday = 4;  ///< 0 = Sunday … 6 = Saturday
};

/// Parses a date as staff write it, wherever hongfan reads one (front
/// matter, the ledger, --now): `2024-06-01`, `2024-6-1`, `2024/6/1`,
/// `2024.6.1`, `2024年6月1日` (or `6月1号`), full-width digits too, then an
/// optional time `09:30` / `9:30` / `09:30:00.5` after a space or `T` (after
/// 日 nothing is needed) and an optional zone `Z`, `+08:00`, `+0800`. On
/// failure returns nullopt and, if `error` is given, says in the reader's
/// language which part is wrong (`the month is 13, …`).
std::optional<DateTime> parse_datetime(std::string_view text, std::string* error = nullptr);

/// The hint under a date error: the forms parse_datetime accepts.
const char* date_format_hint();

/// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
std::int64_t days_from_civil(int y, int m, int d);
CivilTime civil_from_epoch(std::int64_t epoch, int offset_minutes = kShanghaiOffsetMinutes);

/// `2020年7月1日 星期三` in Shanghai time.
std::string format_chinese_date(std::int64_t epoch);
/// `2020年7月1日`
std::string format_chinese_day(std::int64_t epoch);
/// `星期三`
std::string chinese_weekday(int weekday);
/// `2020-07-01T08:00:00+08:00`
std::string format_rfc3339(std::int64_t epoch, int offset_minutes = kShanghaiOffsetMinutes);
/// `2020-07-01`
std::string format_iso_date(std::int64_t epoch);

}  // namespace hongfan

namespace hongfan {

/// "Today" as docs/content/reference/format.md defines it: `flag` (a date or date-time) when
/// given, else SOURCE_DATE_EPOCH, else the clock. nullopt + `error` when the
/// flag or the variable is malformed.
std::optional<std::int64_t> resolve_now(const std::string& flag, std::string* error);

}  // namespace hongfan
