#include "render/search_tokens.h"

#include <algorithm>
#include <functional>

#include "core/utf8.h"

namespace hongfan::search {

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||    // kana
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
         (cp >= 0xAC00 && cp <= 0xD7AF) ||    // hangul syllables
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0x20000 && cp <= 0x3FFFF);    // extensions B and later
}

namespace {

enum class Kind { kSeparator, kWord, kCjk };

char32_t normalise(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
  if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
  return cp;
}

Kind kind_of(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return Kind::kWord;
  if (is_cjk(cp)) return Kind::kCjk;
  return Kind::kSeparator;
}

// Calls on_word(word) and on_cjk_run(vector of characters) for each run.
template <typename Word, typename Run>
void for_each_run(std::string_view text, Word on_word, Run on_cjk_run) {
  std::string word;
  std::vector<std::string> run;
  auto flush = [&] {
    if (!word.empty()) on_word(word);
    if (!run.empty()) on_cjk_run(run);
    word.clear();
    run.clear();
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = normalise(utf8::next(text, pos));
    Kind k = kind_of(cp);
    if (k == Kind::kWord) {
      if (!run.empty()) flush();
      word += static_cast<char>(cp);
    } else if (k == Kind::kCjk) {
      if (!word.empty()) flush();
      std::string ch;
      utf8::append(ch, cp);
      run.push_back(std::move(ch));
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace

void for_each_index_token(std::string_view text, const std::function<void(std::string_view)>& fn) {
  // The current word (ASCII) or CJK run, normalised; `ends` marks where each
  // character of a run ends, so a bigram is a slice of `buffer`.
  std::string buffer;
  std::vector<std::size_t> ends;
  Kind current = Kind::kSeparator;
  auto flush = [&] {
    if (current == Kind::kWord) {
      fn(buffer);
    } else if (current == Kind::kCjk) {
      std::size_t start = 0;
      for (std::size_t i = 0; i < ends.size(); ++i) {
        fn(std::string_view(buffer).substr(start, ends[i] - start));
        if (i + 1 < ends.size()) fn(std::string_view(buffer).substr(start, ends[i + 1] - start));
        start = ends[i];
      }
    }
    buffer.clear();
    ends.clear();
    current = Kind::kSeparator;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = normalise(utf8::next(text, pos));
    Kind k = kind_of(cp);
    if (k != current) flush();
    current = k;
    if (k == Kind::kWord) {
      buffer += static_cast<char>(cp);
    } else if (k == Kind::kCjk) {
      utf8::append(buffer, cp);
      ends.push_back(buffer.size());
    }
  }
  flush();
}

std::vector<std::string> index_tokens(std::string_view text) {
  std::vector<std::string> out;
  for_each_index_token(text, [&](std::string_view t) { out.emplace_back(t); });
  return out;
}

std::vector<std::string> query_terms(std::string_view query) {
  std::vector<std::string> out;
  auto add = [&](std::string t) {
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  };
  for_each_run(
      query, [&](const std::string& w) { add(w); },
      [&](const std::vector<std::string>& run) {
        if (run.size() == 1) add(run[0]);
        for (std::size_t i = 0; i + 1 < run.size(); ++i) add(run[i] + run[i + 1]);
      });
  return out;
}

unsigned token_hash(std::string_view token) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : token) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

}  // namespace hongfan::search
