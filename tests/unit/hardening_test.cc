// Hostile text in the places staff type it: escaped, neutralised or refused.
// (Regression tests for what the injection test and the fuzzers found are
// kept here too.)
#include <doctest/doctest.h>

#include "config/config.h"
#include "content/page.h"
#include "core/privacy.h"
#include "core/slug.h"
#include "core/text.h"
#include "markdown/markdown.h"
#include "site/build.h"

using namespace hongfan;

namespace {
bool has(const std::string& s, const std::string& x) { return s.find(x) != std::string::npos; }
}  // namespace

TEST_CASE("html_escape escapes markup and drops NUL and bidi controls") {
  CHECK(html_escape("\"><img src=x onerror=alert(1)>") == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  CHECK(html_escape("' onmouseover='x") == "&#39; onmouseover=&#39;x");
  CHECK(html_escape(std::string_view("a\0b", 3)) == "ab");
  CHECK(html_escape("a\u202Eb\u2066c\u2069d\u202Ae") == "abcde");
  CHECK(html_escape("阿\u200Fb") == "阿\u200Fb");  // marks stay
  CHECK(html_escape("\xE2") == "\xE2");               // a truncated sequence is not read past its end
  CHECK(xml_escape("a\u202Eb<") == "ab&lt;");
  CHECK(strip_bidi_controls("<p>x\u202Ey</p>") == "<p>xy</p>");
  // Dropping NULs and controls joins bytes into new controls, again and again,
  // each further left (found by slug_date_fuzzer): none may remain.
  const std::string nested("\xE2\x80\0\xE2\x80\0\xE2\x80\0\xAC\0\xAC\xE2\x80\0\xAC\0\xAC", 18);
  CHECK(html_escape(nested).empty());
  CHECK(html_escape("a" + nested) == "a");
}

TEST_CASE("a NUL in a YAML value is an error at its place") {
  Diagnostics d;
  auto page = parse_page("content/news/x.md", std::string("---\ntitle: \"a\\0b\"\ndate: 2024-06-01\n---\n"), d);
  CHECK_FALSE(page);
  REQUIRE(d.error_count() == 1);
  CHECK(d.sorted()[0].loc.line == 2);
  CHECK(has(d.sorted()[0].message, "NUL"));

  MemoryFileSystem site;
  site.add("site.yaml", "title: x\nmenu:\n  - {name: \"a\\0\", url: /}\n");
  Diagnostics c;
  CHECK_FALSE(load_config(site, c));
  CHECK(has(c.sorted()[0].message, "'name' contains a NUL"));
}

TEST_CASE("headings get deterministic, Chinese-safe, unique ids") {
  CHECK(heading_id("会议定下的三件事") == "会议定下的三件事");
  CHECK(heading_id("Hello, World 2024!") == "hello-world-2024");
  CHECK(heading_id("一、12号楼电梯更换。") == "一12号楼电梯更换");
  CHECK(heading_id("\"><script>") == "script");
  CHECK(heading_id("a\u202Eb") == "ab");
  CHECK(heading_id("，。") == "section");
  CHECK(heading_id(std::string(500, 'x')).size() == 80);
  MarkdownOptions o;
  o.reserved_ids = {"main"};
  auto r = render_markdown("# Main\n\n## 小结\n\n## 小结\n\n## <b>x</b> \"q\"\n", o);
  CHECK(has(r.html, "<h1 id=\"main-1\">Main</h1>"));
  CHECK(has(r.html, "<h2 id=\"小结\">小结</h2>"));
  CHECK(has(r.html, "<h2 id=\"小结-1\">小结</h2>"));
  CHECK_FALSE(has(r.html, "<b>"));
  CHECK(r.anchors == std::vector<std::string>{"main-1", "小结", "小结-1", "x-q"});
}

TEST_CASE("fuzz regression: a setext heading with inline HTML survives heading ids") {
  // markdown_fuzzer found a heap-use-after-free: the heading node was freed
  // while its inline children, moved into the custom block, still pointed
  // into its buffer. Caught by ASan in the sanitizer build.
  auto r = render_markdown("-<p>\n-\n", {});
  CHECK(r.html == "<h2 id=\"section\">-<!-- raw HTML omitted --></h2>\n");
  MarkdownOptions unsafe;
  unsafe.unsafe_html = true;
  CHECK(render_markdown("-<p>\n-\n", unsafe).html == "<h2 id=\"section\">-<p></h2>\n");
}

TEST_CASE("fuzz regression: term slugs stay safe folder names") {
  // slug_date_fuzzer: a 200+ byte tag gave a slug too long for a file name.
  std::string long_tag(300, 'x');
  CHECK(term_slug(long_tag).size() == 150);
  CHECK(unsafe_segment_reason(term_slug(long_tag)).empty());
  std::string chinese;
  for (int i = 0; i < 100; ++i) chinese += "党";
  CHECK(term_slug(chinese).size() == 150);  // 50 whole characters
  CHECK(term_slug("志愿\u202E服务") == "志愿服务");
  // Not UTF-8: dropping U+202D must not join the bytes around it into another.
  const std::string joined("\x99\xE2\xE2\x80\xAD\x80\xAD", 7);
  CHECK(unsafe_segment_reason(term_slug(joined)).empty());
  CHECK(html_escape(joined).find("\xE2\x80\xAD") == std::string::npos);
  const std::string via_nul("\xE2\x80\x00\xAD", 4);  // dropping the NUL joins U+202D
  CHECK(html_escape(via_nul).find("\xE2\x80\xAD") == std::string::npos);
  CHECK(unsafe_segment_reason(term_slug(std::string("\xE8\xE8\x00\x9C", 4) + long_tag)).empty());
  // …and for bytes that are not UTF-8, with a '-' landing on the limit.
  std::string odd(12, '\xA4');
  odd += std::string(187, '\xF3') + " " + std::string(20, '\xF3');
  CHECK(term_slug(odd).size() <= 200);
  CHECK(unsafe_segment_reason(term_slug(odd)).empty());
}

TEST_CASE("fuzz regression: a file name longer than a folder name gets a hash slug") {
  std::string stem(206, 'q');
  std::string slug = page_slug("", stem, "2024-06-01", "标题");
  CHECK(slug.size() == 15);  // 20240601-xxxxxx
  CHECK(unsafe_segment_reason(slug).empty());
  CHECK(page_slug("", std::string(200, 'q'), "", "t") == std::string(200, 'q'));
}

TEST_CASE("links and images keep their line for check") {
  auto r = render_markdown("第一行\n\n[a](/x/) 和\n![b](/i.png)\n", {});
  REQUIRE(r.refs.size() == 2);
  CHECK(r.refs[0].line == 3);
  CHECK(r.refs[1].line == 4);
  CHECK(r.refs[1].kind == MarkdownRef::Kind::image);
}

TEST_CASE("mobile and ID-card numbers are found only as whole numbers") {
  std::string_view text = "电话13812345678，订单号123456789012，座机0537-3265810，已打码138****5678";
  auto m = find_mobile_numbers(text);
  REQUIRE(m.size() == 1);
  CHECK(text.substr(m[0].offset, m[0].length) == "13812345678");
  CHECK(find_mobile_numbers("12345678901").empty());  // 12… is no mobile prefix
  CHECK(find_mobile_numbers("abc13812345678").empty());
  std::string_view ids = "身份证11010519491231002X和110105194912310021；1101051949123100211 不算";
  auto id = find_id_numbers(ids);
  REQUIRE(id.size() == 2);
  CHECK(ids.substr(id[0].offset, id[0].length) == "11010519491231002X");
  CHECK(mask_mobile("13812345678") == "138****5678");
}

TEST_CASE("a prepared site writes nothing and knows every planned file") {
  MemoryFileSystem site;
  site.add("site.yaml", "title: 计划\n");
  site.add("content/news/2024-06-01-a.md", "---\ntitle: A\ndate: 2024-06-01\n---\n## 小节\n");
  BuildOptions o;
  Diagnostics d;
  Timings t;
  auto p = prepare_site(site, o, d, t);
  REQUIRE(p);
  bool found = false;
  for (const auto& j : p->jobs) found |= j.path == "news/a/index.html";
  CHECK(found);
  CHECK(p->content.pages[0].anchors == std::vector<std::string>{"小节"});
}
