// The site folder's git history (libgit2): every studio save is a commit
// with the staff member as author, so nothing a person wrote is lost.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct git_repository;

namespace hongfan::studio {

/// One commit that changed a file.
struct Revision {
  std::string id;       ///< full hex id
  std::string author;
  std::string message;
  std::int64_t time = 0;  ///< epoch seconds
};

/// The git repository of a site folder. Not thread-safe: the studio holds
/// its write lock around every call.
class Repo {
 public:
  /// Opens the repository at `site` (the folder itself, never a parent),
  /// creating it with a first commit of the site's files when there is none.
  /// Returns nullopt and sets `error` when libgit2 fails.
  static std::optional<Repo> open_or_init(const std::string& site, std::string* error);
  Repo(Repo&& other) noexcept;
  Repo& operator=(Repo&& other) noexcept;
  ~Repo();

  /// Commits the working-tree state of `paths` (relative to the site; a
  /// missing file is recorded as deleted) with `author` as author and
  /// committer. Returns the new commit id, or "" with `error` set.
  std::string commit(const std::vector<std::string>& paths, const std::string& author, const std::string& email,
                     const std::string& message, std::string* error);

  /// Commits that changed `path`, newest first (at most `limit`).
  std::vector<Revision> history(const std::string& path, std::size_t limit = 50);

  /// `path` as it was at commit `id`; nullopt when it did not exist there.
  std::optional<std::string> file_at(const std::string& id, const std::string& path);

  /// A unified diff of `path` between commit `id`'s parent and `id`.
  std::string diff(const std::string& id, const std::string& path);

 private:
  explicit Repo(git_repository* repo) : repo_(repo) {}
  git_repository* repo_ = nullptr;
};

}  // namespace hongfan::studio
