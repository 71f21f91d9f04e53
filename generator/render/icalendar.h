// iCalendar (RFC 5545) output for the activity calendars: text escaping,
// UTC times, CRLF line ends and 75-octet folding that never splits a UTF-8
// character (WeChat-era phones choke on broken multi-byte sequences).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hongfan {

struct IcsEvent {
  std::string uid;  ///< stable across builds: slug@host
  std::int64_t start = 0, end = 0;
  std::string summary, location, url, description;
  /// DTSTAMP: when the event's page was last revised (its date). Not the
  /// time of the build, so a rebuild with nothing changed gives the same
  /// bytes and calendar apps see no change.
  std::int64_t stamp = 0;
};

/// A VCALENDAR with one VEVENT per event.
std::string render_icalendar(const std::string& calendar_name, const std::vector<IcsEvent>& events);

/// Escapes a TEXT value: backslash, ';', ',' and newlines.
std::string ics_escape(std::string_view text);
/// Folds one content line (without CRLF) into lines of at most 75 octets,
/// continuation lines starting with a space, each ended by CRLF.
std::string ics_fold(std::string_view line);
/// 20240615T010000Z
std::string ics_utc(std::int64_t epoch);

}  // namespace hongfan
