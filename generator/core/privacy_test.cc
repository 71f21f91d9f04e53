#include "core/privacy.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("names are masked the way docs/content/reference/format.md, 隐私规则 says, counting characters") {
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

namespace {
// The numbers found, as written.
template <typename F>
std::vector<std::string> found(F&& finder, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : finder(text)) out.emplace_back(text.substr(s.offset, s.length));
  return out;
}
std::vector<std::string> ids(std::string_view t) { return found(find_id_numbers, t); }
std::vector<std::string> mobiles(std::string_view t) { return found(find_mobile_numbers, t); }
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("18-digit ID-card numbers are found, other numbers are not") {
  CHECK(ids("身份证号370811199001011234。") == V{"370811199001011234"});
  CHECK(ids("号码37081119900101123X结束") == V{"37081119900101123X"});
  CHECK(ids("x 37081119900101123x") == V{"37081119900101123x"});
  CHECK(ids("电话13800000001").empty());
  CHECK(ids("3708111990010112345").empty());  // 19 digits: some other number
  CHECK(ids("37081119900101123").empty());    // 17 digits
  CHECK(ids("abc370811199001011234").empty());  // part of a longer token
  CHECK(ids("370811199001011234a").empty());
  CHECK(ids("370811199001011234") == V{"370811199001011234"});
  CHECK(ids("a 370811199001011234 b 110101198001010011").size() == 2);
}

TEST_CASE("ID-card numbers written in groups are found like unbroken ones") {
  CHECK(ids("身份证110105 19491231 002X。") == V{"110105 19491231 002X"});
  CHECK(ids("身份证：110105-19491231-002X") == V{"110105-19491231-002X"});
  CHECK(ids("370811 1990 0101 1234") == V{"370811 1990 0101 1234"});
  // One kind of separator per number; groups of other sizes are other numbers.
  CHECK(ids("110105-19491231 002X").empty());
  // Other groupings count when the birth date sits where it belongs.
  CHECK(ids("1101 0519 4912 3100 2X") == V{"1101 0519 4912 3100 2X"});
  CHECK(ids("2024 0601 1234 5678 90").empty());
  CHECK(ids("7 110105 19491231 002X").empty());    // joined to a digit before
  CHECK(ids("110105 19491231 002X 5").empty());    // and after
  CHECK(ids("110105-19491231-0021-8").empty());
  CHECK(ids("2024-06-01 110105-19491231-002X") == V{"110105-19491231-002X"});
}

TEST_CASE("mobile numbers: unbroken, spaced and dashed, never inside longer numbers") {
  CHECK(mobiles("电话13953792957。") == V{"13953792957"});
  CHECK(mobiles("电话139-5379-2957。") == V{"139-5379-2957"});
  CHECK(mobiles("电话 139 5379 2957 王老师") == V{"139 5379 2957"});
  CHECK(mobiles("+86 139 5379 2957") == V{"139 5379 2957"});
  CHECK(mobiles("+86-139-5379-2957") == V{"139-5379-2957"});
  CHECK(mobiles("+8613953792957") == V{"13953792957"});
  CHECK(mobiles("0537-3265810 139 5379 2957") == V{"139 5379 2957"});
  CHECK(mobiles("2024-06-01 13953792957") == V{"13953792957"});
  CHECK(mobiles("订单139537929571").empty());   // 12 digits
  CHECK(mobiles("8139-5379-2957").empty());
  CHECK(mobiles("1 139 5379 2957").empty());    // a longer spaced number
  CHECK(mobiles("139-5379-2957-1").empty());
  CHECK(mobiles("139 5379-2957").empty());      // mixed separators
  CHECK(mobiles("12953792957").empty());        // 12… is no mobile prefix
  CHECK(mobiles("13953792957x").empty());
  CHECK(mobiles("0537-3265810").empty());
  CHECK(mobiles("已打码139****2957").empty());
  CHECK(mask_mobile("139-5379-2957") == "139****2957");
  CHECK(number_digits("139 5379 2957") == "13953792957");
}

TEST_CASE("an ID-card number is reported at its line and character column") {
  Diagnostics d;
  scan_personal_numbers("content/news/x.md", "---\ntitle: 走访\n---\n居民李某（身份证370811199001011234）\n", d);
  auto all = d.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].loc.file == "content/news/x.md");
  CHECK(all[0].loc.line == 4);
  CHECK(all[0].loc.col == 9);
}

TEST_CASE("mobile numbers come back with their place and whether a contact key holds them") {
  Diagnostics d;
  auto m = scan_personal_numbers("data/grids.yaml",
                                 "staff:\n  - {role: 网格长, name: 王芳, phone: \"139-5379-2957\"}\n"
                                 "intro: 有事找刘洋 13812345678\ncontact: 13900000000\n联系电话：13700000000\n",
                                 d);
  CHECK(d.sorted().empty());
  REQUIRE(m.size() == 4);
  CHECK(m[0].text == "139-5379-2957");
  CHECK(m[0].loc.line == 2);
  CHECK(m[0].loc.col == 35);
  CHECK(m[0].contact);
  CHECK_FALSE(m[1].contact);
  CHECK(m[2].contact);
  CHECK(m[3].contact);
}
