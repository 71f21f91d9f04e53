#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "render/search_index.h"
#include "render/search_tokens.h"

using namespace hongfan::search;

// The same cases tests/e2e/search_tokens.js checks the browser tokeniser
// against: both sides must agree token for token.
TEST_CASE("search tokeniser agrees with the shared cases") {
  std::ifstream in(std::string(HONGFAN_SOURCE_DIR) + "/tests/search/tokenize_cases.json");
  REQUIRE(in);
  auto cases = nlohmann::json::parse(in);
  REQUIRE(cases.size() > 5);
  for (const auto& c : cases) {
    std::string text = c["text"];
    CAPTURE(text);
    CHECK(index_tokens(text) == c["index"].get<std::vector<std::string>>());
    auto terms = query_terms(text);
    CHECK(terms == c["query"].get<std::vector<std::string>>());
    std::vector<unsigned> hashes;
    for (const auto& t : terms) hashes.push_back(token_hash(t));
    CHECK(hashes == c["hash"].get<std::vector<unsigned>>());
  }
}

TEST_CASE("a mid-word substring is found through its bigrams") {
  auto tokens = index_tokens("这是一段简单的说明");
  for (const auto& t : query_terms("段简")) CHECK(std::find(tokens.begin(), tokens.end(), t) != tokens.end());
}

TEST_CASE("varints use five bits per character") {
  std::string s;
  append_varint(s, 0);
  append_varint(s, 31);
  append_varint(s, 32);
  CHECK(s == "A" "f" "gB");
}

TEST_CASE("the index is deterministic and finds each document's words") {
  std::vector<Doc> docs{{"网格员入户走访", "news/a/", "新闻动态", "2026年3月20日", "走访", "", "专职网格员上门", "", 0, 0},
                        {"WeChat 通知", "notices/b/", "通知公告", "", "", "群里发布", "正文", "", 0, 0}};
  Index a = build_index(docs), b = build_index(docs);
  REQUIRE(a.files.size() == b.files.size());
  for (std::size_t i = 0; i < a.files.size(); ++i) CHECK(a.files[i].bytes == b.files[i].bytes);
  CHECK(a.version == b.version);
  CHECK(a.shards == 1);
  CHECK(a.docs == 2);
  const std::string& shard = a.files[0].bytes;
  CHECK(shard.find("\"wechat\":\"") != std::string::npos);
  // 网格: doc 0, title + body → weight 16 + 1 = 17 → "A" then 17 = "R".
  CHECK(shard.find("\"网格\":\"AR\"") != std::string::npos);
  CHECK(a.files.size() == 1);  // the shard; documents are made as they are written
  CHECK(doc_path(0) == "search/d/0.json");
  CHECK(doc_json(docs[0]).find("\"u\":\"news/a/\"") != std::string::npos);
  // A document's text is part of the version.
  docs[1].body = "正文改了";
  CHECK(build_index(docs).version != a.version);
}

TEST_CASE("tokens longer than eight bytes are indexed like short ones") {
  // Tokens of up to 8 bytes are packed into integers inside the builder (a
  // bigram of two 4-byte characters, 𠀀𠀀, just fits); longer words go
  // another way.
  std::vector<Doc> docs{{"volunteering2026 活动", "news/a/", "", "", "", "", "邻里𠀀𠀀", "", 0, 0},
                        {"标题", "news/b/", "", "", "", "", "volunteering2026 volunteering2026", "", 0, 0}};
  Index index = build_index(docs);
  REQUIRE(index.shards == 1);
  const std::string& shard = index.files[0].bytes;
  // Doc 0 in the title (16), doc 1 twice in the body (2): "A" "Q", then delta 1 "B" and "C".
  CHECK(shard.find("\"volunteering2026\":\"AQBC\"") != std::string::npos);
  CHECK(shard.find("\"𠀀𠀀\":\"AB\"") != std::string::npos);
  CHECK(shard.find("\"里𠀀\":\"AB\"") != std::string::npos);
}
