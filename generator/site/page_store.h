// The pages a build loaded, kept beside the output for the next build.
//
// A rebuild after a staff member saved one article used to read, parse and
// render the Markdown of all 10,000 articles again, though only one had
// changed: about half a second of the second it took. The last good build
// now leaves its pages (parsed, rendered, with their pictures) in
// .hongfan-cache/pages-<output folder>, and a rebuild that the build record
// found to be "only these pages were edited" (pages_changed_since) takes
// every other page from there instead of from its file.
//
// The store belongs to one build record: both carry the same token, and the
// store is written before the record. A store left by a build that was
// killed before its record is never used with an older record.
//
// Only pages that nothing more is read from later are kept: not those that
// keep their front matter (activities, brands, disclosures, pages with
// extra keys for templates), and not those the build said anything about,
// so that every warning is said again by the build that reads the page.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "content/page.h"
#include "core/diagnostics.h"

namespace hongfan {

/// Source path ("content/news/x.md") → the page as the last build had it.
using PageStore = std::unordered_map<std::string, Page>;

/// A token that tells one build's store from another's.
std::uint64_t new_page_store_token();

/// The pages worth keeping (see above) of a build that said `said`.
std::vector<const Page*> pages_to_store(const std::vector<Page>& pages, const std::vector<Diagnostic>& said);

/// Writes those pages with `token`, whole or not at all. It reads only
/// their plain fields (no front matter), so it may run beside the workers
/// that render from them. Best effort: a store is only a shortcut.
void save_page_store(const std::string& output_dir, std::uint64_t token, const std::vector<const Page*>& pages);

/// The store beside `output_dir` when it carries `token`; nullopt when it is
/// missing, another build's, or unreadable.
std::optional<PageStore> load_page_store(const std::string& output_dir, std::uint64_t token);

/// Exposed for tests: the bytes of one page and back.
std::string encode_page(const Page& page);
std::optional<Page> decode_page(std::string_view bytes);

}  // namespace hongfan
