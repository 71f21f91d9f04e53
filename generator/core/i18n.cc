#include "core/i18n.h"

#include <libintl.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace hongfan {

namespace {

constexpr const char* kDomain = "hongfan";
bool g_english = false;

bool starts_with_en(std::string_view v) { return v.size() >= 2 && v[0] == 'e' && v[1] == 'n'; }

// The language named by the environment, as gettext reads it: LANGUAGE
// first, then the locale variables. "C" and "POSIX" name no language.
std::string environment_language() {
  for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v && std::string_view(v) != "C" && std::string_view(v) != "POSIX" &&
        std::string_view(v).substr(0, 2) != "C.")
      return v;
  }
  return {};
}

// Where the compiled catalogues are: beside the binary (a build folder has
// BUILD/locale), else an installed tree's share/locale.
std::string find_locale_dir() {
  if (const char* dir = std::getenv("HONGFAN_LOCALEDIR"); dir && *dir) return dir;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (auto dir : {exe.parent_path() / "locale", exe.parent_path().parent_path() / "share" / "locale"}) {
      if (std::filesystem::exists(dir / "zh_CN" / "LC_MESSAGES" / "hongfan.mo", ec)) return dir.string();
    }
  }
#ifdef HONGFAN_LOCALEDIR
  return HONGFAN_LOCALEDIR;
#else
  return "/usr/share/locale";
#endif
}

}  // namespace

void init_messages(std::string_view requested) {
  std::string lang = requested.empty() ? environment_language() : std::string(requested);
  g_english = starts_with_en(lang);
  if (g_english) return;
  // gettext ignores LANGUAGE only when LC_MESSAGES is the plain "C" locale;
  // C.UTF-8 is always there (glibc 2.35+), so Chinese works on a machine
  // with no zh_CN locale generated. Only LC_MESSAGES changes: numbers and
  // character classes keep the C rules the parsers rely on.
  setenv("LANGUAGE", "zh_CN", 1);
  std::setlocale(LC_MESSAGES, "C.UTF-8");
  bindtextdomain(kDomain, find_locale_dir().c_str());
  bind_textdomain_codeset(kDomain, "UTF-8");
}

const char* message_language() { return g_english ? "en" : "zh_CN"; }

const char* translate(const char* msgid) { return g_english ? msgid : dgettext(kDomain, msgid); }

const char* translate_plural(const char* singular, const char* plural, unsigned long n) {
  if (g_english) return n == 1 ? singular : plural;
  return dngettext(kDomain, singular, plural, n);
}

}  // namespace hongfan
