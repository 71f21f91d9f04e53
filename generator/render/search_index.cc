#include "render/search_index.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

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

struct Posting {
  unsigned doc;
  unsigned weight;
};

using DocTokens = std::vector<std::pair<std::string, unsigned>>;

DocTokens weigh(const Doc& d) {
  // One map for all fields: where a token occurs (bits) and how often in
  // the body. Hashing each token once matters on 10,000 documents.
  struct Seen {
    unsigned char where = 0;  // 1 title, 2 keywords, 4 summary
    int body = 0;
  };
  std::unordered_map<std::string, Seen> seen;
  seen.reserve(1024);
  auto add = [&](std::string_view text, unsigned char where) {
    for (auto& t : index_tokens(text)) {
      Seen& s = seen[std::move(t)];
      if (where) s.where |= where;
      else ++s.body;
    }
  };
  add(d.title, 1);
  add(d.keywords, 2);
  add(d.summary, 4);
  add(d.body, 0);
  DocTokens out;
  out.reserve(seen.size());
  for (auto& [t, s] : seen)
    out.emplace_back(t, token_weight(s.where & 1, s.where & 2, s.where & 4, s.body));
  return out;
}

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
  std::vector<DocTokens> per_doc(docs.size());
  parallel_for(docs.size(), [&](std::size_t i) { per_doc[i] = weigh(docs[i]); });

  // Token → postings in doc order (the loop goes through docs in order).
  std::unordered_map<std::string, std::vector<Posting>> postings;
  for (std::size_t i = 0; i < per_doc.size(); ++i)
    for (auto& [token, weight] : per_doc[i])
      postings[token].push_back({static_cast<unsigned>(i), weight});
  per_doc.clear();

  std::map<std::string, std::string> encoded;  // sorted: deterministic output
  for (auto& [token, list] : postings) {
    std::string e;
    unsigned prev = 0;
    bool first = true;
    for (const auto& p : list) {
      append_varint(e, first ? p.doc : p.doc - prev);
      append_varint(e, p.weight);
      prev = p.doc;
      first = false;
    }
    encoded.emplace(token, std::move(e));
  }

  // The fewest shards (a power of two) that keep each under the budget.
  unsigned shards = 1;
  for (;;) {
    std::vector<std::size_t> size(shards, 2);
    for (const auto& [token, e] : encoded) size[token_hash(token) % shards] += token.size() + e.size() + 6;
    if (shards >= kMaxShards || *std::max_element(size.begin(), size.end()) <= kShardBudget) break;
    shards *= 2;
  }

  Index index;
  index.shards = shards;
  index.docs = docs.size();
  std::vector<std::string> shard_text(shards);
  for (const auto& [token, e] : encoded) {
    std::string& s = shard_text[token_hash(token) % shards];
    s += s.empty() ? "{\"" : ",\"";
    s += token;  // [a-z0-9] or CJK: nothing to escape in JSON
    s += "\":\"";
    s += e;
    s += '"';
  }
  std::string all;
  for (unsigned i = 0; i < shards; ++i) {
    std::string& s = shard_text[i];
    s = s.empty() ? "{}" : s + "}";
    all += s;
    index.files.push_back({"search/s/" + std::to_string(i) + ".json", std::move(s)});
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::string j = doc_json(docs[i]);
    all += j;
    index.files.push_back({"search/d/" + std::to_string(i) + ".json", std::move(j)});
  }
  index.version = short_hash(all, 8);
  return index;
}

}  // namespace hongfan::search
