#include "core/diagnostics.h"

#include "core/i18n.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace hongfan {

std::string Diagnostic::format() const {
  std::string out = loc.file;
  if (loc.line > 0) {
    out += ':' + std::to_string(loc.line);
    out += ':' + std::to_string(loc.col > 0 ? loc.col : 1);
  }
  if (!out.empty()) out += ": ";
  if (severity == Severity::warning) out += _("warning: ");
  out += message;
  if (!hint.empty()) out += std::string("\n    ") + _("hint: ") + hint;
  return out;
}

void Diagnostics::add(Diagnostic d) {
  std::lock_guard<std::mutex> lock(mutex_);
  items_.push_back(std::move(d));
}

void Diagnostics::error(SourceLoc loc, std::string message, std::string hint) {
  add({Severity::error, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLoc loc, std::string message, std::string hint) {
  add({Severity::warning, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::merge(Diagnostics&& other) {
  std::vector<Diagnostic> moved;
  std::vector<std::string> unreadable;
  {
    std::lock_guard<std::mutex> lock(other.mutex_);
    moved.swap(other.items_);
    unreadable.swap(other.unreadable_);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& d : moved) items_.push_back(std::move(d));
  for (auto& f : unreadable) unreadable_.push_back(std::move(f));
}

void Diagnostics::mark_unreadable(const std::string& file) {
  std::lock_guard<std::mutex> lock(mutex_);
  unreadable_.push_back(file);
}

bool Diagnostics::is_unreadable(std::string_view file) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::find(unreadable_.begin(), unreadable_.end(), file) != unreadable_.end();
}

void Diagnostics::promote_warnings() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& d : items_) d.severity = Severity::error;
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t Diagnostics::warning_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> copy;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    copy = items_;
  }
  std::stable_sort(copy.begin(), copy.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.col, a.message) <
           std::tie(b.loc.file, b.loc.line, b.loc.col, b.message);
  });
  // A problem reached twice (a partial used by two templates) prints once.
  copy.erase(std::unique(copy.begin(), copy.end(),
                         [](const Diagnostic& a, const Diagnostic& b) {
                           return a.severity == b.severity && a.loc.file == b.loc.file &&
                                  a.loc.line == b.loc.line && a.loc.col == b.loc.col &&
                                  a.message == b.message;
                         }),
             copy.end());
  return copy;
}

std::vector<std::string> Diagnostics::formatted() const {
  std::vector<std::string> out;
  for (const auto& d : sorted()) out.push_back(d.format());
  return out;
}

std::string Diagnostics::text() const {
  std::string out;
  for (const auto& line : formatted()) out += line + "\n";
  return out;
}

void Diagnostics::print(std::FILE* out) const { std::fputs(text().c_str(), out); }

}  // namespace hongfan
