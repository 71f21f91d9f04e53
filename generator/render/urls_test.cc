#include "render/urls.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("offline links name index.html for every folder") {
  CHECK(link_index_files(R"(<a href="news/">x</a>)") == R"(<a href="news/index.html">x</a>)");
  CHECK(link_index_files(R"(<a href="./">)") == R"(<a href="./index.html">)");
  CHECK(link_index_files(R"(<a href="../../">)") == R"(<a href="../../index.html">)");
  CHECK(link_index_files(R"(<a href="..">)") == R"(<a href="../index.html">)");
  CHECK(link_index_files(R"(<a href="../news/page/2/#top">)") == R"(<a href="../news/page/2/index.html#top">)");
  CHECK(link_index_files(R"(<a href='tags/志愿服务/?a=1'>)") == R"(<a href='tags/志愿服务/index.html?a=1'>)");
  CHECK(link_index_files(R"(<form action="../search/">)") == R"(<form action="../search/index.html">)");
  CHECK(link_index_files("<a\n href=\"org/\">") == "<a\n href=\"org/index.html\">");
}

TEST_CASE("offline links leave files, anchors and other sites alone") {
  for (const char* html :
       {R"(<a href="feed.xml">)", R"(<a href="#main">)", R"(<a href="https://example.org/">)",
        R"(<a href="//cdn.example.org/">)", R"(<a href="mailto:a@b.cn">)", R"(<a href="tel:0536-8123400">)",
        R"(<link rel="stylesheet" href="css/style.1a2b.css">)", R"(<img src="images/">)",
        R"(<a data-href="news/">)", R"(<a href="">)", R"(<a href=news/>)", R"(<a href="?q=1">)"})
    CHECK(link_index_files(html) == html);
  CHECK(link_index_files(R"(<a href="news/)") == R"(<a href="news/)");  // unclosed: as is
}
