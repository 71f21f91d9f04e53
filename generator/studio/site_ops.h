// The studio's uses of the build: validating a changed file with the same
// stages `hongfan build` runs, building a preview, publishing. Internal to
// generator/studio/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "studio/app.h"

namespace hongfan::studio {

/// The problems the build's reading stages find in `path` when its text is
/// `text` (the rest of the site as on disk). Problems of other files are
/// not the editor's doing and are left out.
std::vector<Diagnostic> validate_page(App& app, const std::string& path, const std::string& text);

/// The problems the build's reading stages find in the site with the files
/// of `replace` (path → bytes) put in and those in `hide` taken out; only
/// those reported in `file`.
std::vector<Diagnostic> validate_with(App& app, const std::map<std::string, std::string>& replace,
                                      const std::vector<std::string>& hide, const std::string& file);

/// Errors the same change brings into other files than `file` (those the
/// site has now are not counted): a grid id renamed in data/grids.yaml
/// that the ledger or people.yaml still name.
std::vector<Diagnostic> errors_caused_elsewhere(App& app, const std::map<std::string, std::string>& replace,
                                                const std::string& file);

/// Builds the site with `path` as `text` (drafts included) into
/// SITE/.hongfan-studio/preview/public. Returns the page's URL under
/// /preview/, or "" with `error` set.
std::string build_preview(App& app, const std::string& path, const std::string& text, std::string* error);

/// Where previews are built.
std::string preview_root(const App& app);

/// "Today" for builds: --now, else the clock.
std::int64_t build_now(const App& app);

/// Writes `text` to `path`, commits it as `user` with `message`. Returns ""
/// or an error. The caller holds app.write_mutex.
std::string save_and_commit(App& app, const User& user, const std::string& path, const std::string& text,
                            const std::string& message);

/// Sets front matter keys of `path` (an empty value removes the key) as a
/// person would, validates, commits. Returns "" or an error. Takes the
/// write lock.
std::string set_front_keys(App& app, const User& user, const std::string& path,
                           const std::map<std::string, std::string>& values, const std::string& message);

/// The draft kept for `path` after a save that failed (validation or
/// conflict), if any.
std::string draft_path(const App& app, const std::string& path);

/// The committed version of `path` whose content_hash() is `hash` (the one
/// a form was made from), among its recent history. The caller holds
/// app.write_mutex.
std::optional<std::string> version_with_hash(App& app, const std::string& path, const std::string& hash);

/// Keeps `text` as the draft of `path`; reads it back ("" when none).
void keep_draft(const App& app, const std::string& path, const std::string& text);
std::string read_draft(const App& app, const std::string& path);

}  // namespace hongfan::studio
