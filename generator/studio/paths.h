// Every path the studio reads or writes is checked here: nothing outside
// the site folder, no `..`, no hidden entries (.git, .hongfan-cache), never
// studio.yaml, and no symbolic link anywhere on the way.
#pragma once

#include <optional>
#include <string>

namespace hongfan::studio {

/// The absolute path of `rel` inside `site` when it is allowed, else
/// nullopt. `rel` is '/'-separated and relative; every existing component
/// is checked with lstat, so a symbolic link (to anywhere) is refused.
std::optional<std::string> checked_path(const std::string& site, const std::string& rel);

/// True for `content/SECTION/…/NAME.md` paths the article editor may touch.
bool is_article_path(const std::string& rel);

/// True for `data/NAME.yaml` files the data forms may touch (not the
/// ledger, which has its own upload page).
bool is_data_path(const std::string& rel);

/// Writes `data` to `rel` in `site` atomically (a temporary file in the same
/// folder, then rename), creating missing folders. Refuses what
/// checked_path() refuses. Returns false and sets `error` on failure.
bool write_site_file(const std::string& site, const std::string& rel, const std::string& data, std::string* error);

/// Reads `rel` in `site` after checked_path(); nullopt when refused or missing.
std::optional<std::string> read_site_file(const std::string& site, const std::string& rel);

}  // namespace hongfan::studio
