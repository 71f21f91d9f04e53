#include "render/templates.h"

#include <doctest/doctest.h>

using namespace hongfan;

TEST_CASE("partials are inlined and site templates override the theme") {
  MemoryFileSystem theme, site;
  theme.add("t/page.html", "<h1>{{title}}</h1>{{> footer}}");
  theme.add("t/partials/footer.html", "<footer>theme</footer>");
  site.add("templates/partials/footer.html", "<footer>site {{title}}</footer>");
  Diagnostics d;
  auto set = TemplateSet::load({{&theme, "t", "themes/x/templates"}, {&site, "templates", "templates"}}, d);
  REQUIRE(set);
  Data data;
  data.set("title", "<b>&");
  std::string out;
  set->render("page.html", data, out);
  CHECK(out == "<h1>&lt;b&gt;&amp;</h1><footer>site &lt;b&gt;&amp;</footer>");
}

TEST_CASE("a missing partial is reported where it is named") {
  MemoryFileSystem site;
  site.add("templates/page.html", "<main>\n  {{> sidebar}}\n</main>");
  Diagnostics d;
  CHECK_FALSE(TemplateSet::load({{&site, "templates", "templates"}}, d));
  auto all = d.sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].format().rfind("templates/page.html:2:3: template: partial 'sidebar' not found", 0) == 0);
}

TEST_CASE("template syntax errors point into the file") {
  MemoryFileSystem site;
  site.add("templates/page.html", "<p>\n{{#open}}\n</p>");
  Diagnostics d;
  CHECK_FALSE(TemplateSet::load({{&site, "templates", "templates"}}, d));
  REQUIRE(d.error_count() == 1);
  CHECK(d.sorted()[0].loc.file == "templates/page.html");
  CHECK(d.sorted()[0].message == "template: section `{{#open}}` is never closed");
}

TEST_CASE("kainjow's other template errors are put in the reader's words") {
  auto first_message = [](const char* text) {
    MemoryFileSystem site;
    site.add("templates/page.html", text);
    Diagnostics d;
    CHECK_FALSE(TemplateSet::load({{&site, "templates", "templates"}}, d));
    return d.sorted().empty() ? std::string() : d.formatted()[0];
  };
  CHECK(first_message("<p>\n{{/shut}}</p>") ==
        "templates/page.html:2:1: template: `{{/shut}}` closes a section that was never opened");
  CHECK(first_message("<p>{{title</p>") == "templates/page.html:1:4: template: a `{{` tag is not closed with `}}`");
}

TEST_CASE("mustache syntax inside data is not evaluated") {
  MemoryFileSystem site;
  site.add("templates/p.html", "{{x}}|{{{y}}}");
  Diagnostics d;
  auto set = TemplateSet::load({{&site, "templates", "templates"}}, d);
  REQUIRE(set);
  Data data;
  data.set("x", "{{y}}");
  data.set("y", "<i>ok</i>");
  std::string out;
  set->render("p.html", data, out);
  CHECK(out == "{{y}}|<i>ok</i>");
}

TEST_CASE("template data moves a temporary in and copies what is still in use") {
  Data card;
  card.set("title", std::string("社区通知"));
  card.set("pinned", true);
  Data kept;
  kept.set("title", "留在原处");

  Data cards(Data::type::list);
  cards.push_back(std::move(card));  // moved: the list owns it now
  cards.push_back(kept);             // copied: `kept` is used below
  Data page;
  page.set("pages", std::move(cards));
  page.set("kept", kept);
  page.set("url", std::string("news/") + "a/");  // a temporary string, taken over

  REQUIRE(page.get("pages"));
  const auto& list = page.get("pages")->list_value();
  REQUIRE(list.size() == 2);
  CHECK(list[0].get("title")->string_value() == "社区通知");
  CHECK(list[0].get("pinned")->is_true());
  CHECK(list[1].get("title")->string_value() == "留在原处");
  CHECK(kept.get("title")->string_value() == "留在原处");
  CHECK(page.get("url")->string_value() == "news/a/");
  // set() replaces a value, as kainjow's does.
  page.set("url", Data(false));
  CHECK(page.get("url")->is_false());

  MemoryFileSystem site;
  site.add("templates/list.html", "{{#pages}}<li>{{title}}</li>{{/pages}}{{kept.title}}");
  Diagnostics d;
  auto set = TemplateSet::load({{&site, "templates", "templates"}}, d);
  REQUIRE(set);
  std::string out;
  set->render("list.html", page, out);
  CHECK(out == "<li>社区通知</li><li>留在原处</li>留在原处");
}
