#include "render/search_index.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/hash.h"
#include "core/parallel.h"
#include "core/text.h"
#include "core/utf8.h"
#include "render/search_tokens.h"

namespace hongfan::search {

int token_weight(bool in_title, bool in_keywords, bool in_summary, int body_count) {
  int w = (in_title ? 16 : 0) + (in_keywords ? 8 : 0) + (in_summary ? 4 : 0) +
          std::min(body_count, 7);
  return std::clamp(w, 1, 31);
}

void append_varint(std::string& out, unsigned v) {
  while (v >= 32) {
    out += kAlphabet[32 + (v & 31)];
    v >>= 5;
  }
  out += kAlphabet[v];
}

namespace {

// Tokens are merged into kPartitions maps (by token hash), one worker per
// map, and documents are weighed kDocsPerRound at a time: at no point does
// the builder hold every document's token list, which at 100,000 articles
// was gigabytes.
constexpr unsigned kPartitions = 64;
constexpr std::size_t kDocsPerRound = 512;

// Tokens of at most kMaxPackedBytes, packed (search_tokens.h); longer
// words stay strings.
using Packed = std::uint64_t;

std::uint64_t mix(Packed key) { return key * 0x9E3779B97F4A7C15ULL; }

// The slot of `key` in an open-addressing table of Slots (a `key` each, 0
// when empty; the size a power of two): where it is, or where it goes.
template <typename Slot>
std::size_t slot_of(const std::vector<Slot>& slots, Packed key) {
  const std::size_t mask = slots.size() - 1;
  std::size_t i = static_cast<std::size_t>(mix(key) >> 20) & mask;
  while (slots[i].key != 0 && slots[i].key != key) i = (i + 1) & mask;
  return i;
}

// Where a token occurs in one document (bits) and how often in the body.
struct Seen {
  unsigned char where = 0;  // 1 title, 2 keywords, 4 summary
  int body = 0;
  unsigned char weight() const { return static_cast<unsigned char>(token_weight(where & 1, where & 2, where & 4, body)); }
};

// Per-document counts of packed tokens: open addressing, no allocation per
// token (a document has a few thousand distinct ones). One table per thread
// serves document after document: clear() empties only the slots used.
class PackedCounts {
 public:
  PackedCounts() : slots_(4096) {}
  Seen& operator[](Packed key) {
    if ((filled_.size() + 1) * 2 > slots_.size()) grow();
    const std::size_t i = find(key);
    Slot& slot = slots_[i];
    if (slot.key == 0) {
      slot.key = key;
      filled_.push_back(static_cast<std::uint32_t>(i));
    }
    return slot.seen;
  }
  template <typename Fn>
  void for_each(Fn fn) const {
    for (std::uint32_t i : filled_) fn(slots_[i].key, slots_[i].seen);
  }
  std::size_t size() const { return filled_.size(); }
  void clear() {
    for (std::uint32_t i : filled_) slots_[i] = Slot{};
    filled_.clear();
  }

 private:
  struct Slot {
    Packed key = 0;
    Seen seen;
  };
  std::size_t find(Packed key) const { return slot_of(slots_, key); }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    std::vector<std::uint32_t> filled;
    filled.swap(filled_);
    for (std::uint32_t k : filled) {
      const std::size_t i = find(old[k].key);
      slots_[i] = old[k];
      filled_.push_back(static_cast<std::uint32_t>(i));
    }
  }
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> filled_;  // the slots in use
};

// A document's distinct tokens with their weights. Packed tokens are grouped
// by partition: packed[start[p], start[p + 1]) belong to partition p. The
// few long ones all go to one more worker.
struct WeighedDoc {
  std::vector<std::pair<Packed, unsigned char>> packed;
  std::array<std::uint32_t, kPartitions + 1> start{};
  std::vector<std::pair<std::string, unsigned char>> long_tokens;
};

unsigned partition_of(Packed key) { return static_cast<unsigned>(mix(key) >> 58) % kPartitions; }

WeighedDoc weigh(const Doc& d) {
  thread_local PackedCounts packed;
  packed.clear();
  std::map<std::string, Seen, std::less<>> long_tokens;
  auto add = [&](std::string_view text, unsigned char where) {
    auto count = [where](Seen& seen) {
      if (where) seen.where |= where;
      else ++seen.body;
    };
    for_each_index_key(
        text, [&](Packed key) { count(packed[key]); },
        [&](std::string_view token) {
          auto it = long_tokens.find(token);
          if (it == long_tokens.end()) it = long_tokens.emplace(std::string(token), Seen{}).first;
          count(it->second);
        });
  };
  add(d.title, 1);
  add(d.keywords, 2);
  add(d.summary, 4);
  add(d.body, 0);
  WeighedDoc out;
  // Counting sort by partition.
  packed.for_each([&](Packed key, const Seen&) { ++out.start[partition_of(key) + 1]; });
  for (unsigned p = 0; p < kPartitions; ++p) out.start[p + 1] += out.start[p];
  auto next = out.start;
  out.packed.resize(packed.size());
  packed.for_each([&](Packed key, const Seen& seen) { out.packed[next[partition_of(key)]++] = {key, seen.weight()}; });
  for (auto& [token, seen] : long_tokens) out.long_tokens.emplace_back(token, seen.weight());
  return out;
}

// Calls fn(token, weight) for each of a weighed document's tokens.
template <typename Fn>
void for_each_word(const WeighedDoc& w, Fn fn) {
  for (const auto& [key, weight] : w.packed) fn(unpack_token(key), weight);
  for (const auto& [token, weight] : w.long_tokens) fn(token, weight);
}

// A token's postings, encoded as they arrive (documents come in order).
struct Postings {
  std::string encoded;
  unsigned last_doc = 0;
  void add(unsigned doc, unsigned char weight, bool first) {
    append_varint(encoded, first ? doc : doc - last_doc);
    append_varint(encoded, weight);
    last_doc = doc;
  }
};

// One partition's postings by packed token, for the merge: every distinct
// token of every document is looked up here (15 million times at 10,000
// articles). Open addressing with a power-of-two table: std::unordered_map
// spent that time dividing by its prime bucket count and chasing nodes.
class PostingsTable {
 public:
  PostingsTable() : slots_(256) {}
  /// The postings of `key`; `fresh` when it had none until now.
  Postings& at(Packed key, bool& fresh) {
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    Slot& slot = slots_[find(key)];
    fresh = slot.key == 0;
    if (fresh) {
      slot = {key, static_cast<std::uint32_t>(entries_.size())};
      entries_.emplace_back(key, Postings{});
    }
    return entries_[slot.entry].second;
  }
  std::size_t size() const { return entries_.size(); }
  /// The tokens and their postings, in the order they came.
  std::vector<std::pair<Packed, Postings>>& entries() { return entries_; }
  void release() {
    std::vector<Slot>().swap(slots_);
    std::vector<std::pair<Packed, Postings>>().swap(entries_);
  }

 private:
  struct Slot {
    Packed key = 0;
    std::uint32_t entry = 0;
  };
  std::size_t find(Packed key) const { return slot_of(slots_, key); }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old)
      if (slot.key != 0) slots_[find(slot.key)] = slot;
  }
  std::vector<Slot> slots_;
  std::vector<std::pair<Packed, Postings>> entries_;
};

// One entry of a token's postings.
struct Posting {
  unsigned doc;
  unsigned char weight;
};

// `"token":"postings"` after `{` or `,`. Tokens are [a-z0-9] or CJK and
// postings base-64: nothing to escape in JSON.
void append_entry(std::string& shard, std::string_view token, std::string_view postings) {
  shard += shard.empty() ? "{\"" : ",\"";
  shard += token;
  shard += "\":\"";
  shard += postings;
  shard += '"';
}

// The size build_index weighs a shard by (the text and one, or 2 when empty).
std::size_t rule_size(const std::string& shard) { return shard == "{}" ? 2 : shard.size() + 1; }

// Would build_index choose this many shards, given each one's rule_size?
// It takes the fewest (a power of two) that keep every shard within the
// budget, or kMaxShards; halving the count joins shards i and i + count/2.
bool chosen_shard_count(std::vector<std::size_t> size) {
  auto fits = [](const std::vector<std::size_t>& v) {
    return *std::max_element(v.begin(), v.end()) <= kShardBudget;
  };
  if (size.size() < kMaxShards && !fits(size)) return false;
  while (size.size() > 1) {
    const std::size_t half = size.size() / 2;
    for (std::size_t i = 0; i < half; ++i) size[i] += size[i + half] - 2;
    size.resize(half);
    if (fits(size)) return false;
  }
  return true;
}

std::string index_version(const std::vector<std::uint64_t>& file_hashes, std::uint64_t docs_digest) {
  Fnv1a64 version;  // of every file, in order
  for (std::uint64_t h : file_hashes) version.update(hex_prefix(h, 16));
  version.update(hex_prefix(docs_digest, 16));
  return hex_prefix(version.value(), 8);
}

std::string encode_postings(const std::vector<Posting>& postings) {
  Postings out;
  for (std::size_t i = 0; i < postings.size(); ++i) out.add(postings[i].doc, postings[i].weight, i == 0);
  return std::move(out.encoded);
}

// Calls `fn(posting)` for the postings append_varint wrote, in order, while
// it returns true. False when `s` is not such a text.
template <typename Fn>
bool for_each_posting(std::string_view s, Fn fn) {
  static const std::array<signed char, 256> value = [] {
    std::array<signed char, 256> v;
    v.fill(-1);
    for (int i = 0; i < 64; ++i) v[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
    return v;
  }();
  unsigned numbers[2];
  int have = 0;
  unsigned doc = 0;
  bool first = true;
  for (std::size_t i = 0; i < s.size();) {
    unsigned v = 0;
    int shift = 0;
    for (;;) {
      if (i >= s.size() || shift > 30) return false;
      const int c = value[static_cast<unsigned char>(s[i++])];
      if (c < 0) return false;
      if (c < 32) {
        v |= static_cast<unsigned>(c) << shift;
        break;
      }
      v |= static_cast<unsigned>(c - 32) << shift;
      shift += 5;
    }
    numbers[have++] = v;
    if (have == 2) {
      doc = first ? numbers[0] : doc + numbers[0];
      first = false;
      if (numbers[1] > 255) return false;
      if (!fn(Posting{doc, static_cast<unsigned char>(numbers[1])})) return true;
      have = 0;
    }
  }
  return have == 0;
}

std::optional<std::vector<Posting>> decode_postings(std::string_view s) {
  std::vector<Posting> out;
  if (!for_each_posting(s, [&](const Posting& p) {
        out.push_back(p);
        return true;
      }))
    return std::nullopt;
  return out;
}

// Whether the postings name one of `docs` (sorted): read only up to the
// last of them, and without a copy, as most postings name none.
std::optional<bool> names_any(std::string_view s, const std::vector<unsigned>& docs) {
  if (docs.empty()) return false;
  bool found = false;
  if (!for_each_posting(s, [&](const Posting& p) {
        found = std::binary_search(docs.begin(), docs.end(), p.doc);
        return !found && p.doc < docs.back();
      }))
    return std::nullopt;
  return found;
}

// A shard as build_index wrote it: token → encoded postings, in its order.
using ShardEntries = std::vector<std::pair<std::string, std::string>>;

// Reads a shard back with nlohmann's SAX parser: a flat object of strings,
// nothing else.
std::optional<ShardEntries> read_shard(const std::string& text) {
  struct Reader : nlohmann::json_sax<nlohmann::json> {
    ShardEntries entries;
    std::string key_;
    int depth = 0;
    bool null() override { return false; }
    bool boolean(bool) override { return false; }
    bool number_integer(number_integer_t) override { return false; }
    bool number_unsigned(number_unsigned_t) override { return false; }
    bool number_float(number_float_t, const string_t&) override { return false; }
    bool string(string_t& val) override {
      if (depth != 1) return false;
      entries.emplace_back(std::move(key_), std::move(val));
      return true;
    }
    bool binary(binary_t&) override { return false; }
    bool start_object(std::size_t) override { return ++depth == 1; }
    bool key(string_t& val) override {
      key_ = std::move(val);
      return true;
    }
    bool end_object() override { return --depth == 0; }
    bool start_array(std::size_t) override { return false; }
    bool end_array() override { return false; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
  } reader;
  if (!nlohmann::json::sax_parse(text, &reader)) return std::nullopt;
  return std::move(reader.entries);
}

enum class ShardUpdate { unchanged, changed, unreadable };

// Takes the edited documents out of the shard's postings and puts their new
// postings (`added`, by token) in, keeping tokens in order and documents
// ascending, and dropping tokens no document has any more.
ShardUpdate update_shard(ShardEntries& entries, const std::vector<unsigned>& edited,
                         std::map<std::string, std::vector<Posting>>& added) {
  bool changed = false;
  ShardEntries out;
  out.reserve(entries.size() + added.size());
  auto next = added.begin();
  for (auto& entry : entries) {
    for (; next != added.end() && next->first < entry.first; ++next, changed = true)
      out.emplace_back(next->first, encode_postings(next->second));
    const bool gains = next != added.end() && next->first == entry.first;
    const auto named = names_any(entry.second, edited);
    if (!named) return ShardUpdate::unreadable;
    if (!gains && !*named) {
      out.push_back(std::move(entry));
      continue;
    }
    auto postings = decode_postings(entry.second);
    if (!postings) return ShardUpdate::unreadable;
    std::erase_if(*postings, [&](const Posting& p) { return std::binary_search(edited.begin(), edited.end(), p.doc); });
    if (gains) {
      for (const Posting& p : next->second)
        postings->insert(std::lower_bound(postings->begin(), postings->end(), p,
                                          [](const Posting& a, const Posting& b) { return a.doc < b.doc; }),
                         p);
      ++next;
    }
    if (postings->empty()) {
      changed = true;
      continue;
    }
    std::string encoded = encode_postings(*postings);
    changed = changed || encoded != entry.second;  // an edit elsewhere in the document leaves most as they were
    out.emplace_back(std::move(entry.first), std::move(encoded));
  }
  for (; next != added.end(); ++next, changed = true) out.emplace_back(next->first, encode_postings(next->second));
  entries = std::move(out);
  return changed ? ShardUpdate::changed : ShardUpdate::unchanged;
}

}  // namespace

std::uint64_t doc_digest_term(std::size_t id, std::uint64_t file_hash) {
  std::uint64_t x = file_hash ^ (static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ULL);
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 29;
  return x;
}

std::string doc_path(std::size_t id) { return "search/d/" + std::to_string(id) + ".json"; }

std::string shard_path(std::size_t n) { return "search/s/" + std::to_string(n) + ".json"; }

namespace {

// A document's file as nlohmann::json writes it: the way for text that is
// not valid UTF-8 (which it replaces), never met in practice.
std::string doc_json_by_library(const Doc& d) {
  std::string text = d.body;
  if (!d.summary.empty() && d.body.rfind(d.summary, 0) != 0) text = d.summary + " " + d.body;
  nlohmann::ordered_json j;
  j["t"] = d.title;
  j["u"] = d.url;
  j["s"] = d.section;
  j["d"] = d.date;
  j["x"] = std::string(utf8::prefix(text, kSnippetChars));
  if (!d.image.empty()) {
    j["i"] = d.image;
    j["w"] = d.image_width;
    j["h"] = d.image_height;
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Appends `s` as a JSON string the way nlohmann::json::dump does without
// ensure_ascii: \" \\ \b \f \n \r \t, other control characters as
// \u00xx, everything else as it is. False when `s` is not valid UTF-8 (the
// library replaces such bytes; the caller leaves it to the library). Checked
// on the same walk: a second pass over every document cost as much as the
// library saved.
bool append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8::sequence_at(s, i);
      if (n == 0) return false;
      i += n - 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, start, i - start);
    start = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
  }
  out.append(s, start, std::string_view::npos);
  out += '"';
  return true;
}

}  // namespace

std::string doc_json(const Doc& d) {
  // The summary leads unless the body starts with it already (the summary is
  // often the first paragraph). Only the text the snippet may show is taken,
  // kSnippetChars characters of "summary body", without joining the two.
  std::string text;
  if (!d.summary.empty() && d.body.rfind(d.summary, 0) != 0) {
    std::size_t chars = 0;
    text = utf8::prefix(d.summary, kSnippetChars, &chars);
    if (chars < kSnippetChars) {
      text += ' ';
      text += utf8::prefix(d.body, kSnippetChars - chars - 1);
    }
  } else {
    text = utf8::prefix(d.body, kSnippetChars);
  }
  // Written here rather than through nlohmann::json: at 10,000 articles
  // every document's file is made twice (to hash it while planning, and to
  // write it), and the library's tree cost a tenth of a second each time.
  std::string out;
  out.reserve(text.size() + d.title.size() + d.url.size() + d.section.size() + d.date.size() + d.image.size() + 64);
  bool valid = true;
  auto field = [&](const char* key, std::string_view value) {
    out += out.empty() ? "{\"" : ",\"";
    out += key;
    out += "\":";
    valid = append_json_string(out, value) && valid;
  };
  field("t", d.title);
  field("u", d.url);
  field("s", d.section);
  field("d", d.date);
  field("x", text);
  if (!d.image.empty()) {
    field("i", d.image);
    out += ",\"w\":" + std::to_string(d.image_width) + ",\"h\":" + std::to_string(d.image_height);
  }
  out += '}';
  if (!valid) out = doc_json_by_library(d);
  // Bidi controls are dropped here as from every escaped page text: the
  // script puts titles and snippets into the results list.
  return strip_bidi_controls(std::move(out));
}

Index build_index(const std::vector<Doc>& docs) {
  return build_index(docs.size(), [&docs](std::size_t i) { return docs[i]; });
}

Index build_index(std::size_t doc_count, const std::function<Doc(std::size_t)>& doc_at) {
  Index index;
  index.docs = doc_count;
  // Of each document's file, for the version; the files are made again when
  // written rather than held.
  std::vector<std::uint64_t> doc_hashes(doc_count);
  std::vector<PostingsTable> partitions(kPartitions);
  std::unordered_map<std::string, Postings> long_postings;
  for (std::size_t first = 0; first < doc_count; first += kDocsPerRound) {
    const std::size_t count = std::min(kDocsPerRound, doc_count - first);
    std::vector<WeighedDoc> weighed(count);
    parallel_for(count, [&](std::size_t i) {
      const Doc doc = doc_at(first + i);
      weighed[i] = weigh(doc);
      doc_hashes[first + i] = fnv1a64(doc_json(doc));
    });
    // One task per partition of packed tokens, one for the long ones.
    parallel_for(kPartitions + 1, [&](std::size_t p) {
      for (std::size_t i = 0; i < count; ++i) {
        const auto doc = static_cast<unsigned>(first + i);
        const WeighedDoc& w = weighed[i];
        if (p == kPartitions) {
          for (const auto& [token, weight] : w.long_tokens) {
            auto [it, fresh] = long_postings.try_emplace(token);
            it->second.add(doc, weight, fresh);
          }
          continue;
        }
        for (std::uint32_t k = w.start[p]; k < w.start[p + 1]; ++k) {
          bool fresh;
          partitions[p].at(w.packed[k].first, fresh).add(doc, w.packed[k].second, fresh);
        }
      }
    });
  }

  // Sorted by token: deterministic output.
  std::vector<std::pair<std::string, std::string>> encoded;
  {
    std::size_t tokens = long_postings.size();
    for (const auto& map : partitions) tokens += map.size();
    encoded.reserve(tokens);
    // Moved, not trimmed: each is freed as soon as its shard holds it, so
    // trimming (a copy of each) no longer lowers the peak.
    for (auto& map : partitions) {
      for (auto& [key, postings] : map.entries()) encoded.emplace_back(unpack_token(key), std::move(postings.encoded));
      map.release();
    }
    for (auto& [token, postings] : long_postings) encoded.emplace_back(token, std::move(postings.encoded));
    std::unordered_map<std::string, Postings>().swap(long_postings);
  }
  std::sort(encoded.begin(), encoded.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });

  // The fewest shards (a power of two) that keep each under the budget.
  std::vector<unsigned> hashes(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) hashes[i] = token_hash(encoded[i].first);
  unsigned shards = 1;
  std::vector<std::size_t> size;
  for (;;) {
    size.assign(shards, 2);
    for (std::size_t i = 0; i < encoded.size(); ++i)
      size[hashes[i] % shards] += encoded[i].first.size() + encoded[i].second.size() + 6;
    if (shards >= kMaxShards || *std::max_element(size.begin(), size.end()) <= kShardBudget) break;
    shards *= 2;
  }

  index.shards = shards;
  // Shard by shard, each at its exact size, freeing the postings it takes:
  // the index is then never held twice (as postings and as shards), which
  // was the peak of a build's memory. Tokens keep their sorted order within
  // a shard (a counting sort by shard is stable).
  std::vector<std::size_t> first_of(shards + 1, 0);
  for (unsigned h : hashes) ++first_of[h % shards + 1];
  for (unsigned i = 0; i < shards; ++i) first_of[i + 1] += first_of[i];
  std::vector<std::size_t> by_shard(encoded.size());
  {
    auto next = first_of;
    for (std::size_t i = 0; i < encoded.size(); ++i) by_shard[next[hashes[i] % shards]++] = i;
  }
  std::vector<std::string> shard_text(shards);
  for (unsigned i = 0; i < shards; ++i) {
    std::string& s = shard_text[i];
    s.reserve(size[i]);
    for (std::size_t k = first_of[i]; k < first_of[i + 1]; ++k) {
      auto& [token, postings] = encoded[by_shard[k]];
      append_entry(s, token, postings);
      std::string().swap(postings);
    }
  }
  for (unsigned i = 0; i < shards; ++i) {
    std::string& s = shard_text[i];
    s += s.empty() ? "{}" : "}";
    index.files.push_back({shard_path(i), std::make_shared<const std::string>(std::move(s))});
  }
  for (std::size_t id = 0; id < doc_count; ++id) index.docs_digest += doc_digest_term(id, doc_hashes[id]);
  index.doc_hashes = std::move(doc_hashes);
  index.file_hashes.resize(index.files.size());
  parallel_for(index.files.size(), [&](std::size_t i) { index.file_hashes[i] = fnv1a64(index.files[i].bytes()); });
  index.version = index_version(index.file_hashes, index.docs_digest);
  return index;
}

std::optional<Index> update_index(const Previous& last, std::size_t doc_count,
                                  const std::vector<std::pair<std::size_t, Doc>>& edited,
                                  const std::vector<std::pair<std::size_t, Doc>>* before) {
  if (last.docs != doc_count || last.shards == 0 || last.shards > kMaxShards || !last.read) return std::nullopt;
  if (last.doc_hashes && last.doc_hashes->size() != doc_count) return std::nullopt;
  const unsigned shards = last.shards;
  Index index;
  index.shards = shards;
  index.docs = doc_count;
  index.docs_digest = last.docs_digest;
  if (last.doc_hashes) index.doc_hashes = *last.doc_hashes;

  // The edited documents: their new postings, shard by shard, and their
  // share of the digest (the old share from the file the last build wrote).
  std::vector<unsigned> edited_ids;
  std::vector<std::map<std::string, std::vector<Posting>>> added(shards);
  std::map<unsigned, std::map<std::string, unsigned char>> now_words;  // with `before`: each one's words
  for (const auto& [id, doc] : edited) {
    if (id >= doc_count) return std::nullopt;
    std::uint64_t old_hash;
    if (last.doc_hashes) {
      old_hash = (*last.doc_hashes)[id];
    } else {
      auto old_file = last.read(doc_path(id));
      if (!old_file) return std::nullopt;
      old_hash = fnv1a64(*old_file);
    }
    const std::uint64_t new_hash = fnv1a64(doc_json(doc));
    index.docs_digest += doc_digest_term(id, new_hash) - doc_digest_term(id, old_hash);
    if (!index.doc_hashes.empty()) index.doc_hashes[id] = new_hash;
    edited_ids.push_back(static_cast<unsigned>(id));
    for_each_word(weigh(doc), [&](std::string token, unsigned char weight) {
      if (before) now_words[static_cast<unsigned>(id)].emplace(token, weight);
      const unsigned shard = token_hash(token) % shards;
      added[shard][std::move(token)].push_back({static_cast<unsigned>(id), weight});
    });
  }
  std::sort(edited_ids.begin(), edited_ids.end());

  // The shards to look through: every one, unless the old words are known.
  // Then only those where a word of an edited document came, went or
  // weighs differently: in every other one its postings are as they were
  // (a title edit changes a few of 4,096).
  std::vector<char> look(shards, before ? 0 : 1);
  if (before) {
    std::vector<unsigned> before_ids;
    for (const auto& [id, doc] : *before) {
      before_ids.push_back(static_cast<unsigned>(id));
      auto& words = now_words[static_cast<unsigned>(id)];
      for_each_word(weigh(doc), [&](const std::string& token, unsigned char weight) {
        auto it = words.find(token);
        if (it == words.end() || it->second != weight) look[token_hash(token) % shards] = 1;
        if (it != words.end()) words.erase(it);
      });
      for (const auto& [token, weight] : words) look[token_hash(token) % shards] = 1;  // new words
    }
    std::sort(before_ids.begin(), before_ids.end());
    if (before_ids != edited_ids) return std::nullopt;
  }

  // Those read back; the ones holding an edited document, or gaining one,
  // made again.
  if (last.file_hashes && last.file_hashes->size() != shards) return std::nullopt;
  index.files.resize(shards);
  index.unchanged.assign(shards, 1);
  index.file_hashes.resize(shards);
  std::vector<char> ok(shards, 1);
  parallel_for(shards, [&](std::size_t i) {
    File& file = index.files[i];
    file.path = shard_path(i);
    auto text = last.read(file.path);
    if (!text) {
      ok[i] = 0;
      return;
    }
    auto keep = [&] {
      file.text = std::move(text);
      index.file_hashes[i] = last.file_hashes ? (*last.file_hashes)[i] : fnv1a64(*file.text);
    };
    if (!look[i]) {
      keep();
      return;
    }
    auto entries = read_shard(*text);
    if (!entries) {
      ok[i] = 0;
      return;
    }
    const ShardUpdate update = update_shard(*entries, edited_ids, added[i]);
    if (update == ShardUpdate::unreadable) {
      ok[i] = 0;
      return;
    }
    if (update == ShardUpdate::unchanged) {
      keep();
      return;
    }
    index.unchanged[i] = 0;
    std::string bytes;
    for (const auto& [token, postings] : *entries) append_entry(bytes, token, postings);
    bytes += bytes.empty() ? "{}" : "}";
    index.file_hashes[i] = fnv1a64(bytes);
    file.text = std::make_shared<const std::string>(std::move(bytes));
  });
  if (std::find(ok.begin(), ok.end(), 0) != ok.end()) return std::nullopt;

  // build_index would choose the same number of shards for this index?
  std::vector<std::size_t> size(shards);
  for (unsigned i = 0; i < shards; ++i) size[i] = rule_size(index.files[i].bytes());
  if (!chosen_shard_count(std::move(size))) return std::nullopt;
  index.version = index_version(index.file_hashes, index.docs_digest);
  return index;
}

}  // namespace hongfan::search
