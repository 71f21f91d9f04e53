#include "data/privacy.h"

#include <doctest/doctest.h>

using hongfan::mask_name;

TEST_CASE("names are masked the way DESIGN §4 shows") {
  CHECK(mask_name("李瑞勤") == "李*勤");
  CHECK(mask_name("赵建国家") == "赵**家");
  CHECK(mask_name("王芳") == "王*");
  CHECK(mask_name("王") == "王");
  CHECK(mask_name("") == "");
}
