// The rules of `hongfan check`, which every build runs too.
//
// The rules look at a prepared site (the reading stages of the pipeline,
// prepare_site): broken internal links and anchors, missing images, covers
// and attachments, menu links to nowhere; unmasked mobile numbers anywhere
// in content and data; the starter's example base_url on printed QR cards;
// pages without a summary or share image. Each rule is a function in its
// own small file; check.cc lists them in order.
//
// `build` and `serve` run review_site() once on the site they are about to
// write (BuildOptions::review), so staff see the same problems without
// running `check`; `check` adds the share-card advice and lists everything.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "core/fs.h"
#include "site/build.h"

namespace hongfan {

/// Everything a rule may look at.
struct CheckContext {
  const PreparedSite* prepared = nullptr;
  /// In a build, what `check` calls an error (a broken link) is a warning:
  /// the site is still written, unless --strict.
  bool errors_as_warnings = false;
  /// The site's own files, for the rules that read them as written (the
  /// inspector's wording scan); null when only the prepared site is known.
  const FileSystem* site = nullptr;

  /// Reports something `check` counts as an error.
  void problem(Diagnostics& diags, SourceLoc loc, std::string message, std::string hint = {}) const;
};

/// Runs every rule and reports into `diags`. Returns false when the site has
/// errors (including the build's own). Writes nothing.
bool check_site(const FileSystem& site, const BuildOptions& options, Diagnostics& diags);

/// The rules a build runs before it writes (links, privacy, QR cards): what
/// the build would publish wrongly. `check` runs them too, and calls a
/// broken link an error; a build (`errors_as_warnings`) warns.
void review_site(const PreparedSite& site, Diagnostics& diags, bool errors_as_warnings);

/// review_site as every build runs it (BuildOptions::review): what `check`
/// knows, said as warnings, since staff run build, serve and the studio's
/// 发布, not check.
void review_in_build(const PreparedSite& site, Diagnostics& diags);

/// The rules, one per file.
void check_links(const CheckContext& ctx, Diagnostics& diags);       ///< links, anchors, images, covers, menu
void check_sharing(const CheckContext& ctx, Diagnostics& diags);     ///< summaries and share images
void check_privacy(const CheckContext& ctx, Diagnostics& diags);     ///< mobile numbers
void check_qr_base_url(const CheckContext& ctx, Diagnostics& diags); ///< the example base_url on QR cards
// What a government-site inspector checks: check/inspector.h.

/// Diagnostics as JSON for scripts: {"errors": N, "warnings": N,
/// "diagnostics": [{"severity", "file", "line", "column", "message", "hint"}]}.
std::string diagnostics_json(const Diagnostics& diags);

}  // namespace hongfan
