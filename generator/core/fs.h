// The site folder behind a small interface, so tests can build a site that
// lives only in memory (Ninja's habit) and the pipeline never touches paths
// outside the site by accident.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hongfan {

struct DirEntry {
  std::string name;
  bool is_dir = false;
  bool is_symlink = false;
};

/// Read-only view of a site folder. Paths are relative, '/'-separated.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  virtual bool is_dir(const std::string& path) const = 0;
  /// Entries of a directory sorted by name (byte order); empty if missing.
  virtual std::vector<DirEntry> list(const std::string& dir) const = 0;
  /// Something that changes whenever the file does ("mtime:size" on disk),
  /// for caches; empty when the file system cannot tell.
  virtual std::string stamp(const std::string&) const { return {}; }
  /// read(), and in `stamp` the file's stamp() as it was just before: on
  /// disk from the file opened, rather than by its path a second time.
  virtual std::optional<std::string> read_stamped(const std::string& path, std::string& stamp) const {
    stamp = this->stamp(path);
    return read(path);
  }
};

/// Every regular file below `dir` (relative to the file system root), in
/// sorted order. Hidden entries (leading '.') are skipped.
std::vector<std::string> walk_files(const FileSystem& fs, const std::string& dir);

/// The real disk, rooted at a folder.
class DiskFileSystem final : public FileSystem {
 public:
  explicit DiskFileSystem(std::string root);
  std::optional<std::string> read(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  bool is_dir(const std::string& path) const override;
  std::vector<DirEntry> list(const std::string& dir) const override;
  std::string stamp(const std::string& path) const override;
  std::optional<std::string> read_stamped(const std::string& path, std::string& stamp) const override;
  const std::string& root() const { return root_; }

 private:
  std::string full(const std::string& path) const;
  std::string root_;
};

/// A site held in memory: path → contents. Directories are implied.
class MemoryFileSystem final : public FileSystem {
 public:
  void add(const std::string& path, std::string contents);
  std::optional<std::string> read(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  bool is_dir(const std::string& path) const override;
  std::vector<DirEntry> list(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

/// Joins two relative path parts with a single '/'.
std::string path_join(const std::string& a, const std::string& b);

}  // namespace hongfan
