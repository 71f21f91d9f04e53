#include "studio/yaml_spans.h"

#include <doctest/doctest.h>

using namespace hongfan::studio;

namespace {

const YamlNode& at(const YamlNode& n, const char* key) {
  for (const auto& c : n.children)
    if (c.key == key) return c;
  FAIL("no key ", key);
  return n;
}

}  // namespace

TEST_CASE("studio: a value is replaced in its own bytes, in its own quoting") {
  std::string text =
      "# 注释\nstaff:\n  - {role: 网格长, name: 向勤春, phone: \"13805371009\"}  # 值班\n"
      "name: 'it''s'\nintro: |\n  第一行\n  第二行\nn: 5\n";
  auto root = read_yaml_spans(text);
  REQUIRE(root);
  const YamlNode& item = at(*root, "staff").children.at(0);
  const YamlNode& phone = at(item, "phone");
  CHECK(text.substr(phone.start, phone.end - phone.start) == "\"13805371009\"");
  CHECK(apply_edits(text, {{phone.start, phone.end, rewrite_scalar(phone, "13805379999")}}) ==
        "# 注释\nstaff:\n  - {role: 网格长, name: 向勤春, phone: \"13805379999\"}  # 值班\n"
        "name: 'it''s'\nintro: |\n  第一行\n  第二行\nn: 5\n");
  const YamlNode& name = at(*root, "name");
  CHECK(name.value == "it's");
  CHECK(rewrite_scalar(name, "a'b") == "'a''b'");
  // In a flow map a comma would end the value: quoted.
  CHECK(rewrite_scalar(at(item, "name"), "甲, 乙") == "\"甲, 乙\"");
  const YamlNode& intro = at(*root, "intro");
  REQUIRE(intro.block);
  CHECK(apply_edits(text, {{intro.start, intro.end, rewrite_scalar(intro, "新的一行\n")}}) ==
        "# 注释\nstaff:\n  - {role: 网格长, name: 向勤春, phone: \"13805371009\"}  # 值班\n"
        "name: 'it''s'\nintro: |\n  新的一行\nn: 5\n");
}

TEST_CASE("studio: a missing flag is added to a flow map before its brace, to a block map after its last line") {
  std::string text = "people:\n  - {id: p1, name: 李兰}\n  - id: p2\n    name: 王五\n# 尾注\n";
  auto root = read_yaml_spans(text);
  REQUIRE(root);
  const auto& people = at(*root, "people").children;
  CHECK(apply_edits(text, {insert_key(people.at(0), text, "public", "true")}) ==
        "people:\n  - {id: p1, name: 李兰, public: true}\n  - id: p2\n    name: 王五\n# 尾注\n");
  CHECK(apply_edits(text, {insert_key(people.at(1), text, "public", "true")}) ==
        "people:\n  - {id: p1, name: 李兰}\n  - id: p2\n    name: 王五\n    public: true\n# 尾注\n");
}

TEST_CASE("studio: text that is not YAML gives no tree") {
  CHECK_FALSE(read_yaml_spans("a: [1, 2\n"));
  CHECK(read_yaml_spans("")->kind == YamlNode::Kind::map);
}
