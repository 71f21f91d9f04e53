// Non-cryptographic content hashes for fingerprints and short slugs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hongfan {

/// 64-bit FNV-1a: stable across platforms and releases, which is what
/// fingerprinted file names and derived slugs need.
std::uint64_t fnv1a64(std::string_view data);

/// FNV-1a fed piece by piece: the same value as fnv1a64 of the pieces joined.
class Fnv1a64 {
 public:
  void update(std::string_view data);
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

/// The first `digits` hex digits of a 64-bit hash.
std::string hex_prefix(std::uint64_t h, int digits = 8);

/// The first `digits` lowercase hex digits of fnv1a64(data).
std::string short_hash(std::string_view data, int digits = 8);

}  // namespace hongfan
