#include "render/search_index.h"

#include <algorithm>
#include <array>
#include <cstdint>
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

// A document's distinct tokens with their weights, grouped by partition:
// tokens[start[p], start[p + 1]) belong to partition p.
struct WeighedDoc {
  std::vector<std::pair<std::string, unsigned char>> tokens;
  std::array<std::uint32_t, kPartitions + 1> start{};
};

// Lets the map be searched with a string_view, without making a string.
struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

unsigned partition_of(std::string_view token) { return token_hash(token) % kPartitions; }

WeighedDoc weigh(const Doc& d) {
  // One map for all fields: where a token occurs (bits) and how often in
  // the body. Hashing each token once matters on 10,000 documents.
  struct Seen {
    unsigned char where = 0;  // 1 title, 2 keywords, 4 summary
    int body = 0;
  };
  std::unordered_map<std::string, Seen, TransparentHash, std::equal_to<>> seen;
  seen.reserve(1024);
  auto add = [&](std::string_view text, unsigned char where) {
    for_each_index_token(text, [&](std::string_view token) {
      auto it = seen.find(token);
      if (it == seen.end()) it = seen.emplace(std::string(token), Seen{}).first;
      if (where) it->second.where |= where;
      else ++it->second.body;
    });
  };
  add(d.title, 1);
  add(d.keywords, 2);
  add(d.summary, 4);
  add(d.body, 0);
  // Counting sort by partition.
  WeighedDoc out;
  std::vector<unsigned> partition;
  partition.reserve(seen.size());
  for (const auto& entry : seen) {
    partition.push_back(partition_of(entry.first));
    ++out.start[partition.back() + 1];
  }
  for (unsigned p = 0; p < kPartitions; ++p) out.start[p + 1] += out.start[p];
  auto next = out.start;
  out.tokens.resize(seen.size());
  std::size_t k = 0;
  for (auto& [token, where] : seen) {
    auto weight = static_cast<unsigned char>(token_weight(where.where & 1, where.where & 2, where.where & 4, where.body));
    out.tokens[next[partition[k++]]++] = {token, weight};
  }
  return out;
}

// A token's postings, encoded as they arrive (documents come in order).
struct Postings {
  std::string encoded;
  unsigned last_doc = 0;
};

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
  // Bidi controls are dropped here as from every escaped page text: the
  // script puts titles and snippets into the results list.
  return strip_bidi_controls(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

Index build_index(const std::vector<Doc>& docs) {
  return build_index(docs.size(), [&docs](std::size_t i) { return docs[i]; });
}

Index build_index(std::size_t doc_count, const std::function<Doc(std::size_t)>& doc_at) {
  Index index;
  index.docs = doc_count;
  std::vector<std::string> doc_files(doc_count);
  std::vector<std::unordered_map<std::string, Postings>> partitions(kPartitions);
  for (std::size_t first = 0; first < doc_count; first += kDocsPerRound) {
    const std::size_t count = std::min(kDocsPerRound, doc_count - first);
    std::vector<WeighedDoc> weighed(count);
    parallel_for(count, [&](std::size_t i) {
      const Doc doc = doc_at(first + i);
      weighed[i] = weigh(doc);
      doc_files[first + i] = doc_json(doc);
    });
    parallel_for(kPartitions, [&](std::size_t p) {
      auto& map = partitions[p];
      for (std::size_t i = 0; i < count; ++i) {
        const auto doc = static_cast<unsigned>(first + i);
        WeighedDoc& w = weighed[i];
        for (std::uint32_t k = w.start[p]; k < w.start[p + 1]; ++k) {
          auto [it, fresh] = map.try_emplace(std::move(w.tokens[k].first));
          Postings& postings = it->second;
          append_varint(postings.encoded, fresh ? doc : doc - postings.last_doc);
          append_varint(postings.encoded, w.tokens[k].second);
          postings.last_doc = doc;
        }
      }
    });
  }

  // Sorted by token: deterministic output.
  std::vector<std::pair<std::string, std::string>> encoded;
  {
    std::size_t tokens = 0;
    for (const auto& map : partitions) tokens += map.size();
    encoded.reserve(tokens);
    for (auto& map : partitions) {
      for (auto& [token, postings] : map) encoded.emplace_back(token, std::move(postings.encoded));
      std::unordered_map<std::string, Postings>().swap(map);
    }
  }
  std::sort(encoded.begin(), encoded.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });

  // The fewest shards (a power of two) that keep each under the budget.
  std::vector<unsigned> hashes(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) hashes[i] = token_hash(encoded[i].first);
  unsigned shards = 1;
  for (;;) {
    std::vector<std::size_t> size(shards, 2);
    for (std::size_t i = 0; i < encoded.size(); ++i)
      size[hashes[i] % shards] += encoded[i].first.size() + encoded[i].second.size() + 6;
    if (shards >= kMaxShards || *std::max_element(size.begin(), size.end()) <= kShardBudget) break;
    shards *= 2;
  }

  index.shards = shards;
  std::vector<std::string> shard_text(shards);
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    auto& [token, postings] = encoded[i];
    std::string& s = shard_text[hashes[i] % shards];
    s += s.empty() ? "{\"" : ",\"";
    s += token;  // [a-z0-9] or CJK: nothing to escape in JSON
    s += "\":\"";
    s += postings;
    s += '"';
    std::string().swap(postings);
  }
  Fnv1a64 version;  // of every file, in order
  for (unsigned i = 0; i < shards; ++i) {
    std::string& s = shard_text[i];
    s = s.empty() ? "{}" : s + "}";
    version.update(s);
    index.files.push_back({"search/s/" + std::to_string(i) + ".json", std::move(s)});
  }
  for (std::size_t i = 0; i < doc_files.size(); ++i) {
    version.update(doc_files[i]);
    index.files.push_back({"search/d/" + std::to_string(i) + ".json", std::move(doc_files[i])});
  }
  index.version = hex_prefix(version.value(), 8);
  return index;
}

}  // namespace hongfan::search
