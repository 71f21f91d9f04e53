// The full-text search index, written at build time and read by
// themes/default/static/js/search.js on the phone (no server).
//
// Layout under search/:
//   s/N.json   shard N: {"token": "postings", …} for the tokens whose
//              token_hash % shards == N. Postings are (doc id delta, weight)
//              pairs as base-64 varints (kAlphabet: value < 32 ends a
//              number, 32 + v carries 5 more bits, low bits first).
//   d/ID.json  one document: {"t": title, "u": url (site-relative),
//              "s": section, "d": date, "x": text for snippets}.
// The shard count is the smallest power of two that keeps every shard under
// kShardBudget, so a query of at most kMaxQueryTerms terms downloads a
// bounded amount whatever the size of the site; documents are fetched one by
// one for the results shown only.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hongfan::search {

inline constexpr const char* kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
inline constexpr std::size_t kShardBudget = 40 * 1024;
inline constexpr unsigned kMaxShards = 4096;
inline constexpr std::size_t kSnippetChars = 1200;

struct Doc {
  std::string title;
  std::string url;       ///< site-relative, "news/x/"
  std::string section;   ///< shown beside the title: 新闻动态, 网格 …
  std::string date;      ///< shown as is, may be empty
  std::string keywords;  ///< tags, categories, names: weighted like a summary
  std::string summary;
  std::string body;      ///< plain text
  std::string image;     ///< site-relative thumbnail ("images/x.360.jpg"), may be empty
  int image_width = 0, image_height = 0;
};

struct File {
  std::string path;  ///< inside the output: "search/s/3.json"
  /// Shared, not copied, with the index it was updated from when unchanged:
  /// serve keeps the last index, 28 MB at 10,000 articles.
  std::shared_ptr<const std::string> text;

  const std::string& bytes() const { return *text; }
};

struct Index {
  unsigned shards = 1;
  std::size_t docs = 0;
  std::string version;  ///< changes whenever any index file does
  /// Of the documents' files: the sum of doc_digest_term over them, so one
  /// document's edit updates it without the others (update_index).
  std::uint64_t docs_digest = 0;
  /// The hash of each document's file, when known (always from
  /// build_index; from update_index when the last index had them).
  std::vector<std::uint64_t> doc_hashes;
  /// From update_index: 1 for each file of `files` that is the last
  /// index's file, unchanged. Empty from build_index.
  std::vector<char> unchanged;
  /// The hash of each file of `files`: the version is made of these, so an
  /// update hashes only the shards it changed.
  std::vector<std::uint64_t> file_hashes;
  /// The shards. The documents' files are not kept (at 10,000 articles they
  /// are 28 MB, held until written): doc_json() makes each when written.
  std::vector<File> files;
};

/// The file of document `id` inside the output: "search/d/ID.json".
std::string doc_path(std::size_t id);

/// The file of shard `n` inside the output: "search/s/N.json".
std::string shard_path(std::size_t n);

/// The bytes of a document's file.
std::string doc_json(const Doc& d);

/// Weight of a token in a document: where it occurs and how often.
int token_weight(bool in_title, bool in_keywords, bool in_summary, int body_count);

/// Appends the base-64 varint form of `v`.
void append_varint(std::string& out, unsigned v);

/// Builds the index of the documents doc_at(0 … count - 1); a document's id
/// is its position. Documents are asked for a few hundred at a time, from
/// the worker pool, so only those are in memory at once. The version covers
/// the documents' files too, though `files` holds only the shards.
Index build_index(std::size_t count, const std::function<Doc(std::size_t)>& doc_at);

/// The same, for documents at hand.
Index build_index(const std::vector<Doc>& docs);

/// A document's share of Index::docs_digest: its id and the hash of its file.
std::uint64_t doc_digest_term(std::size_t id, std::uint64_t file_hash);

/// What update_index needs of the index the last build wrote.
struct Previous {
  unsigned shards = 0;
  std::size_t docs = 0;
  std::uint64_t docs_digest = 0;
  /// A file of that build's output ("search/s/3.json"); null when it
  /// cannot be read.
  std::function<std::shared_ptr<const std::string>(const std::string& path)> read;
  /// Its Index::doc_hashes and file_hashes, when kept (serve): the edited
  /// documents' old files are then not read, nor the unchanged shards hashed.
  const std::vector<std::uint64_t>* doc_hashes = nullptr;
  const std::vector<std::uint64_t>* file_hashes = nullptr;
};

/// The index after the documents in `edited` (id, document as it is now)
/// changed, every other document being as the last build indexed it, at the
/// same id: the very bytes build_index would make, but it reads the last
/// index and weighs only the edited documents, where build_index weighs
/// every one (at 10,000 articles, half a second). Nullopt when it cannot
/// (a file of the last index missing or not as this code writes it, another
/// document count, or the edit changes the number of shards): build_index
/// then.
///
/// With `before` (serve, which still has them), the edited documents as the
/// last index had them: only the shards holding their words, then or now,
/// are read back and looked through; the others are taken as they are.
std::optional<Index> update_index(const Previous& last, std::size_t doc_count,
                                  const std::vector<std::pair<std::size_t, Doc>>& edited,
                                  const std::vector<std::pair<std::size_t, Doc>>* before = nullptr);

}  // namespace hongfan::search
