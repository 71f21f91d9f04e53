#include "markdown/markdown.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace hongfan;

namespace {
bool has(const std::string& s, const std::string& x) { return s.find(x) != std::string::npos; }
}  // namespace

TEST_CASE("GFM extensions are on") {
  auto r = render_markdown(
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ https://example.gov.cn/\n\n- [x] done\n\nnote[^1]\n\n[^1]: foot\n",
      {});
  CHECK(has(r.html, "<table>"));
  CHECK(has(r.html, "<del>old</del>"));
  CHECK(has(r.html, "<a href=\"https://example.gov.cn/\">"));
  CHECK(has(r.html, "type=\"checkbox\""));
  CHECK(has(r.html, "footnote"));
}

TEST_CASE("raw HTML is filtered unless the site opts in") {
  auto safe = render_markdown("<script>alert(1)</script>\n\n[x](javascript:alert(1))\n", {});
  CHECK_FALSE(has(safe.html, "<script>"));
  CHECK_FALSE(has(safe.html, "javascript:"));
  MarkdownOptions unsafe;
  unsafe.unsafe_html = true;
  auto raw = render_markdown("<div class=\"x\">hi</div>\n", unsafe);
  CHECK(has(raw.html, "<div class=\"x\">"));
}

TEST_CASE("links are rewritten and the first paragraph is plain text") {
  auto r = render_markdown("# 标题\n\n第一段**加粗**文字，\n续行。\n\n[通知](/notices/) ![](/images/a.png)\n", {},
                           [](std::string_view url) {
                             return url.substr(0, 1) == "/" ? "../../" + std::string(url.substr(1))
                                                            : std::string(url);
                           });
  CHECK(r.first_paragraph == "第一段加粗文字，续行。");
  CHECK(has(r.html, "href=\"../../notices/\""));
  CHECK(has(r.html, "src=\"../../images/a.png\""));
  CHECK(r.links == std::vector<std::string>{"/notices/"});
  CHECK(r.images == std::vector<std::string>{"/images/a.png"});
}

#include <atomic>

#include "core/parallel.h"

TEST_CASE("strikethrough, tables and autolinks survive parallel rendering (cmark-gfm's global special characters)") {
  // cmark-gfm adds and removes the extensions' special characters in a global
  // table around every inline parse (also in table rows, while feeding);
  // without the lock around parsing, some of these lose their <del>.
  std::atomic<int> missing{0};
  hongfan::parallel_for(4000, [&](std::size_t i) {
    const bool table = i % 2 == 1;
    auto r = table ? render_markdown("| 时间 | 地点 |\n|---|---|\n| ~~每周六~~ | www.example.org |\n", {})
                   : render_markdown("由~~每周六~~调整为**每周三**，共 | 表格 | 之外。\n", {});
    if (!has(r.html, "<del>每周六</del>")) ++missing;
    if (table && !has(r.html, "<td><a href=\"http://www.example.org\">www.example.org</a></td>")) ++missing;
  });
  CHECK(missing.load() == 0);
}

TEST_CASE("skipping cmark's UTF-8 check for checked text changes nothing, NUL included") {
  const std::string text = std::string("甲“乙”\u202e丙 a") + '\0' + "b ~~删~~\n\n| x |\n|---|\n| 表 |\n";
  MarkdownOptions checked;
  checked.valid_utf8 = true;
  CHECK(render_markdown(text, checked).html == render_markdown(text, {}).html);
  CHECK(has(render_markdown(text, checked).html, "a\xEF\xBF\xBD" "b"));  // NUL → U+FFFD
}
