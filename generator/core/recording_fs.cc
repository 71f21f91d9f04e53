#include "core/recording_fs.h"

#include <atomic>
#include <cstdlib>

#include "core/hash.h"
#include "core/parallel.h"
#include "core/text.h"
#include "core/yaml.h"

namespace hongfan {

namespace {

// "SECONDS.NANOS:SIZE" (DiskFileSystem::stamp) → SECONDS, or -1.
std::int64_t stamp_seconds(const std::string& stamp) {
  if (stamp.empty()) return -1;
  return std::strtoll(stamp.c_str(), nullptr, 10);
}

}  // namespace

// Only their meaning is kept beside their bytes (yaml_meaning); a YAML file
// elsewhere, say in static/, may be copied to the output as it is, comments
// included.
bool parsed_yaml_file(const std::string& path) {
  return path == "site.yaml" ||
         (starts_with(path, "data/") && (ends_with(path, ".yaml") || ends_with(path, ".yml")));
}

std::uint64_t hash_listing(const std::vector<DirEntry>& entries) {
  Fnv1a64 h;
  for (const auto& e : entries) {
    h.update(e.name);
    h.update(e.is_dir ? std::string_view("/d\n", 3) : e.is_symlink ? std::string_view("/l\n", 3)
                                                                    : std::string_view("/f\n", 3));
  }
  return h.value();
}

RecordingFileSystem::RecordingFileSystem(const FileSystem& inner, std::int64_t not_before)
    : inner_(inner), not_before_(not_before) {}

std::optional<std::string> RecordingFileSystem::read(const std::string& path) const {
  // The stamp first: a file replaced between stamp and read is then seen as
  // changed by the next build (it hashes what it reads), never as unchanged.
  std::string stamp;
  auto data = inner_.read_stamped(path, stamp);
  if (stamp_seconds(stamp) >= not_before_) stamp.clear();
  InputAnswers::Read r{data.has_value(), data ? fnv1a64(*data) : 0, std::move(stamp), 0};
  if (data && parsed_yaml_file(path)) r.meaning = yaml_meaning(*data).value_or(0);
  std::lock_guard lock(mutex_);
  answers_.reads[path] = std::move(r);
  return data;
}

bool RecordingFileSystem::is_file(const std::string& path) const {
  bool yes = inner_.is_file(path);
  std::lock_guard lock(mutex_);
  answers_.files[path] = yes;
  return yes;
}

bool RecordingFileSystem::is_dir(const std::string& path) const {
  bool yes = inner_.is_dir(path);
  std::lock_guard lock(mutex_);
  answers_.dirs[path] = yes;
  return yes;
}

std::vector<DirEntry> RecordingFileSystem::list(const std::string& dir) const {
  auto entries = inner_.list(dir);
  std::uint64_t h = hash_listing(entries);
  std::lock_guard lock(mutex_);
  answers_.lists[dir] = h;
  return entries;
}

InputAnswers RecordingFileSystem::answers() const {
  std::lock_guard lock(mutex_);
  return answers_;
}

std::optional<std::set<std::string>> changed_reads(const FileSystem& fs, const InputAnswers& a,
                                                   const std::set<std::string>* by_meaning,
                                                   std::set<std::string>* same_meaning) {
  for (const auto& [path, yes] : a.files)
    if (fs.is_file(path) != yes) return std::nullopt;
  for (const auto& [path, yes] : a.dirs)
    if (fs.is_dir(path) != yes) return std::nullopt;
  for (const auto& [dir, h] : a.lists)
    if (hash_listing(fs.list(dir)) != h) return std::nullopt;
  // The files, on the worker pool: thousands of stats, and a read and hash
  // for each file whose stamp moved (touched, or copied back unchanged).
  std::vector<const std::pair<const std::string, InputAnswers::Read>*> reads;
  reads.reserve(a.reads.size());
  for (const auto& r : a.reads) reads.push_back(&r);
  enum class Now : char { same, changed, same_meaning };
  std::vector<Now> now(reads.size(), Now::same);
  parallel_for(reads.size(), [&](std::size_t i) {
    const auto& [path, r] = *reads[i];
    if (!r.stamp.empty() && fs.stamp(path) == r.stamp) return;
    auto data = fs.read(path);
    if (data.has_value() != r.found) now[i] = Now::changed;
    else if (data && fnv1a64(*data) != r.hash)
      now[i] = r.meaning && by_meaning && by_meaning->count(path) && yaml_meaning(*data) == r.meaning
                   ? Now::same_meaning
                   : Now::changed;
  });
  std::set<std::string> out;
  for (std::size_t i = 0; i < reads.size(); ++i) {
    if (now[i] == Now::changed) out.insert(reads[i]->first);
    if (now[i] == Now::same_meaning && same_meaning) same_meaning->insert(reads[i]->first);
  }
  return out;
}

bool same_answers(const FileSystem& fs, const InputAnswers& a) {
  auto changed = changed_reads(fs, a);
  return changed && changed->empty();
}

}  // namespace hongfan
