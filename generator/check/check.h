// `hongfan check`: what a build would publish, inspected without writing.
//
// The check runs the reading stages of the pipeline (prepare_site) and then
// a list of rules over the prepared site: broken internal links and anchors,
// missing images and attachments, unknown ids in front matter, pages without
// a summary or share image, unmasked mobile numbers in news, ID-card numbers
// anywhere in the input. Each rule is a function in its own small file;
// check.cc lists them in order.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "core/fs.h"
#include "site/build.h"

namespace hongfan {

/// Everything a rule may look at.
struct CheckContext {
  const FileSystem* site = nullptr;
  const PreparedSite* prepared = nullptr;
};

/// Runs every rule and reports into `diags`. Returns false when the site has
/// errors (including the build's own). Writes nothing.
bool check_site(const FileSystem& site, const BuildOptions& options, Diagnostics& diags);

/// The rules, one per file.
void check_links(const CheckContext& ctx, Diagnostics& diags);       ///< links, anchors, images, covers, menu
void check_sharing(const CheckContext& ctx, Diagnostics& diags);     ///< summaries and share images
void check_privacy(const CheckContext& ctx, Diagnostics& diags);     ///< mobile and ID-card numbers

/// Diagnostics as JSON for scripts: {"errors": N, "warnings": N,
/// "diagnostics": [{"severity", "file", "line", "column", "message", "hint"}]}.
std::string diagnostics_json(const Diagnostics& diags);

}  // namespace hongfan
