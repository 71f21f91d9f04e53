#include <doctest/doctest.h>

#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
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

namespace {

// for_each_index_key's tokens, unpacked, in the order it gave them.
std::vector<std::string> keyed_tokens(std::string_view text) {
  std::vector<std::string> out;
  for_each_index_key(
      text,
      [&](std::uint64_t key) {
        CHECK(key != 0);
        out.push_back(unpack_token(key));
        CHECK(out.back().size() <= kMaxPackedBytes);
      },
      [&](std::string_view token) {
        CHECK(token.size() > kMaxPackedBytes);
        out.emplace_back(token);
      });
  return out;
}

}  // namespace

// The index builder packs tokens as it reads them (for_each_index_key); it
// must find exactly the tokens the browser's rules give.
TEST_CASE("packed tokens are the tokeniser's tokens") {
  std::ifstream in(std::string(HONGFAN_SOURCE_DIR) + "/tests/search/tokenize_cases.json");
  REQUIRE(in);
  for (const auto& c : nlohmann::json::parse(in)) {
    std::string text = c["text"];
    CAPTURE(text);
    CHECK(keyed_tokens(text) == index_tokens(text));
  }
  for (const std::string& text : std::vector<std::string>{"", "a", "abcdefgh", "abcdefghi", "ＡＢＣＤＥＦＧＨＩＪ", "社", "社区", "社区网格",
                           "网格abc网格", "𠀀𠀁𠀂", "a𠀀b", "第１２３４５６７８９期", "x\xffy社\xe7\xa4区",
                           std::string("社\0区", 7), "Wi-Fi 5G网络 ２０２４年"}) {
    CAPTURE(text);
    CHECK(keyed_tokens(text) == index_tokens(text));
  }
  // Random text from a small alphabet of every kind of character.
  const std::vector<std::string> pieces{"a", "Z", "9", " ", "-", "社", "区", "ｇ", "　", "𠀀", "。", "\xff", "\xe7",
                                        "é", "\n", "ア", "한"};
  std::uint32_t seed = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(seed % 40);
    for (int i = 0; i < length; ++i) {
      seed = seed * 1664525u + 1013904223u;
      text += pieces[(seed >> 16) % pieces.size()];
    }
    seed = seed * 1664525u + 1013904223u;
    CAPTURE(text);
    REQUIRE(keyed_tokens(text) == index_tokens(text));
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
  for (std::size_t i = 0; i < a.files.size(); ++i) CHECK(a.files[i].bytes() == b.files[i].bytes());
  CHECK(a.version == b.version);
  CHECK(a.shards == 1);
  CHECK(a.docs == 2);
  const std::string& shard = a.files[0].bytes();
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
  const std::string& shard = index.files[0].bytes();
  // Doc 0 in the title (16), doc 1 twice in the body (2): "A" "Q", then delta 1 "B" and "C".
  CHECK(shard.find("\"volunteering2026\":\"AQBC\"") != std::string::npos);
  CHECK(shard.find("\"𠀀𠀀\":\"AB\"") != std::string::npos);
  CHECK(shard.find("\"里𠀀\":\"AB\"") != std::string::npos);
}

namespace {

// Documents enough for several shards: each has its own words and shares
// some with its neighbours.
std::vector<Doc> many_docs(std::size_t n) {
  static const char* const chars[] = {"网", "格", "党", "建", "社", "区", "志", "愿", "服", "务", "居", "民",
                                      "活", "动", "通", "知", "公", "告", "老", "人", "义", "诊", "文", "明"};
  std::vector<Doc> docs;
  for (std::size_t i = 0; i < n; ++i) {
    Doc d;
    d.title = std::string(chars[i % 24]) + chars[(i * 7) % 24] + "第" + std::to_string(i) + "期";
    d.url = "news/" + std::to_string(i) + "/";
    for (std::size_t k = 0; k < 60; ++k) d.body += chars[(i * 5 + k * k) % 24] + std::string(k % 9 ? "" : " ") + "word" + std::to_string((i + k) % 97) + " u" + std::to_string(i) + "x" + std::to_string(k) + " ";
    docs.push_back(std::move(d));
  }
  return docs;
}

// The last build's output, as update_index reads it.
Previous previous_of(const Index& index, const std::vector<Doc>& docs) {
  auto files = std::make_shared<std::map<std::string, std::shared_ptr<const std::string>>>();
  for (const auto& f : index.files) (*files)[f.path] = std::make_shared<const std::string>(f.bytes());
  for (std::size_t i = 0; i < docs.size(); ++i) (*files)[doc_path(i)] = std::make_shared<const std::string>(doc_json(docs[i]));
  return {index.shards, index.docs, index.docs_digest,
          [files](const std::string& path) -> std::shared_ptr<const std::string> {
            auto it = files->find(path);
            if (it == files->end()) return nullptr;
            return it->second;
          }};
}

void check_same(const Index& updated, const Index& built) {
  CHECK(updated.shards == built.shards);
  CHECK(updated.file_hashes == built.file_hashes);
  CHECK(updated.docs == built.docs);
  CHECK(updated.version == built.version);
  CHECK(updated.docs_digest == built.docs_digest);
  REQUIRE(updated.files.size() == built.files.size());
  for (std::size_t i = 0; i < built.files.size(); ++i) {
    CAPTURE(i);
    CHECK(updated.files[i].path == built.files[i].path);
    CHECK(updated.files[i].bytes() == built.files[i].bytes());
  }
}

}  // namespace

TEST_CASE("an edited document updates the last index to the bytes of a fresh one") {
  auto docs = many_docs(400);
  const Index before = build_index(docs);
  REQUIRE(before.shards > 4);  // the test means something only with several shards
  const Previous last = previous_of(before, docs);

  SUBCASE("a title and a body edited") {
    const std::vector<std::pair<std::size_t, Doc>> old_docs{{7, docs[7]}, {250, docs[250]}};
    docs[7].title = "居民议事会召开";
    docs[7].body = "新的正文 word5 全新词语 volunteering2026";
    docs[250].title += "（更正）";
    const std::vector<std::pair<std::size_t, Doc>> edited{{7, docs[7]}, {250, docs[250]}};
    const Index fresh = build_index(docs);
    auto updated = update_index(last, docs.size(), edited);
    REQUIRE(updated);
    check_same(*updated, fresh);
    CHECK(updated->version != before.version);
    CHECK(updated->doc_hashes.empty());  // the last index's were not at hand
    CHECK(std::count(updated->unchanged.begin(), updated->unchanged.end(), 0) > 0);

    // serve: the documents' hashes kept, and their old words known, so only
    // the shards that held them, or hold them now, are looked through.
    Previous kept = last;
    kept.doc_hashes = &before.doc_hashes;
    kept.file_hashes = &before.file_hashes;
    std::set<std::string> looked;
    std::mutex looked_mutex;  // shards are read on several threads
    kept.read = [&](const std::string& path) {
      const std::lock_guard lock(looked_mutex);
      looked.insert(path);
      return last.read(path);
    };
    auto quick = update_index(kept, docs.size(), edited, &old_docs);
    REQUIRE(quick);
    check_same(*quick, fresh);
    CHECK(quick->doc_hashes == fresh.doc_hashes);
    CHECK(quick->file_hashes == fresh.file_hashes);
    CHECK_FALSE(looked.count(doc_path(7)));  // its hash was kept
    // Wrong old words would give a wrong index: a document the last index
    // did not have under that id is refused.
    const std::vector<std::pair<std::size_t, Doc>> other{{8, docs[8]}};
    CHECK_FALSE(update_index(kept, docs.size(), edited, &other));
  }
  SUBCASE("a few words added: the shards without them are the last ones") {
    docs[250].title += "（更正）";
    auto updated = update_index(last, docs.size(), {{250, docs[250]}});
    REQUIRE(updated);
    check_same(*updated, build_index(docs));
    const auto made = std::count(updated->unchanged.begin(), updated->unchanged.end(), 0);
    CHECK(made > 0);
    CHECK(made < static_cast<long>(before.shards));
    for (unsigned i = 0; i < before.shards; ++i)
      if (updated->unchanged[i]) CHECK(updated->files[i].bytes() == before.files[i].bytes());

    // serve reads the shards from the index it keeps: the unchanged ones
    // are shared with it, not copied.
    Previous in_memory = last;
    in_memory.read = [&](const std::string& path) -> std::shared_ptr<const std::string> {
      for (const auto& f : before.files)
        if (f.path == path) return f.text;
      return last.read(path);
    };
    auto shared = update_index(in_memory, docs.size(), {{250, docs[250]}});
    REQUIRE(shared);
    check_same(*shared, *updated);
    for (unsigned i = 0; i < before.shards; ++i)
      CHECK((shared->files[i].text == before.files[i].text) == static_cast<bool>(shared->unchanged[i]));
  }
  SUBCASE("an edit that leaves the document's text as it was") {
    auto updated = update_index(last, docs.size(), {{3, docs[3]}});
    REQUIRE(updated);
    check_same(*updated, before);
  }
  SUBCASE("the first and the last document emptied") {
    docs[0] = Doc{};
    docs[399].body.clear();
    auto updated = update_index(last, docs.size(), {{0, docs[0]}, {399, docs[399]}});
    REQUIRE(updated);
    check_same(*updated, build_index(docs));
  }
  SUBCASE("what cannot be updated is left to build_index") {
    CHECK_FALSE(update_index(last, docs.size() + 1, {}));  // a document more
    Previous missing = last;
    missing.read = [](const std::string&) { return nullptr; };
    CHECK_FALSE(update_index(missing, docs.size(), {{1, docs[1]}}));
    Previous garbled = last;
    garbled.read = [&](const std::string& path) -> std::shared_ptr<const std::string> {
      return path == "search/s/0.json" ? std::make_shared<const std::string>("{\"x\":1}") : last.read(path);
    };
    CHECK_FALSE(update_index(garbled, docs.size(), {{1, docs[1]}}));
    // So much new text that a fresh index would need more shards.
    for (std::size_t k = 0; k < 20000; ++k) docs[5].body += "w" + std::to_string(k) + " ";
    REQUIRE(build_index(docs).shards != before.shards);
    CHECK_FALSE(update_index(last, docs.size(), {{5, docs[5]}}));
  }
}

namespace {

// A document's file as the library writes it (what doc_json wrote before it
// wrote JSON itself): the reference the bytes must still equal.
std::string doc_json_reference(const Doc& d) {
  std::string text = d.body;
  if (!d.summary.empty() && d.body.rfind(d.summary, 0) != 0) text = d.summary + " " + d.body;
  std::size_t p = 0, chars = 0;
  while (p < text.size() && chars < kSnippetChars) {  // utf8::prefix, for valid text
    ++p;
    while (p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) ++p;
    ++chars;
  }
  nlohmann::ordered_json j;
  j["t"] = d.title;
  j["u"] = d.url;
  j["s"] = d.section;
  j["d"] = d.date;
  j["x"] = text.substr(0, p);
  if (!d.image.empty()) {
    j["i"] = d.image;
    j["w"] = d.image_width;
    j["h"] = d.image_height;
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string repeated(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("a document's file is the JSON the library would write") {
  std::string controls;
  for (char c = 1; c < 0x20; ++c) controls += c;
  const std::vector<Doc> docs{
      {"标题 \"引号\" 与 \\ 反斜杠", "news/a/", "新闻动态", "2026年1月1日", "", "", "正文。", "", 0, 0},
      {"控制字符" + controls + "\x7f", "news/b/", "", "", "", "摘要", "摘要在前，正文在后。", "images/a.360.jpg", 360, 240},
      {"表情 😀 与 𠀀", "news/c/", "", "", "", "不同的摘要", "正文\n第二行\t制表", "", 0, 0},
      // Around the snippet's length: summary alone longer, and just short.
      {"长", "news/d/", "", "", "", repeated("摘", 1300), repeated("正", 50), "", 0, 0},
      {"长", "news/e/", "", "", "", repeated("摘", 1199), repeated("正", 50), "", 0, 0},
      {"长", "news/f/", "", "", "", repeated("摘", 1198), repeated("正", 50), "", 0, 0},
      {"长", "news/g/", "", "", "", "", repeated("正文a", 500), "", 0, 0},
  };
  for (const auto& d : docs) {
    CAPTURE(d.url);
    CHECK(doc_json(d) == doc_json_reference(d));
  }
  // Not valid UTF-8 (never met: files are checked when read): the library's
  // replacement character, as before.
  Doc broken{"坏\xff的", "news/h/", "", "", "", "", "正文\xe4\xb8", "", 0, 0};
  CHECK(doc_json(broken) == doc_json_reference(broken));
  // Bidi controls are dropped from the file.
  Doc bidi{"标\u202e题", "news/i/", "", "", "", "", "正文", "", 0, 0};
  CHECK(doc_json(bidi).find("\u202e") == std::string::npos);
}
