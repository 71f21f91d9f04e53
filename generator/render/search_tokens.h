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

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace hongfan::search {

inline bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||    // kana
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
         (cp >= 0xAC00 && cp <= 0xD7AF) ||    // hangul syllables
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0x20000 && cp <= 0x3FFFF);    // extensions B and later
}

/// Every token of `text` in order, with repeats (the index counts them):
/// the rules as plainly as they can be written. The index builder uses
/// for_each_index_key, which is tested against this.
std::vector<std::string> index_tokens(std::string_view text);

namespace tokens_detail {

enum class Kind { kSeparator, kWord, kCjk };

inline char32_t normalise(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
  if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
  return cp;
}

inline Kind kind_of(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return Kind::kWord;
  if (is_cjk(cp)) return Kind::kCjk;
  return Kind::kSeparator;
}

}  // namespace tokens_detail

/// Nearly every token is a CJK character or bigram (3 to 8 bytes) or a short
/// word: the index counts and merges these far faster as integers than as
/// strings. A token of at most kMaxPackedBytes packs into one, its first
/// byte lowest; tokens never hold a zero byte, so unpack_token gives it back.
inline constexpr std::size_t kMaxPackedBytes = 8;
inline std::string unpack_token(std::uint64_t key) {
  std::string token;
  for (; key; key >>= 8) token += static_cast<char>(key & 0xff);
  return token;
}

/// index_tokens for the index builder, without a vector or a string per
/// token: calls `short_token(key)` with each token of at most
/// kMaxPackedBytes, packed as it is read, and `long_token(view)` (valid
/// during the call) with each longer word; the same tokens in the same
/// order. The builder runs this over every page (tens of millions of tokens
/// at 10,000 articles), where putting each token together as text and then
/// packing it was a tenth of a cold build.
template <typename Short, typename Long>
void for_each_index_key(std::string_view text, Short&& short_token, Long&& long_token);

/// The terms a query looks up, in order, without repeats.
std::vector<std::string> query_terms(std::string_view query);

template <typename Short, typename Long>
void for_each_index_key(std::string_view text, Short&& short_token, Long&& long_token) {
  using tokens_detail::Kind;
  // The current word, packed while it fits, else in `long_word`.
  thread_local std::string long_word;
  std::uint64_t word = 0;
  std::size_t word_length = 0;
  // The last character of the current CJK run, packed; none when 0 bytes.
  // A character is emitted when the next one comes (with the pair of them)
  // or the run ends: the order of index_tokens.
  std::uint64_t last = 0;
  unsigned last_bytes = 0;
  auto end_word = [&] {
    if (word_length > kMaxPackedBytes) long_token(std::string_view(long_word));
    else if (word_length > 0) short_token(word);
    word = 0;
    word_length = 0;
  };
  auto end_run = [&] {
    if (last_bytes) short_token(last);
    last_bytes = 0;
  };
  auto add_to_word = [&](char c) {
    end_run();
    if (word_length < kMaxPackedBytes) {
      word |= static_cast<std::uint64_t>(static_cast<unsigned char>(c)) << (8 * word_length);
    } else {
      if (word_length == kMaxPackedBytes) long_word = unpack_token(word);
      long_word += c;
    }
    ++word_length;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {  // ASCII, most separators: no decoding
      ++pos;
      const auto c = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        add_to_word(c);
      } else {
        end_run();
        end_word();
      }
      continue;
    }
    const std::size_t at = pos;
    const char32_t cp = tokens_detail::normalise(utf8::next(text, pos));
    const Kind k = tokens_detail::kind_of(cp);
    if (k == Kind::kWord) {
      add_to_word(static_cast<char>(cp));
    } else if (k == Kind::kCjk) {
      // Never changed by normalise(), and utf8::next() takes only shortest
      // forms: its bytes (3 or 4) are the text's own.
      end_word();
      std::uint64_t key = 0;
      for (std::size_t i = at; i < pos; ++i)
        key |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[i])) << (8 * (i - at));
      if (last_bytes) {
        short_token(last);
        short_token(last | key << (8 * last_bytes));
      }
      last = key;
      last_bytes = static_cast<unsigned>(pos - at);
    } else {
      end_run();
      end_word();
    }
  }
  end_run();
  end_word();
}

/// FNV-1a 32-bit over the token's UTF-8 bytes; shard = hash % shard count.
unsigned token_hash(std::string_view token);

}  // namespace hongfan::search
