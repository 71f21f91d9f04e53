// Shared helpers for the libFuzzer harnesses: a small valid site in memory,
// rendering a prepared site into strings, and properties every output of a
// site without `markdown: {unsafe: true}` must have.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/fs.h"
#include "core/text.h"
#include "site/build.h"

namespace hongfan::fuzz {

inline constexpr const char* kSiteYaml =
    "title: 模糊测试社区\nsubtitle: 测试\nbase_url: https://example.org/f/\npagination: 2\n"
    "menu:\n  - {name: 首页, url: /}\n  - {name: 新闻, url: /news/}\n"
    "share: {image: /images/share.png}\n";

/// The minimal site every harness starts from; harnesses overwrite files.
inline MemoryFileSystem base_site() {
  MemoryFileSystem fs;
  fs.add("site.yaml", kSiteYaml);
  fs.add("static/images/share.png", "png");
  fs.add("content/news/2024-06-01-a.md", "---\ntitle: 第一篇\ndate: 2024-06-01\ntags: [志愿服务]\n---\n正文。\n");
  fs.add("content/notices/2024-06-02-n.md", "---\ntitle: 通知\ndate: 2024-06-02\npinned: true\n---\n通知正文。\n");
  return fs;
}

[[noreturn]] inline void fail(const std::string& what, const std::string& path, std::string_view out) {
  std::fprintf(stderr, "PROPERTY VIOLATED: %s in %s\n%.*s\n", what.c_str(), path.c_str(),
               static_cast<int>(std::min<std::size_t>(out.size(), 2000)), out.data());
  std::abort();
}

/// Whether the <script element at `p` is one the default theme writes: an
/// empty element loading one of its own fingerprinted scripts, relative to
/// the page or (404.html) absolute, with the scheme of the site's `base_url`:
/// `<script src="../js/elder.009a30f2.js" defer></script>`.
inline bool is_theme_script(std::string_view lower, std::size_t p, const std::string& base_url) {
  static const std::regex relative(R"(^(\./|(\.\./)*)js/[a-z]+\.[0-9a-f]{8}\.js$)");
  static const std::regex own(R"(^js/[a-z]+\.[0-9a-f]{8}\.js$)");
  constexpr std::string_view open = "<script src=\"";
  std::string_view rest = lower.substr(p);
  if (rest.substr(0, open.size()) != open) return false;
  rest.remove_prefix(open.size());
  auto quote = rest.find('"');
  if (quote == std::string_view::npos) return false;
  std::string src(rest.substr(0, quote));
  std::string_view after = rest.substr(quote + 1);
  if (after.substr(0, 10) != "></script>" && after.substr(0, 16) != " defer></script>") return false;
  // 404.html links absolutely, under base_url as written to the page (it may
  // be percent-encoded there): its scheme, then anything up to the theme's js/.
  std::string base = ascii_lower(base_url);
  if (!base.empty() && src.rfind(base.substr(0, base.find(':') + 1), 0) == 0) {
    auto js = src.rfind("/js/");
    return js != std::string::npos && std::regex_match(src.substr(js + 1), own);
  }
  return std::regex_match(src, relative);
}

/// Executable markup in generated output: a <script element other than the
/// theme's own, an on*= attribute, or a javascript:/vbscript: URL in
/// href/src/action. Any of them is data that escaped.
inline void assert_no_executable_markup(const std::string& path, const std::string& out,
                                        const std::string& base_url = "") {
  std::string lower = ascii_lower(out);
  for (auto p = lower.find("<script"); p != std::string::npos; p = lower.find("<script", p + 1))
    if (!is_theme_script(lower, p, base_url)) fail("<script", path, out);
  // (Only URL attributes: a meta description saying "javascript:" is text.)
  for (const char* attr : {"href=\"", "src=\"", "action=\""}) {
    for (auto p = lower.find(attr); p != std::string::npos; p = lower.find(attr, p + 1)) {
      std::string_view v = std::string_view(lower).substr(p + std::string_view(attr).size());
      v = v.substr(0, v.find('"'));
      std::string compact;
      for (char c : v)
        if (static_cast<unsigned char>(c) > 0x20) compact += c;
      if (compact.rfind("javascript:", 0) == 0 || compact.rfind("vbscript:", 0) == 0)
        fail("script URL", path, out);
    }
  }
  // An on*= attribute inside a tag: "<tag ... onerror=" (escaped data never
  // contains a raw '<' followed by such a tag).
  for (auto p = lower.find('<'); p != std::string::npos; p = lower.find('<', p + 1)) {
    auto end = lower.find('>', p);
    std::string_view tag = std::string_view(lower).substr(p, end == std::string::npos ? std::string::npos : end - p);
    for (auto q = tag.find(" on"); q != std::string_view::npos; q = tag.find(" on", q + 1)) {
      std::size_t r = q + 3;
      while (r < tag.size() && tag[r] >= 'a' && tag[r] <= 'z') ++r;
      if (r > q + 3 && r < tag.size() && tag[r] == '=') {
        // Only inside a tag's attribute list, not inside a quoted value.
        std::size_t quotes = 0;
        for (std::size_t i = 0; i < q; ++i) quotes += tag[i] == '"';
        if (quotes % 2 == 0) fail("on* attribute", path, out);
      }
    }
  }
}

/// Prepares `site` like a build and renders every planned file in memory.
/// With `check_output`, asserts the executable-markup property.
inline void prepare_and_render(const FileSystem& site, bool check_output) {
  BuildOptions options;
  options.now = 1719763200;  // 2024-07-01
  Diagnostics diags;
  Timings timings;
  auto prepared = prepare_site(site, options, diags, timings);
  if (!prepared) return;
  for (const auto& job : prepared->jobs) {
    std::string out;
    job.render(out);
    if (check_output && !prepared->config->unsafe_html && ends_with(job.path, ".html"))
      assert_no_executable_markup(job.path, out, prepared->config->base_url);
  }
}

}  // namespace hongfan::fuzz
