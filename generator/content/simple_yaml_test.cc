#include "content/simple_yaml.h"

#include <doctest/doctest.h>

using namespace hongfan;

namespace {

// Same structure, same text, same quoted/plain distinction.
bool same(const YAML::Node& a, const YAML::Node& b) {
  if (a.Type() != b.Type()) return false;
  switch (a.Type()) {
    case YAML::NodeType::Scalar:
      return a.Scalar() == b.Scalar() && (a.Tag() == "!") == (b.Tag() == "!");
    case YAML::NodeType::Sequence:
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i])) return false;
      return true;
    case YAML::NodeType::Map:
      if (a.size() != b.size()) return false;
      for (const auto& kv : a)
        if (!b[kv.first.Scalar()] || !same(kv.second, b[kv.first.Scalar()])) return false;
      return true;
    default:
      return true;
  }
}

void agrees(const std::string& text) {
  CAPTURE(text);
  auto fast = parse_simple_yaml(text, 2);
  REQUIRE(fast);
  CHECK(same(fast->root, YAML::Load(text)));
}

}  // namespace

TEST_CASE("the fast reader agrees with yaml-cpp on simple front matter") {
  agrees("title: 社区开展垃圾分类宣传活动\ndate: 2024-06-01T09:30:00+08:00\n");
  agrees("title: \"反诈宣传进楼院 民警现场拆解“套路”\"\nsummary: '它''s 好'\n");
  agrees("tags: [\"志愿服务\", \"垃圾分类\"]\ncategories: [党建引领]\nempty: []\n");
  agrees("tags: [a,b , c]  # comment\n# a comment line\n\nauthor: 王芳 # 编辑\n");
  agrees("pinned: true\ncapacity: 30\nurl: https://example.gov.cn/a#b\nratio: 3:4\n");
  agrees("draft:\nnote: a#b\n");
  agrees("title: x\r\ndate: 2024-06-01\r\n");
}

TEST_CASE("anything else is left to yaml-cpp") {
  for (const char* text : {"tags:\n  - a\n  - b\n", "title: \"a\\nb\"\n", "title: x\ntitle: y\n",
                           "title: &a x\n", "title: {a: 1}\n", "title: a: b\n", "title: >\n  x\n",
                           "title: ~\n", "title: null\n", "title: [a, [b]]\n", "title: [a,]\n",
                           " title: x\n", "title: 'open\n", "title:x\n", "- a\n", "title: @x\n",
                           "title: \"a\" b\n", "title:\ttab\n"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_simple_yaml(text, 2));
  }
}

TEST_CASE("positions are file lines and character columns") {
  auto doc = parse_simple_yaml("title: 标题\n\norg: jsjy\n", 2);
  REQUIRE(doc);
  CHECK(doc->position("org").line == 4);
  CHECK(doc->position("org").col == 6);
  CHECK(doc->position("missing").line == 0);
}
