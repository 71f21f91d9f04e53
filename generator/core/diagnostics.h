// Diagnostics: errors and warnings that point at a place in the user's files.
//
// Every stage reports into one Diagnostics collector instead of throwing on
// the first problem, so staff see every mistake of a build at once, printed
// like a compiler's: `content/news/x.md:3:7: front matter: ...`.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hongfan {

/// A position in a site file. Paths are relative to the site folder; line
/// and column are 1-based, 0 when unknown.
struct SourceLoc {
  std::string file;
  int line = 0;
  int col = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLoc loc;
  std::string message;
  std::string hint;  ///< what to do about it; may be empty

  /// `file:line:col: message` (warnings say `warning:`), the hint on the next
  /// line indented.
  std::string format() const;
};

/// Thread-safe collector; workers of the parallel stages report into it.
class Diagnostics {
 public:
  void error(SourceLoc loc, std::string message, std::string hint = {});
  void warning(SourceLoc loc, std::string message, std::string hint = {});

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;

  /// All diagnostics in a stable order (file, line, column, message), so the
  /// output does not depend on thread scheduling.
  std::vector<Diagnostic> sorted() const;

  /// sorted(), each as format() writes it: what print() shows, line by line.
  std::vector<std::string> formatted() const;
  /// formatted(), each line ended by '\n': what print() writes.
  std::string text() const;

  /// Moves every diagnostic of `other` into this collector. Workers report
  /// into a local collector (so they can count their own errors) and merge.
  void merge(Diagnostics&& other);

  /// Makes every warning an error (`build --strict`).
  void promote_warnings();
  /// A file refused as a whole (not valid YAML, or not the shape its
  /// reader needs). What other files say about its entries would only
  /// repeat that one mistake, so readers of references check this first.
  void mark_unreadable(const std::string& file);
  bool is_unreadable(std::string_view file) const;

  /// Prints sorted() to `out`, one diagnostic per line plus hints.
  void print(std::FILE* out) const;

 private:
  void add(Diagnostic d);
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
  std::vector<std::string> unreadable_;
};

}  // namespace hongfan
