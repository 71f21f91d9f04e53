// The content stages of the pipeline: discover and parse pages, then render
// their Markdown. Both run on the worker pool.
#pragma once

#include <vector>

#include "config/config.h"
#include "content/collection.h"
#include "content/page.h"
#include "core/diagnostics.h"
#include "core/fs.h"

namespace hongfan {

/// Every `*.md` under content/, parsed; drafts dropped unless `drafts`.
std::vector<Page> load_content(const FileSystem& site, bool drafts, Diagnostics& diags);

/// Renders each page's Markdown (links made relative to the page) and sets
/// its plain summary. The Markdown is dropped afterwards unless `keep_markdown`.
void render_markdown_all(ContentSet& content, const Config& config, Diagnostics& diags,
                         bool keep_markdown = false);

}  // namespace hongfan
