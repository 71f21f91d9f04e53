#include "core/date.h"

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/utf8.h"

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

// Staff type dates with a Chinese input method: full-width digits and
// punctuation (２０２４／６／１, 9：30) mean the same as their ASCII forms.
std::string normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t p = 0;
  while (p < s.size()) {
    std::size_t at = p;
    char32_t cp = utf8::next(s, p);
    if (cp >= U'０' && cp <= U'９') out += static_cast<char>('0' + (cp - U'０'));
    else if (cp == U'：') out += ':';
    else if (cp == U'／') out += '/';
    else if (cp == U'．') out += '.';
    else if (cp == U'－') out += '-';
    else if (cp == U'　') out += ' ';  // ideographic space
    else out.append(s.substr(at, p - at));
  }
  return std::string(trim(out));
}

// Reads 1 to `max` digits at `p`; false when there is none.
bool number(std::string_view s, std::size_t& p, int max, int& out, int* count = nullptr) {
  int v = 0, n = 0;
  while (n < max && p < s.size() && s[p] >= '0' && s[p] <= '9') {
    v = v * 10 + (s[p] - '0');
    ++p;
    ++n;
  }
  if (count) *count = n;
  out = v;
  return n > 0;
}

bool eat(std::string_view s, std::size_t& p, std::string_view word) {
  if (s.substr(p, word.size()) != word) return false;
  p += word.size();
  return true;
}

void skip_spaces(std::string_view s, std::size_t& p) {
  while (p < s.size() && s[p] == ' ') ++p;
}

bool fail(std::string* error, std::string why) {
  if (error) *error = std::move(why);
  return false;
}

// `year`, `month`, `day` as written: 2024-6-1, 2024/6/1, 2024.6.1, 2024年6月1日.
bool read_day(std::string_view s, std::size_t& p, int& y, int& mo, int& d, bool& chinese, std::string* error) {
  int digits = 0;
  if (!number(s, p, 4, y, &digits) || digits != 4)
    return fail(error, _("expected a date like 2024-06-01 or 2024年6月1日"));
  skip_spaces(s, p);
  chinese = eat(s, p, "年");
  char sep = 0;
  if (!chinese) {
    if (p >= s.size() || (s[p] != '-' && s[p] != '/' && s[p] != '.'))
      return fail(error, _("expected a date like 2024-06-01 or 2024年6月1日"));
    sep = s[p++];
  }
  skip_spaces(s, p);
  if (!number(s, p, 2, mo)) return fail(error, _("the month is missing after the year"));
  skip_spaces(s, p);
  if (chinese ? !eat(s, p, "月") : (p >= s.size() || s[p++] != sep))
    return fail(error, chinese ? _("write 月 after the month, like 2024年6月1日")
                               : tr("write the same separator '{}' between month and day", sep));
  skip_spaces(s, p);
  if (!number(s, p, 2, d)) return fail(error, _("the day is missing after the month"));
  if (chinese) {
    skip_spaces(s, p);
    if (!eat(s, p, "日") && !eat(s, p, "号")) return fail(error, _("write 日 after the day, like 2024年6月1日"));
  }
  if (mo < 1 || mo > 12) return fail(error, tr("the month is {}, but a month goes from 1 to 12", mo));
  if (d < 1 || d > days_in_month(y, mo))
    return fail(error, tr("{}年{}月 has no day {}: that month has {} days", y, mo, d, days_in_month(y, mo)));
  return true;
}

// `09:30`, `9:30`, `09:30:15.5`, then an optional zone (Z, +08:00, +0800).
bool read_time(std::string_view s, std::size_t& p, int& h, int& mi, int& sec, int& offset, std::string* error) {
  if (!number(s, p, 2, h) || p >= s.size() || s[p++] != ':' || !number(s, p, 2, mi))
    return fail(error, _("expected a time like 09:30 after the date"));
  if (p < s.size() && s[p] == ':') {
    ++p;
    if (!number(s, p, 2, sec)) return fail(error, _("expected seconds after the minutes, like 09:30:00"));
    if (p < s.size() && s[p] == '.') {
      ++p;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
    }
  }
  if (h > 23) return fail(error, tr("the hour is {}, but hours go from 0 to 23", h));
  if (mi > 59) return fail(error, tr("the minutes are {}, but minutes go from 0 to 59", mi));
  if (sec > 60) return fail(error, tr("the seconds are {}, but seconds go from 0 to 59", sec));
  skip_spaces(s, p);
  if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
    offset = 0;
    ++p;
  } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    int sign = s[p++] == '-' ? -1 : 1, oh = 0, om = 0, n = 0;
    if (!number(s, p, 2, oh, &n) || n != 2) return fail(error, _("expected a zone offset like +08:00"));
    if (p < s.size() && s[p] == ':') ++p;
    if (p < s.size() && (!number(s, p, 2, om, &n) || n != 2))
      return fail(error, _("expected a zone offset like +08:00"));
    if (oh > 14 || om > 59) return fail(error, _("expected a zone offset like +08:00"));
    offset = sign * (oh * 60 + om);
  }
  return true;
}

}  // namespace

const char* date_format_hint() {
  return _("write a date like 2024-06-01, 2024/6/1 or 2024年6月1日; a time may follow: 2024-06-01 09:30");
}

std::optional<DateTime> parse_datetime(std::string_view text, std::string* error) {
  const std::string s = normalize(text);
  std::size_t p = 0;
  int y = 0, mo = 0, d = 0;
  bool chinese = false;
  if (!read_day(s, p, y, mo, d, chinese, error)) return std::nullopt;
  DateTime dt;
  int h = 0, mi = 0, sec = 0;
  const std::size_t after_day = p;
  if (p < s.size() && (s[p] == 'T' || s[p] == 't')) ++p;
  else skip_spaces(s, p);
  if (p < s.size() || p != after_day) {
    // A time follows the day after 'T', spaces, or (2024年6月1日9:30) nothing.
    if (p == after_day && !chinese) {
      if (error) *error = tr("unexpected '{}' after the date", trim(s.substr(after_day)));
      return std::nullopt;
    }
    if (p == s.size()) {
      if (error) *error = _("expected a time like 09:30 after the date");
      return std::nullopt;
    }
    if (s[p] < '0' || s[p] > '9') {
      if (error) *error = tr("unexpected '{}' after the date", trim(s.substr(after_day)));
      return std::nullopt;
    }
    if (!read_time(s, p, h, mi, sec, dt.offset_minutes, error)) return std::nullopt;
    if (p != s.size()) {
      if (error) *error = tr("unexpected '{}' after the time", trim(s.substr(p)));
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
      if (error) *error = tr("--now '{}': {}", flag, why);
      return std::nullopt;
    }
    return dt->epoch;
  }
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
    char* end = nullptr;
    long long v = std::strtoll(sde, &end, 10);
    if (!end || *end != '\0' || v < 0) {
      if (error) *error = tr("SOURCE_DATE_EPOCH '{}' is not a number of seconds", sde);
      return std::nullopt;
    }
    return v;
  }
  return static_cast<std::int64_t>(std::time(nullptr));
}

}  // namespace hongfan
