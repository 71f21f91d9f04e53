#include "studio/page_text.h"

#include <doctest/doctest.h>

using namespace hongfan::studio;

TEST_CASE("studio: an unchanged form gives back the same bytes") {
  const char* files[] = {
      "---\ntitle: 标题  # 注释\ndate: 2024-06-01\n# a comment\ntags:\n  - 党建\n  - 志愿\nx-unknown: {a: 1}\n---\n\n正文  \n\n| a | b |\n",
      "\xEF\xBB\xBF---\r\ntitle: \"引号\"\r\nsummary: >\r\n  多行\r\n  摘要\r\n---\r\n正文\r\n",
  };
  for (const char* f : files) {
    PageText pt = read_page_text(f);
    REQUIRE(pt.ok);
    // What a browser sends back: the shown values, the body with CRLF.
    std::string body;
    for (char c : pt.body)
      if (c != '\r') body += c == '\n' ? std::string("\r\n") : std::string(1, c);
    CHECK(apply_form(f, pt.values, {"tags"}, body) == f);
  }
}

TEST_CASE("studio: a changed key rewrites only its own lines") {
  std::string f = "---\ntitle: 旧\n# keep me\ntags:\n  - a\n  - b\nextra: 1\n---\nbody\n";
  PageText pt = read_page_text(f);
  CHECK(pt.values["tags"] == "a, b");
  auto v = pt.values;
  v["title"] = "新: 标题";
  v["tags"] = "a，c";
  v["summary"] = "加上";
  CHECK(apply_form(f, v, {"tags"}, "body\n") ==
        "---\ntitle: \"新: 标题\"\n# keep me\ntags: [a, c]\nextra: 1\nsummary: 加上\n---\nbody\n");
  v = pt.values;
  v["title"] = "";  // emptied: removed
  CHECK(apply_form(f, v, {"tags"}, "new body") == "---\n# keep me\ntags:\n  - a\n  - b\nextra: 1\n---\nnew body");
}

TEST_CASE("studio: keys map to their lines for errors next to fields") {
  PageText pt = read_page_text("---\ntitle: a\ndate: 明天\nsignup:\n  text: 电话\n---\nbody\n");
  CHECK(key_at_line(pt, 3) == "date");
  CHECK(key_at_line(pt, 5) == "signup");
  CHECK(key_at_line(pt, 7).empty());
  CHECK(pt.values.count("signup") == 0);  // a map: not editable in the form
}

TEST_CASE("studio: yaml_scalar quotes only what YAML would misread") {
  CHECK(yaml_scalar("红帆驿站") == "红帆驿站");
  CHECK(yaml_scalar("yes") == "\"yes\"");
  CHECK(yaml_scalar("a: b") == "\"a: b\"");
  CHECK(yaml_scalar("- x") == "\"- x\"");
  CHECK(yaml_scalar("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"");
}
