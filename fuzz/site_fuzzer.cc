// A whole page through the default theme. The input is one or more files
// separated by lines "%%% PATH": e.g. "%%% site.yaml" then YAML, "%%%
// content/news/x.md" then a page. Text before the first separator is a news
// article. Every rendered HTML file must be free of executable markup.
#include "fuzz_util.h"
#include "site/output.h"

using namespace hongfan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto site = fuzz::base_site();
  std::string path = "content/news/2024-06-03-fuzz.md";
  std::size_t pos = 0;
  int files = 0;
  while (pos <= text.size() && files < 8) {
    auto next = text.find("\n%%% ", pos);
    std::string_view chunk = text.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos);
    if (!path.empty()) site.add(path, std::string(chunk));
    if (next == std::string_view::npos) break;
    auto eol = text.find('\n', next + 5);
    std::string name(text.substr(next + 5, eol == std::string_view::npos ? std::string_view::npos : eol - next - 5));
    // Only files a site can have, inside it.
    bool ok = is_safe_relative_path(name) &&
              (name == "site.yaml" || starts_with(name, "content/") || starts_with(name, "data/") ||
               starts_with(name, "static/") || starts_with(name, "templates/"));
    path = ok ? name : std::string();
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
    ++files;
  }
  // Site templates may legitimately contain scripts: check output only with the theme's.
  bool own_templates = site.is_dir("templates");
  fuzz::prepare_and_render(site, !own_templates);
  return 0;
}
