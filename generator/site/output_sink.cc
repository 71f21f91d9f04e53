#include "site/output_sink.h"

#include <stdexcept>

#include "core/i18n.h"
#include "site/output.h"

namespace hongfan {

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
