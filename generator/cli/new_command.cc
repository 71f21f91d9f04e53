#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

#include "cli/commands.h"
#include "core/date.h"
#include "core/hash.h"
#include "core/slug.h"
#include "site/theme.h"

namespace hongfan::cli {

namespace fs = std::filesystem;

namespace {

// Writes a new file; never replaces one that exists (staff's work is never
// overwritten). Returns false with a message when it cannot.
bool create_file(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    std::fprintf(stderr, "error: %s: %s\n", path.c_str(),
                 errno == EEXIST ? "already exists; not overwriting it" : std::strerror(errno));
    return false;
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  return ok;
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

const char* kStarterConfig = R"(# 站点设置：修改后运行 hongfan build 生成网站
title: 我的社区党建网
subtitle: 党建引领 · 服务零距离
base_url: https://example.gov.cn/
language: zh-CN
theme: default
pagination: 10
menu:
  - {name: 首页, url: /}
  - {name: 新闻动态, url: /news/}
  - {name: 通知公告, url: /notices/}
  - {name: 社区简介, url: /pages/about/}
privacy: {mask_residents: true}
)";

std::string starter_article(const std::string& title, const std::string& date, const std::string& body) {
  return fmt::format("---\ntitle: {}\ndate: {}\ntags: [社区动态]\ncategories: [党建引领]\n---\n\n{}\n",
                     yaml_quote(title), date, body);
}

int new_site(const NewArgs& args, std::int64_t now) {
  fs::path dir(args.target);
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    std::fprintf(stderr, "error: %s already exists and is not empty; choose a new folder\n", dir.c_str());
    return kInputError;
  }
  std::string date = format_iso_date(now);
  bool ok = create_file(dir / "site.yaml", kStarterConfig);
  ok = ok && create_file(dir / "content/news/welcome.md",
                         starter_article("社区党建网正式上线", date,
                                         "社区党建网今天正式上线，居民可以在这里查看社区新闻、通知公告和志愿活动。\n\n"
                                         "## 下一步\n\n- 编辑 `site.yaml` 填写社区名称和网址\n"
                                         "- 在 `content/news/` 中添加新闻\n- 运行 `hongfan build` 生成网站"));
  ok = ok && create_file(dir / "content/notices/welcome-notice.md",
                         fmt::format("---\ntitle: {}\ndate: {}\npinned: true\n---\n\n{}\n",
                                     yaml_quote("欢迎访问社区党建网"), date,
                                     "置顶的通知会显示在首页最上方。"));
  ok = ok && create_file(dir / "content/pages/about.md",
                         "---\ntitle: 社区简介\nslug: about\n---\n\n在这里介绍社区的基本情况、党组织和联系方式。\n");
  const MemoryFileSystem& theme = embedded_default_theme();
  for (const auto& file : walk_files(theme, "")) {
    if (!ok) break;
    ok = create_file(dir / "themes/default" / file, *theme.read(file));
  }
  if (!ok) return kInputError;
  std::printf("created a new site in %s\nnext: cd %s && hongfan build\n", dir.c_str(), dir.c_str());
  return kOk;
}

int new_page(const NewArgs& args, std::int64_t now) {
  const std::string section = args.kind == "news" ? "news" : args.kind == "notice" ? "notices" : "activities";
  if (!fs::exists(fs::path(args.site) / "site.yaml")) {
    std::fprintf(stderr, "error: %s has no site.yaml; run this inside a site folder or pass -s SITE\n",
                 args.site.c_str());
    return kInputError;
  }
  const std::string date = format_iso_date(now);
  std::string ascii = ascii_slugify(args.target);
  // The file name carries the slug DESIGN derives: ASCII titles keep their
  // words, others get the date and a short hash of the title.
  std::string stem = ascii.empty() ? page_slug("", "", date, args.target) : date + "-" + ascii;
  fs::path path = fs::path(args.site) / "content" / section / (stem + ".md");
  std::string front = "---\ntitle: " + yaml_quote(args.target) + "\n" +
                      "date: " + format_rfc3339(now) + "\n" +
                      "summary: \"\"\ntags: []\ncategories: []\nauthor: \"\"\n";
  if (section == "activities") {
    front += "start: " + date + "T09:00:00+08:00\nend: " + date + "T11:00:00+08:00\n" +
             "place: \"\"\norganizer: \"\"\ncolor: 绿色志愿\ncapacity: 30\nsignup: \"\"\npoints: 5\n";
  }
  front += "---\n\n在这里写正文。\n";
  if (!create_file(path, front)) return kInputError;
  std::printf("%s\n", path.c_str());
  return kOk;
}

}  // namespace

int run_new(const NewArgs& args) {
  auto now = now_or_report(args.now);
  if (!now) return kUsageError;
  if (args.kind == "site") return new_site(args, *now);
  return new_page(args, *now);
}

}  // namespace hongfan::cli
