#include "markdown/image_paths.h"

#include <doctest/doctest.h>

using hongfan::bracket_spaced_image_paths;

TEST_CASE("WeChat photo names with a space and brackets get angle brackets") {
  auto out = bracket_spaced_image_paths("前\n![合影](/images/微信图片_20261201 (2).JPG)\n后\n");
  REQUIRE(out);
  CHECK(*out == "前\n![合影](</images/微信图片_20261201 (2).JPG>)\n后\n");
  CHECK(*bracket_spaced_image_paths("![a](x y.jpg) and ![b](z w.MP4)") == "![a](<x y.jpg>) and ![b](<z w.MP4>)");
}

TEST_CASE("paths CommonMark already takes, and code blocks, are left alone") {
  CHECK_FALSE(bracket_spaced_image_paths("![a](/images/合影.jpg)"));
  CHECK_FALSE(bracket_spaced_image_paths("![a](</images/a b.jpg>)"));
  CHECK_FALSE(bracket_spaced_image_paths("no images here (a b.jpg)"));
  CHECK_FALSE(bracket_spaced_image_paths("```\n![a](x y.jpg)\n```\n"));
  CHECK_FALSE(bracket_spaced_image_paths("![a](x y.pdf)"));
}
