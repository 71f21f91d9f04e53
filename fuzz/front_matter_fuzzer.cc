// Front matter: splitting `---` fences and parsing the YAML into a Page.
#include "content/front_matter.h"
#include "content/page.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  hongfan::FrontMatterError error;
  (void)hongfan::split_front_matter(text, &error);
  hongfan::Diagnostics diags;
  (void)hongfan::parse_page("content/news/2024-06-01-fuzz.md", text, diags);
  (void)hongfan::parse_page("content/_index.md", text, diags);
  for (const auto& d : diags.sorted()) (void)d.format();
  return 0;
}
