#include "render/search_tokens.h"

#include <algorithm>

#include "core/utf8.h"

namespace hongfan::search {

namespace {

using tokens_detail::Kind;
using tokens_detail::kind_of;
using tokens_detail::normalise;

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

std::vector<std::string> index_tokens(std::string_view text) {
  std::vector<std::string> out;
  for_each_run(
      text, [&](const std::string& word) { out.push_back(word); },
      [&](const std::vector<std::string>& run) {
        for (std::size_t i = 0; i < run.size(); ++i) {
          out.push_back(run[i]);
          if (i + 1 < run.size()) out.push_back(run[i] + run[i + 1]);
        }
      });
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
