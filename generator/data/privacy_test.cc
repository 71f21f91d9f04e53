#include "data/privacy.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("names are masked the way DESIGN §4 says, counting characters") {
  CHECK(mask_name("李瑞勤") == "李*勤");
  CHECK(mask_name("赵建国家") == "赵**家");
  CHECK(mask_name("王芳") == "王*");
  CHECK(mask_name("欧阳") == "欧*");
  CHECK(mask_name("司马相如家") == "司***家");
  CHECK(mask_name(" 李瑞勤 ") == "李*勤");
  CHECK(mask_name("张") == "张");
  CHECK(mask_name("") == "");
  CHECK(mask_name("Anna") == "A**a");
}

TEST_CASE("public people and sites without masking show the full name") {
  CHECK(shown_name("李瑞勤", true, true) == "李瑞勤");
  CHECK(shown_name("李瑞勤", false, false) == "李瑞勤");
  CHECK(shown_name("李瑞勤", false, true) == "李*勤");
}

TEST_CASE("18-digit ID-card numbers are found, other numbers are not") {
  CHECK(find_id_numbers("身份证号370811199001011234。").size() == 1);
  CHECK(find_id_numbers("号码37081119900101123X结束").size() == 1);
  CHECK(find_id_numbers("x 37081119900101123x").size() == 1);
  CHECK(find_id_numbers("电话13800000001").empty());
  CHECK(find_id_numbers("3708111990010112345").empty());  // 19 digits: some other number
  CHECK(find_id_numbers("37081119900101123").empty());    // 17 digits
  CHECK(find_id_numbers("abc370811199001011234").empty());  // part of a longer token
  CHECK(find_id_numbers("370811199001011234").size() == 1);
  CHECK(find_id_numbers("a 370811199001011234 b 110101198001010011").size() == 2);
}

TEST_CASE("an ID-card number is reported at its line and character column") {
  Diagnostics d;
  check_id_numbers("content/news/x.md", "---\ntitle: 走访\n---\n居民李某（身份证370811199001011234）\n", d);
  auto all = d.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].loc.file == "content/news/x.md");
  CHECK(all[0].loc.line == 4);
  CHECK(all[0].loc.col == 9);
}
