#include "core/date.h"

#include <fmt/format.h>

namespace hongfan {

std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilTime civil_from_epoch(std::int64_t epoch, int offset_minutes) {
  std::int64_t t = epoch + static_cast<std::int64_t>(offset_minutes) * 60;
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  std::int64_t secs = t - days * 86400;
  CivilTime c;
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs / 60 % 60);
  c.second = static_cast<int>(secs % 60);
  c.weekday = static_cast<int>(((days + 4) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2));
  return c;
}

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

// Reads exactly `n` digits at `p`.
bool digits(std::string_view s, std::size_t& p, int n, int& out) {
  if (p + static_cast<std::size_t>(n) > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[p + static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  p += static_cast<std::size_t>(n);
  out = v;
  return true;
}

bool fail(std::string* error, const char* why) {
  if (error) *error = why;
  return false;
}

}  // namespace

std::optional<DateTime> parse_datetime(std::string_view s, std::string* error) {
  const char* expected = "expected a date like 2024-06-01 or 2024-06-01T09:30:00+08:00";
  std::size_t p = 0;
  int y = 0, mo = 0, d = 0;
  if (!digits(s, p, 4, y) || p >= s.size() || s[p++] != '-' || !digits(s, p, 2, mo) ||
      p >= s.size() || s[p++] != '-' || !digits(s, p, 2, d)) {
    fail(error, expected);
    return std::nullopt;
  }
  if (mo < 1 || mo > 12) {
    fail(error, "month must be between 01 and 12");
    return std::nullopt;
  }
  if (d < 1 || d > days_in_month(y, mo)) {
    if (error) *error = fmt::format("{}-{:02} has no day {:02}", y, mo, d);
    return std::nullopt;
  }
  DateTime dt;
  int h = 0, mi = 0, sec = 0;
  if (p < s.size()) {
    if (s[p] != 'T' && s[p] != 't' && s[p] != ' ') {
      fail(error, expected);
      return std::nullopt;
    }
    ++p;
    if (!digits(s, p, 2, h) || p >= s.size() || s[p++] != ':' || !digits(s, p, 2, mi)) {
      fail(error, "expected a time like 09:30 after the date");
      return std::nullopt;
    }
    if (p < s.size() && s[p] == ':') {
      ++p;
      if (!digits(s, p, 2, sec)) {
        fail(error, "expected seconds after the minutes");
        return std::nullopt;
      }
      if (p < s.size() && s[p] == '.') {
        ++p;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
      }
    }
    if (h > 23 || mi > 59 || sec > 60) {
      fail(error, "time of day out of range");
      return std::nullopt;
    }
    while (p < s.size() && s[p] == ' ') ++p;
    if (p < s.size()) {
      if (s[p] == 'Z' || s[p] == 'z') {
        dt.offset_minutes = 0;
        ++p;
      } else if (s[p] == '+' || s[p] == '-') {
        int sign = s[p++] == '-' ? -1 : 1, oh = 0, om = 0;
        if (!digits(s, p, 2, oh)) {
          fail(error, "expected a zone offset like +08:00");
          return std::nullopt;
        }
        if (p < s.size() && s[p] == ':') ++p;
        if (p < s.size() && !digits(s, p, 2, om)) {
          fail(error, "expected a zone offset like +08:00");
          return std::nullopt;
        }
        if (oh > 14 || om > 59) {
          fail(error, "zone offset out of range");
          return std::nullopt;
        }
        dt.offset_minutes = sign * (oh * 60 + om);
      }
    }
    if (p != s.size()) {
      fail(error, expected);
      return std::nullopt;
    }
    dt.has_time = true;
  }
  dt.epoch = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
             static_cast<std::int64_t>(dt.offset_minutes) * 60;
  return dt;
}

std::string chinese_weekday(int weekday) {
  static const char* names[] = {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"};
  return names[((weekday % 7) + 7) % 7];
}

std::string format_chinese_day(std::int64_t epoch) {
  auto c = civil_from_epoch(epoch);
  return fmt::format("{}年{}月{}日", c.year, c.month, c.day);
}

std::string format_chinese_date(std::int64_t epoch) {
  auto c = civil_from_epoch(epoch);
  return fmt::format("{}年{}月{}日 {}", c.year, c.month, c.day, chinese_weekday(c.weekday));
}

std::string format_rfc3339(std::int64_t epoch, int offset_minutes) {
  auto c = civil_from_epoch(epoch, offset_minutes);
  std::string zone = "Z";
  if (offset_minutes != 0) {
    int a = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    zone = fmt::format("{}{:02}:{:02}", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
  }
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", c.year, c.month, c.day, c.hour,
                     c.minute, c.second, zone);
}

std::string format_iso_date(std::int64_t epoch) {
  auto c = civil_from_epoch(epoch);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

}  // namespace hongfan

#include <cstdlib>
#include <ctime>

namespace hongfan {

std::optional<std::int64_t> resolve_now(const std::string& flag, std::string* error) {
  if (!flag.empty()) {
    std::string why;
    auto dt = parse_datetime(flag, &why);
    if (!dt) {
      if (error) *error = "--now '" + flag + "': " + why;
      return std::nullopt;
    }
    return dt->epoch;
  }
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
    char* end = nullptr;
    long long v = std::strtoll(sde, &end, 10);
    if (!end || *end != '\0' || v < 0) {
      if (error) *error = std::string("SOURCE_DATE_EPOCH '") + sde + "' is not a number of seconds";
      return std::nullopt;
    }
    return v;
  }
  return static_cast<std::int64_t>(std::time(nullptr));
}

}  // namespace hongfan
