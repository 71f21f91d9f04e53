#include "render/icalendar.h"

#include <fmt/format.h>

#include "core/date.h"

namespace hongfan {

std::string ics_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        // Other control characters are not allowed in TEXT.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // octets on this physical line, the leading space included
  std::size_t used = 0;
  for (std::size_t i = 0; i < line.size();) {
    unsigned char lead = static_cast<unsigned char>(line[i]);
    std::size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    len = std::min(len, line.size() - i);
    if (used + len > limit) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line.substr(i, len));
    used += len;
    i += len;
  }
  out += "\r\n";
  return out;
}

std::string ics_utc(std::int64_t epoch) {
  CivilTime c = civil_from_epoch(epoch, 0);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", c.year, c.month, c.day, c.hour, c.minute, c.second);
}

std::string render_icalendar(const std::string& calendar_name, const std::vector<IcsEvent>& events) {
  std::string out;
  auto line = [&out](std::string_view l) { out += ics_fold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//hongfan//红帆 static site generator//ZH");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + ics_escape(calendar_name));
  line("X-WR-TIMEZONE:Asia/Shanghai");
  for (const auto& e : events) {
    line("BEGIN:VEVENT");
    line("UID:" + e.uid);
    line("DTSTAMP:" + ics_utc(e.stamp));
    line("DTSTART:" + ics_utc(e.start));
    line("DTEND:" + ics_utc(e.end > e.start ? e.end : e.start));
    line("SUMMARY:" + ics_escape(e.summary));
    if (!e.location.empty()) line("LOCATION:" + ics_escape(e.location));
    if (!e.url.empty()) line("URL:" + e.url);
    if (!e.description.empty()) line("DESCRIPTION:" + ics_escape(e.description));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace hongfan
