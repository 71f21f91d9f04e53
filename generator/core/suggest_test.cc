#include "core/suggest.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("did you mean: close ids only") {
  CHECK(closest_match("jsjy-g7", {"jsjy-g01", "jsjy-g07", "xfl-g07"}) == "jsjy-g07");
  CHECK(closest_match("qqqq", {"jsjy"}) == "");
  CHECK(closest_match("hf-est", {"hf-east", "hf-west"}) == "hf-east");
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("did you mean: a swap of neighbours is one edit, wherever it is asked") {
  // The typo issue 13 found: data files suggested jsjy for jsyj, an
  // activity's organizer did not, because each had its own helper.
  CHECK(edit_distance("jsyj", "jsjy") == 1);
  CHECK(closest_match("jsyj", {"jsjy", "xfl"}) == "jsjy");
  CHECK(did_you_mean("jsyj", {"jsjy", "xfl"}).find("'jsjy'") != std::string::npos);
  CHECK(did_you_mean("qqqq", {"jsjy"}) == "");
}

TEST_CASE("did you mean: characters, not bytes") {
  CHECK(edit_distance("红色教育", "红色教肓") == 1);
  CHECK(closest_match("红色教肓", {"红色教育", "橙色关怀"}) == "红色教育");
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("did you mean: ties go to the smallest candidate") {
  CHECK(closest_match("g02", {"g03", "g01"}) == "g01");
}
