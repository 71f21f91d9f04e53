// Messages people read: one catalogue (GNU gettext, po/zh_CN.po), message ids
// in English, Chinese by default.
//
// Every line a user sees goes through `_()` (a plain message) or `tr()` (a
// message with fmt `{}` placeholders). xgettext collects both into
// po/hongfan.pot; msgfmt compiles po/*.po at build time into
// BUILD/locale/LANG/LC_MESSAGES/hongfan.mo, found beside the binary.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>

namespace hongfan {

/// Chooses the language of messages, once, before anything is printed:
/// `requested` (from --lang) when given, else the first of LANGUAGE, LC_ALL,
/// LC_MESSAGES and LANG that is set. A value starting with "en" gives
/// English; anything else, or nothing, gives Chinese (zh_CN), because the
/// people who read these messages are Chinese staff.
void init_messages(std::string_view requested = {});

/// "zh_CN" or "en", as chosen by init_messages().
const char* message_language();

/// The translation of `msgid`, or `msgid` itself in English.
const char* translate(const char* msgid);
/// The translation of `singular`/`plural` for `n` (Chinese has one form).
const char* translate_plural(const char* singular, const char* plural, unsigned long n);

/// A plain message: `_("cannot read this file")`.
inline const char* _(const char* msgid) { return translate(msgid); }

/// A message with placeholders: `tr("grid {}: unknown branch '{}'", id, b)`.
template <class... Args>
std::string tr(const char* msgid, Args&&... args) {
  return fmt::format(fmt::runtime(translate(msgid)), std::forward<Args>(args)...);
}

/// A message whose words depend on a count: `trn("{} error", "{} errors", n, n)`.
template <class... Args>
std::string trn(const char* singular, const char* plural, unsigned long n, Args&&... args) {
  return fmt::format(fmt::runtime(translate_plural(singular, plural, n)), std::forward<Args>(args)...);
}

/// Marks a string for the catalogue without translating it where it stands
/// (a table of messages translated when used).
#define N_(msgid) msgid

}  // namespace hongfan
