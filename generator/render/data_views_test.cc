#include "render/data_views.h"

#include <doctest/doctest.h>

#include "render/qr_svg.h"

using namespace hongfan;

TEST_CASE("QR codes are inline SVG with a quiet zone") {
  std::string svg = qr_svg("https://example.gov.cn/jsjy/grids/g01/", "第一网格网页二维码");
  CHECK(svg.rfind("<svg class=\"qr\"", 0) == 0);
  CHECK(svg.find("aria-label=\"第一网格网页二维码\"") != std::string::npos);
  // Version 3 (29 modules) for this URL at level M, plus 2×4 quiet modules.
  CHECK(svg.find("viewBox=\"0 0 37 37\"") != std::string::npos);
  CHECK(svg.find("<path fill=\"#000\" d=\"M4 4h7v1h-7z") != std::string::npos);  // finder pattern
  CHECK(qr_svg("a", "x") != qr_svg("b", "x"));
}

TEST_CASE("tel: links keep digits, + and -") {
  CHECK(tel_href("0537-3265810") == "tel:0537-3265810");
  CHECK(tel_href(" 138 0000 0001 ") == "tel:13800000001");
  CHECK(tel_href("+86 537 1234567") == "tel:+865371234567");
}

TEST_CASE("data page urls") {
  CHECK(org_url("jsjy") == "org/jsjy/");
  CHECK(grid_url("g01") == "grids/g01/");
  CHECK(station_url("hf-east") == "stations/hf-east/");
}
