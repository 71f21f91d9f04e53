#include "domain/activities.h"

#include <doctest/doctest.h>

#include "core/date.h"

using namespace hongfan;

namespace {

ContentSet content_of(std::initializer_list<std::pair<const char*, const char*>> files) {
  ContentSet set;
  Diagnostics d;
  for (const auto& [path, text] : files)
    if (auto p = parse_page(path, text, d)) set.pages.push_back(std::move(*p));
  REQUIRE_FALSE(d.has_errors());
  link_content(set, d);
  return set;
}

// SiteData as issue 3's loaders fill it, built by hand.
SiteData data_with_station_and_org() {
  SiteData data;
  Station s;
  s.id = "hf-east";
  s.name = "嘉苑东门红帆驿站";
  data.stations.push_back(s);
  data.station_by_id["hf-east"] = 0;
  OrgUnit u;
  u.id = "jsjy";
  u.name = "金色嘉苑社区大党委";
  data.org.units.push_back(u);
  data.org.by_id["jsjy"] = 0;
  return data;
}

}  // namespace

TEST_CASE("activities are read with their times, colour and brand") {
  auto content = content_of({
      {"content/brands/red-courtyard.md", "---\ntitle: 红色庭院\nslogan: 庭院\n---\n"},
      {"content/activities/a.md",
       "---\ntitle: 义诊\nstart: 2024-06-15T09:00\nend: 2024-06-15T11:30\nstation: hf-east\n"
       "organizer: jsjy\nbrand: red-courtyard\ncolor: 紫色便民\ncapacity: 30\npoints: 5\nsignup: 电话报名\n---\n"},
  });
  Diagnostics d;
  auto prog = read_programme(content, data_with_station_and_org(), d);
  CHECK_FALSE(d.has_errors());
  REQUIRE(prog.activities.size() == 1);
  const Activity& a = prog.activities[0];
  CHECK(a.start == parse_datetime("2024-06-15T09:00")->epoch);
  CHECK(a.end - a.start == 150 * 60);
  CHECK(a.colour == 4);
  CHECK(a.brand_title == "红色庭院");
  CHECK(*a.capacity == 30);
  REQUIRE(prog.brand("red-courtyard"));
  CHECK(prog.brand("red-courtyard")->slogan == "庭院");
}

TEST_CASE("organisers are checked when data/ has them") {
  const char* text =
      "---\ntitle: 义诊\nstart: 2024-06-15T09:00\nstation: hf-est\norganizer: jsjy-x\n---\n";
  auto content = content_of({{"content/activities/a.md", text}});
  SUBCASE("with data: a dangling organizer is reported where it is written") {
    Diagnostics d;
    auto prog = read_programme(content, data_with_station_and_org(), d);
    CHECK(prog.activities.empty());
    auto m = d.formatted();
    // The station is a reference of every page: site/link_data.cc reports
    // it, once. The organizer reads like a news page's `org:`.
    REQUIRE(m.size() == 1);
    CHECK(m[0] == "content/activities/a.md:5:12: front matter: organizer 'jsjy-x' is not an org unit (did you mean 'jsjy'?)\n    hint: change organizer to 'jsjy'");
  }
  SUBCASE("without data there is nothing to check against") {
    Diagnostics d;
    auto prog = read_programme(content, SiteData{}, d);
    CHECK_FALSE(d.has_errors());
    CHECK(prog.activities.size() == 1);
  }
}

TEST_CASE("a missing start and a bad date-time are errors") {
  auto content = content_of({{"content/activities/a.md", "---\ntitle: 义诊\nend: 明天\n---\n"}});
  Diagnostics d;
  read_programme(content, SiteData{}, d);
  auto m = d.formatted();
  REQUIRE(m.size() == 2);
  CHECK(m[0] == "content/activities/a.md:2:1: front matter: 'start' is required in activities/\n    hint: add a line like `start: 2024-06-15T09:00`");
  CHECK(m[1].rfind("content/activities/a.md:3:6: front matter: end '明天' is not a date-time", 0) == 0);
}

TEST_CASE("linking keeps every page's own front matter") {
  // std::sort used to swap Pages, and YAML::Node assignment aliases nodes.
  ContentSet set;
  Diagnostics d;
  for (int i = 9; i >= 0; --i) {
    std::string path = "content/news/" + std::to_string(i) + ".md";
    std::string text = "---\ntitle: t" + std::to_string(i) + "\ndate: 2024-06-01\nkey: v" + std::to_string(i) + "\n---\n";
    set.pages.push_back(*parse_page(path, text, d));
  }
  link_content(set, d);
  for (const auto& p : set.pages)
    CHECK(p.params["key"].as<std::string>() == "v" + p.title.substr(1));
}
