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

TEST_CASE("paragraphs indented the Chinese way stay paragraphs") {
  MarkdownOptions o;
  // Four spaces, a tab, full-width spaces: each line a paragraph of its own.
  CHECK(render_markdown("    第一段。\n    第二段。\n", o).html == "<p>第一段。</p>\n<p>第二段。</p>\n");
  CHECK(render_markdown("\t第一段。\n\n\t第二段。\n", o).html == "<p>第一段。</p>\n<p>第二段。</p>\n");
  CHECK(render_markdown("　　第一段。\n　　第二段。\n", o).html == "<p>　　第一段。</p>\n<p>　　第二段。</p>\n");
  // Deeper indentation and inline Markdown inside still read as text.
  CHECK(render_markdown("标题下\n\n        **很深**的[链接](/news/)\n", o).html ==
        "<p>标题下</p>\n<p><strong>很深</strong>的<a href=\"/news/\">链接</a></p>\n");
  // Fenced blocks are code.
  CHECK(render_markdown("```\n    code\n```\n", o).html == "<pre><code>    code\n</code></pre>\n");
  CHECK(render_markdown("~~~\nx\n~~~\n", o).html == "<pre><code>x\n</code></pre>\n");
  // Unindented lines still join into one paragraph, as CommonMark says.
  CHECK(render_markdown("一行\n接着一行\n", o).html == "<p>一行\n接着一行</p>\n");
}

TEST_CASE("links in indented paragraphs keep their lines") {
  MarkdownOptions o;
  auto r = render_markdown("# 标题\n\n    看[这里](/a/)。\n    还有[那里](/b/)。\n", o);
  REQUIRE(r.refs.size() == 2);
  CHECK(r.refs[0].url == "/a/");
  CHECK(r.refs[0].line == 3);
  CHECK(r.refs[1].line == 4);
  CHECK(r.first_paragraph == "看这里。");
}

TEST_CASE("lists with nested indented content keep working") {
  MarkdownOptions o;
  std::string text = "1. 第一项\n\n    第一项的第二段\n\n    - 子项\n2. 第二项\n";
  auto html = render_markdown(text, o).html;
  CHECK(html == "<ol>\n<li>\n<p>第一项</p>\n<p>第一项的第二段</p>\n<ul>\n<li>子项</li>\n</ul>\n</li>\n"
                "<li>\n<p>第二项</p>\n</li>\n</ol>\n");
  // Indented past a list item's content: a paragraph in the item, not code.
  CHECK(render_markdown("- 项目\n\n        缩进的段落\n", o).html ==
        "<ul>\n<li>\n<p>项目</p>\n<p>缩进的段落</p>\n</li>\n</ul>\n");
  // An indented list is a list.
  CHECK(render_markdown("说明：\n\n    - 甲\n    - 乙\n", o).html == "<p>说明：</p>\n<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>\n");
}

TEST_CASE("a site may opt in to indented code blocks") {
  MarkdownOptions o;
  o.indented_code = true;
  CHECK(render_markdown("    int x;\n", o).html == "<pre><code>int x;\n</code></pre>\n");
}
