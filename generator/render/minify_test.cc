#include <doctest/doctest.h>

#include "core/image_size.h"
#include "render/minify.h"

using namespace hongfan;

TEST_CASE("minify_html drops whitespace next to blocks and keeps it between inline elements") {
  CHECK(minify_html("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n") == "<ul><li>a</li><li>b</li></ul>");
  CHECK(minify_html("<p>\n  <a href=x>one</a>\n  <a href=y>two</a>\n</p>") ==
        "<p><a href=x>one</a> <a href=y>two</a></p>");
  CHECK(minify_html("<p>来源：  <span>齐鲁\n晚报</span> 作者</p>") == "<p>来源： <span>齐鲁 晚报</span> 作者</p>");
}

TEST_CASE("minify_html leaves pre, textarea, script and attributes alone") {
  std::string pre = "<pre>  a\n    b </pre>";
  CHECK(minify_html("<div>\n" + pre + "\n</div>") == "<div>" + pre + "</div>");
  CHECK(minify_html("<textarea>\n x  y\n</textarea>") == "<textarea>\n x  y\n</textarea>");
  CHECK(minify_html("<script>if (a < b)  {  }</script>") == "<script>if (a < b)  {  }</script>");
  CHECK(minify_html("<p title=\"a  >  b\">x</p>") == "<p title=\"a  >  b\">x</p>");
  CHECK(minify_html("<p>1 < 2  and 3</p>") == "<p>1 < 2 and 3</p>");
  // Closing tags are found in any case; comments are copied whole.
  CHECK(minify_html("<PRE> a  b </Pre>\n<p> x </p>") == "<PRE> a  b </Pre><p>x</p>");
  CHECK(minify_html("<style> a  { } </STYLE> <b> x </b>") == "<style> a  { } </STYLE><b> x </b>");
  CHECK(minify_html("<div> <!--  keep  --> a </div>") == "<div><!--  keep  --> a</div>");
  CHECK(minify_html("a <\n<p>") == "a <<p>");
}

TEST_CASE("minify_css keeps meaning") {
  CHECK(minify_css("/* c */\na , b > c {\n  color : red ;\n  margin: 0 auto;\n}\n") ==
        "a,b>c{color :red;margin:0 auto}");  // a space before : can be a descendant selector
  CHECK(minify_css(".x :is(a, b) { width: calc(100% - 1rem); }") == ".x :is(a,b){width:calc(100% - 1rem)}");
  CHECK(minify_css("@media (min-width: 48rem) and (hover) { a { content: \"  ; } \"; } }") ==
        "@media (min-width:48rem) and (hover){a{content:\"  ; } \"}}");
}

TEST_CASE("image_size reads PNG and JPEG headers") {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\x58\0\0\x01\x2c", 24);
  CHECK(image_size(png) == std::make_pair(600, 300));
  // SOI, an APP0 segment, then SOF0 with height 200 and width 320.
  std::string jpeg("\xff\xd8\xff\xe0\0\x04\0\0\xff\xc0\0\x11\x08\0\xc8\x01\x40\x03", 18);
  jpeg += std::string(16, '\0');
  CHECK(image_size(jpeg) == std::make_pair(320, 200));
  CHECK_FALSE(image_size("not an image"));
}
