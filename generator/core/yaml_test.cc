#include "core/yaml.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("yaml_meaning: comments, blank lines and layout say nothing; values, quoting and order do") {
  const auto base = yaml_meaning("title: 金色嘉苑\nmenu:\n  - {name: 首页, url: /}\npagination: 10\n");
  REQUIRE(base);
  // The same values, with comments, blank lines and the list written out.
  CHECK(yaml_meaning("# 门户的设置\ntitle: 金色嘉苑   # 社区名\n\nmenu:\n  - name: 首页\n    url: /\n"
                     "pagination: 10\n# 末尾\n") == base);
  CHECK(yaml_meaning("title: 金色嘉苑社区\nmenu:\n  - {name: 首页, url: /}\npagination: 10\n") != base);
  CHECK(yaml_meaning("title: 金色嘉苑\nmenu:\n  - {name: 首页, url: /}\npagination: \"10\"\n") != base);
  CHECK(yaml_meaning("pagination: 10\ntitle: 金色嘉苑\nmenu:\n  - {name: 首页, url: /}\n") != base);
  CHECK(yaml_meaning("title: 金色嘉苑\nmenu:\n  - {name: 首页, url: /}\n  - {name: 首页, url: /}\npagination: 10\n") !=
        base);
}

TEST_CASE("yaml_meaning: a text with anything to say is judged by its bytes") {
  // A ` #` that cut a value short is warned about: no meaning to compare.
  CHECK(yaml_meaning("title: 金色嘉苑 #党建\n") == std::nullopt);
  CHECK(yaml_meaning("title: [金色嘉苑\n") == std::nullopt);            // not valid YAML
  CHECK(yaml_meaning("title: \xE9\x87\n") == std::nullopt);              // not UTF-8
  CHECK(yaml_meaning("title: 金色嘉苑\n") != std::nullopt);
}
