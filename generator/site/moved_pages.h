// A page without `slug:` whose file name cannot be a web address gets one
// made from its date and title (DESIGN: "the date and a short hash of the
// title"). Editing the title then moves the page, and a link staff already
// shared (in a WeChat group, say) opens nothing. The build remembers those
// addresses beside the output and, when one moves, says so at the title,
// with the `slug:` line that brings the old address back.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/page.h"
#include "core/diagnostics.h"

namespace hongfan {

/// Content file → address of every page in `pages` whose address is made
/// from its title: what the next build compares with.
std::map<std::string, std::string> title_made_urls(const std::vector<Page>& pages);

/// One warning, at its title, for each such page whose address differs from
/// the one `before` holds for its file.
void warn_moved_pages(const std::vector<Page>& pages, const std::map<std::string, std::string>& before,
                      const Config& config, Diagnostics& diags);

}  // namespace hongfan
