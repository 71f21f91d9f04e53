// The search tokeniser. The browser (themes/default/static/js/search.js)
// implements the very same rules; tests/search/tokenize_cases.json holds
// cases both sides are tested against, so keep them in step.
//
// The rules:
//  1. Text is read as code points. Full-width ASCII (U+FF01..U+FF5E) becomes
//     its ASCII form; ASCII letters are lower-cased.
//  2. [a-z0-9] are word characters; Han, kana and hangul (the ranges in
//     is_cjk) are CJK characters; everything else separates.
//  3. A run of word characters is one token (the word).
//  4. A run of CJK characters gives each character as a token and each pair
//     of neighbours (bigram) as a token, so any substring of two or more
//     characters is found through its bigrams.
// A query uses: words as they are, a lone CJK character as itself, and for a
// longer CJK run its bigrams (all of them have to be in a document).
#pragma once

#include <string>
#include <string_view>
#include <functional>
#include <vector>

namespace hongfan::search {

bool is_cjk(char32_t cp);

/// Every token of `text` in order, with repeats (the index counts them).
std::vector<std::string> index_tokens(std::string_view text);

/// index_tokens without the vector: calls `fn` with each token in turn (a
/// view valid during the call only).
void for_each_index_token(std::string_view text, const std::function<void(std::string_view)>& fn);

/// The terms a query looks up, in order, without repeats.
std::vector<std::string> query_terms(std::string_view query);

/// FNV-1a 32-bit over the token's UTF-8 bytes; shard = hash % shard count.
unsigned token_hash(std::string_view token);

}  // namespace hongfan::search
