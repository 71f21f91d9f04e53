#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>

#include "cli/commands.h"
#include "content/page.h"
#include "core/date.h"
#include "core/hash.h"
#include "core/i18n.h"
#include "core/slug.h"
#include "core/text.h"
#include "site/theme.h"

namespace hongfan::cli {

namespace fs = std::filesystem;

namespace {

void print_error(const std::string& message, const std::string& hint = {}) {
  std::fprintf(stderr, "%s: %s\n", _("error"), message.c_str());
  if (!hint.empty()) std::fprintf(stderr, "    %s%s\n", _("hint: "), hint.c_str());
}

enum class Created { ok, exists, failed };

// Writes a new file; never replaces one that exists (staff's work is never
// overwritten). Says why when it cannot, except for `exists` when `quiet_if_exists`.
Created create_file(const fs::path& path, const std::string& text, bool quiet_if_exists = false) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (errno == EEXIST) {
      if (!quiet_if_exists)
        print_error(tr("{}: this file already exists; it was left as it is", path.string()),
                    _("choose another folder or title, or edit the existing file"));
      return Created::exists;
    }
    print_error(tr("{}: cannot create this file: {}", path.string(), std::strerror(errno)));
    return Created::failed;
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!ok) print_error(tr("{}: could not write the whole file (is the disk full?)", path.string()));
  return ok ? Created::ok : Created::failed;
}

std::string yaml_quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// The starter's dates follow the day it is made, so its activity is
// upcoming and its ledger counts in this month's ranking.
std::string fill_dates(std::string text, std::int64_t now) {
  constexpr std::int64_t kWeek = 7 * 24 * 3600;
  replace_all(text, "@NOW@", format_rfc3339(now));
  replace_all(text, "@TODAY@", format_iso_date(now));
  replace_all(text, "@NEXT_WEEK@", format_iso_date(now + kWeek));
  return text;
}

bool is_text_file(const std::string& path) {
  return ends_with(path, ".md") || ends_with(path, ".yaml") || ends_with(path, ".csv");
}

int new_site(const NewArgs& args, std::int64_t now) {
  fs::path dir(args.target);
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    print_error(tr("{}: this folder already exists and is not empty", dir.string()),
                _("give the name of a new folder, e.g. hongfan new site mysite"));
    return kInputError;
  }
  bool ok = true;
  const MemoryFileSystem& starter = embedded_starter_site();
  for (const auto& file : walk_files(starter, "")) {
    if (!ok) break;
    std::string text = *starter.read(file);
    if (is_text_file(file)) text = fill_dates(std::move(text), now);
    ok = create_file(dir / file, text) == Created::ok;
  }
  const MemoryFileSystem& theme = embedded_default_theme();
  for (const auto& file : walk_files(theme, "")) {
    if (!ok) break;
    ok = create_file(dir / "themes/default" / file, *theme.read(file)) == Created::ok;
  }
  if (!ok) return kInputError;
  std::printf("%s\n", tr("created a new site in {}", dir.string()).c_str());
  std::printf("%s\n", tr("next: cd {} && hongfan serve, then open http://127.0.0.1:1313/", dir.string()).c_str());
  return kOk;
}

// The file name of a new page: the date, then the title as staff wrote it
// (Chinese kept, so the file is easy to find in Explorer), made safe for
// Windows. A title in plain ASCII becomes its words joined by '-' instead,
// which also gives a readable ASCII web address.
std::string new_page_stem(const std::string& title, const std::string& date) {
  if (is_ascii_text(title)) {
    std::string words = ascii_slugify(title);
    if (!words.empty()) return date + "-" + words;
  }
  std::string name = file_title(title);
  if (name.empty()) name = short_hash(title, 6);
  return date + "-" + name;
}

int new_page(const NewArgs& args, std::int64_t now) {
  const std::string section = args.kind == "news" ? "news" : args.kind == "notice" ? "notices" : "activities";
  if (!fs::exists(fs::path(args.site) / "site.yaml")) {
    print_error(tr("{}: there is no site.yaml here", args.site),
                _("run this inside the site folder, or name it: -s SITE"));
    return kInputError;
  }
  const std::string title(trim(args.target));
  if (title.empty()) {
    print_error(_("the title is empty"), _("write the title after the command, e.g. hongfan new news 社区开展消防演练"));
    return kInputError;
  }
  const std::string date = format_iso_date(now);
  const std::string stem = new_page_stem(title, date);
  const fs::path folder = fs::path(args.site) / "content" / section;

  auto front = [&](const std::string& slug_line) {
    std::string text = "---\ntitle: " + yaml_quote(title) + "\n" + "date: " + format_rfc3339(now) + "\n" +
                       slug_line + "summary: \"\"\ntags: []\ncategories: []\nauthor: \"\"\n";
    if (section == "activities") {
      text += "start: " + date + "T09:00:00+08:00\nend: " + date + "T11:00:00+08:00\n" +
              "place: \"\"\norganizer: \"\"\ncolor: 绿色志愿\ncapacity: 30\nsignup: \"\"\npoints: 5\n";
    }
    // In the site's language, whatever --lang says.
    return text + "---\n\n" + std::string(kPlaceholderBody) + "\n";
  };

  // A Chinese title's web address is the date and a hash of the title
  // (docs/content/reference/urls.md), so correcting a typo in the title
  // would move the page, and links already shared in WeChat groups would
  // lead nowhere. The page is given that address as its `slug:` now, and
  // keeps it whatever the title becomes. (An ASCII title's words are the
  // file name, which the address comes from: no slug needed.)
  // The same title on the same day: the next free name, and a slug of its
  // own, since it would otherwise be the one the first page has.
  const std::string address = page_slug("", stem, date, title);
  const bool by_title = !is_ascii_text(title) || ascii_slugify(title).empty();
  for (int n = 1; n <= 99; ++n) {
    std::string name = n == 1 ? stem : fmt::format("{}-{}", stem, n);
    std::string slug_line;
    if (n > 1) slug_line = fmt::format("slug: {}-{}\n", address, n);
    else if (by_title) slug_line = fmt::format("slug: {}\n", address);
    fs::path path = folder / (name + ".md");
    switch (create_file(path, front(slug_line), /*quiet_if_exists=*/true)) {
      case Created::ok:
        std::printf("%s\n", path.c_str());
        return kOk;
      case Created::failed:
        return kInputError;
      case Created::exists:
        continue;
    }
  }
  print_error(tr("{}: 99 files named {} already exist", folder.string(), stem),
              _("choose another title"));
  return kInputError;
}

}  // namespace

int run_new(const NewArgs& args) {
  auto now = now_or_report(args.now);
  if (!now) return kUsageError;
  if (args.kind == "site") return new_site(args, *now);
  return new_page(args, *now);
}

}  // namespace hongfan::cli
