#include "render/search_index.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
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

// Nearly every token is a CJK character or bigram (3 to 8 bytes of UTF-8)
// or a short word: those are packed into an integer, low byte first, which
// is far cheaper to count and merge than a string. Tokens never contain a
// zero byte, so the packing is reversible. Longer words stay strings.
using Packed = std::uint64_t;
constexpr std::size_t kMaxPackedBytes = 8;

Packed pack(std::string_view token) {
  Packed key = 0;
  for (std::size_t i = 0; i < token.size(); ++i)
    key |= static_cast<Packed>(static_cast<unsigned char>(token[i])) << (8 * i);
  return key;
}

std::string unpack(Packed key) {
  std::string token;
  for (; key; key >>= 8) token += static_cast<char>(key & 0xff);
  return token;
}

std::uint64_t mix(Packed key) { return key * 0x9E3779B97F4A7C15ULL; }

struct PackedHash {
  std::size_t operator()(Packed key) const { return static_cast<std::size_t>(mix(key) >> 16); }
};

// Where a token occurs in one document (bits) and how often in the body.
struct Seen {
  unsigned char where = 0;  // 1 title, 2 keywords, 4 summary
  int body = 0;
  unsigned char weight() const { return static_cast<unsigned char>(token_weight(where & 1, where & 2, where & 4, body)); }
};

// Per-document counts of packed tokens: open addressing, no allocation per
// token (a document has a few thousand distinct ones).
class PackedCounts {
 public:
  PackedCounts() : slots_(4096) {}
  Seen& operator[](Packed key) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    Slot& slot = find(key);
    if (slot.key == 0) {
      slot.key = key;
      ++used_;
    }
    return slot.seen;
  }
  template <typename Fn>
  void for_each(Fn fn) const {
    for (const Slot& slot : slots_)
      if (slot.key) fn(slot.key, slot.seen);
  }
  std::size_t size() const { return used_; }

 private:
  struct Slot {
    Packed key = 0;
    Seen seen;
  };
  Slot& find(Packed key) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>(mix(key) >> 20) & mask;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
    return slots_[i];
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old)
      if (slot.key) find(slot.key) = slot;
  }
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
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
  PackedCounts packed;
  std::map<std::string, Seen, std::less<>> long_tokens;
  auto add = [&](std::string_view text, unsigned char where) {
    for_each_index_token(text, [&](std::string_view token) {
      Seen* seen;
      if (token.size() <= kMaxPackedBytes) {
        seen = &packed[pack(token)];
      } else {
        auto it = long_tokens.find(token);
        if (it == long_tokens.end()) it = long_tokens.emplace(std::string(token), Seen{}).first;
        seen = &it->second;
      }
      if (where) seen->where |= where;
      else ++seen->body;
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

}  // namespace

std::string doc_path(std::size_t id) { return "search/d/" + std::to_string(id) + ".json"; }

std::string doc_json(const Doc& d) {
  // The summary leads unless the body starts with it already (the summary is
  // often the first paragraph).
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
  // Bidi controls are dropped here as from every escaped page text: the
  // script puts titles and snippets into the results list.
  return strip_bidi_controls(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
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
  std::vector<std::unordered_map<Packed, Postings, PackedHash>> partitions(kPartitions);
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
          auto [it, fresh] = partitions[p].try_emplace(w.packed[k].first);
          it->second.add(doc, w.packed[k].second, fresh);
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
      for (auto& [key, postings] : map) encoded.emplace_back(unpack(key), std::move(postings.encoded));
      std::unordered_map<Packed, Postings, PackedHash>().swap(map);
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
      s += s.empty() ? "{\"" : ",\"";
      s += token;  // [a-z0-9] or CJK: nothing to escape in JSON
      s += "\":\"";
      s += postings;
      s += '"';
      std::string().swap(postings);
    }
  }
  Fnv1a64 version;  // of every file, in order
  for (unsigned i = 0; i < shards; ++i) {
    std::string& s = shard_text[i];
    s += s.empty() ? "{}" : "}";
    version.update(s);
    index.files.push_back({"search/s/" + std::to_string(i) + ".json", std::move(s)});
  }
  for (std::uint64_t h : doc_hashes) version.update(hex_prefix(h, 16));
  index.version = hex_prefix(version.value(), 8);
  return index;
}

}  // namespace hongfan::search
