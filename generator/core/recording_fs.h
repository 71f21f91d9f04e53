// A FileSystem that remembers what a build asked of the site folder.
//
// Ninja learns a compile's real inputs from the compiler's depfile; hongfan
// learns a build's the same way: every file read (with a hash of what it
// held), every folder listed and every "is there a file here?" asked. A
// later build that gets the same answers to the same questions, with the
// same binary and options, would produce the same output (site/build_record.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <mutex>
#include <string>

#include "core/fs.h"

namespace hongfan {

/// What one build asked and was told. Sorted by path, so a record of the
/// same questions is the same whatever order the workers asked them in.
struct InputAnswers {
  struct Read {
    bool found = false;
    std::uint64_t hash = 0;  ///< of the bytes read
    std::string stamp;       ///< FileSystem::stamp at read time; empty: compare the hash
    /// Of site.yaml and data/*.yaml: yaml_meaning() of what was read; 0 when it has none.
    std::uint64_t meaning = 0;
  };
  std::map<std::string, Read> reads;
  std::map<std::string, bool> files;         ///< is_file(path)
  std::map<std::string, bool> dirs;          ///< is_dir(path)
  std::map<std::string, std::uint64_t> lists;  ///< list(dir), hashed (names and kinds)
};

/// Hash of a folder listing, as InputAnswers::lists keeps it.
std::uint64_t hash_listing(const std::vector<DirEntry>& entries);

class RecordingFileSystem final : public FileSystem {
 public:
  /// `not_before`: stamps of files modified at or after this instant (epoch
  /// seconds) are not trusted, as git does for "racy" files: a file written
  /// in the same tick as the build could change without its stamp changing.
  RecordingFileSystem(const FileSystem& inner, std::int64_t not_before);

  std::optional<std::string> read(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  bool is_dir(const std::string& path) const override;
  std::vector<DirEntry> list(const std::string& dir) const override;
  std::string stamp(const std::string& path) const override { return inner_.stamp(path); }

  InputAnswers answers() const;

 private:
  const FileSystem& inner_;
  std::int64_t not_before_;
  mutable std::mutex mutex_;
  mutable InputAnswers answers_;
};

/// The YAML files a build only parses, never copies: site.yaml and data/.
/// An edit of their comments or blank lines changes no page (yaml_meaning).
bool parsed_yaml_file(const std::string& path);

/// True when `fs` gives today the answers recorded in `answers`. Files whose
/// stamp is unchanged are not read; the others are read and hashed.
bool same_answers(const FileSystem& fs, const InputAnswers& answers);

/// The files read whose bytes (or presence) `fs` now answers differently,
/// when every other question (is_file, is_dir, listings) gets the recorded
/// answer; nullopt when one does not. With `by_meaning`, a YAML file it
/// names whose text now says what it said (yaml_meaning: only comments,
/// blank lines or layout changed) counts as unchanged, and is added to
/// `same_meaning` when given.
std::optional<std::set<std::string>> changed_reads(const FileSystem& fs, const InputAnswers& answers,
                                                   const std::set<std::string>* by_meaning = nullptr,
                                                   std::set<std::string>* same_meaning = nullptr);

}  // namespace hongfan
