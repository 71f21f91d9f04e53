// Markdown rendering (cmark-gfm, heading ids, link rewriting). In the default
// safe mode no input may produce a <script> element or a script URL.
#include "fuzz_util.h"
#include "markdown/markdown.h"
#include "render/urls.h"

using namespace hongfan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  MarkdownOptions safe;
  safe.reserved_ids = {"main"};
  auto rewrite = [](std::string_view url) { return resolve_link("../../", url); };
  auto r = render_markdown(text, safe, rewrite);
  fuzz::assert_no_executable_markup("markdown", r.html);
  for (const auto& id : r.anchors)
    if (id == "main") fuzz::fail("heading id collides with the theme's main", "markdown", r.html);
  MarkdownOptions unsafe;
  unsafe.unsafe_html = true;
  (void)render_markdown(text, unsafe, rewrite);
  return 0;
}
