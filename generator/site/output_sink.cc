#include "site/output_sink.h"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "core/fs.h"
#include "core/i18n.h"
#include "site/output.h"

namespace hongfan {

bool OutputSink::commit_some(Diagnostics&) {
  // A programming error, not a user's: the quick rebuild is given a sink
  // that has commit_some().
  throw std::logic_error("this output sink is always committed whole");
}

void InPlaceOutput::write(const std::string& rel, std::string_view data) {
  if (!is_safe_relative_path(rel)) throw std::runtime_error(tr("refusing to write outside the output: {}", rel));
  std::string path = path_join(dir_, rel);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  std::string tmp = path + ".hongfan-tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  bool ok = f && std::fwrite(data.data(), 1, data.size(), f) == data.size();
  if (f) ok = std::fclose(f) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error(tr("cannot write {}", path));
  }
  ++written_;
}

bool InPlaceOutput::commit(Diagnostics&) {
  throw std::logic_error("serve's in-place output is only ever committed in part");
}

bool InPlaceOutput::commit_some(Diagnostics&) { return true; }

void MemoryOutput::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  staged_.clear();
}

void MemoryOutput::write(const std::string& rel, std::string_view data) {
  // The same rule as on disk: a test must not pass what a real build refuses.
  if (!is_safe_relative_path(rel)) throw std::runtime_error(tr("refusing to write outside the output: {}", rel));
  std::lock_guard<std::mutex> lock(mutex_);
  staged_[rel] = std::string(data);
}

bool MemoryOutput::keep(const std::string& rel) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = tree_.find(rel);
  if (it == tree_.end()) return false;
  staged_[rel] = it->second;
  return true;
}

bool MemoryOutput::commit(Diagnostics&) {
  std::lock_guard<std::mutex> lock(mutex_);
  changed_.clear();
  for (const auto& [path, bytes] : staged_) {
    auto it = tree_.find(path);
    if (it == tree_.end() || it->second != bytes) changed_.insert(path);
  }
  for (const auto& [path, bytes] : tree_)
    if (!staged_.count(path)) changed_.insert(path);
  tree_ = std::move(staged_);
  staged_.clear();
  ++commits_;
  return true;
}

bool MemoryOutput::commit_some(Diagnostics&) {
  std::lock_guard<std::mutex> lock(mutex_);
  changed_.clear();
  for (auto& [path, bytes] : staged_) {
    auto& kept = tree_[path];
    if (kept != bytes) changed_.insert(path);
    kept = std::move(bytes);
  }
  staged_.clear();
  ++commits_;
  return true;
}

std::size_t MemoryOutput::changed_in_tree() const {
  std::size_t n = 0;
  for (const auto& path : changed_) n += tree_.count(path);  // removed files are not in the output
  return n;
}

std::size_t MemoryOutput::files_changed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return changed_in_tree();
}

std::size_t MemoryOutput::files_unchanged() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return tree_.size() - changed_in_tree();
}

}  // namespace hongfan
