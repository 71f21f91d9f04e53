// Non-cryptographic content hashes for fingerprints and short slugs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hongfan {

/// 64-bit FNV-1a: stable across platforms and releases, which is what
/// fingerprinted file names and derived slugs need.
std::uint64_t fnv1a64(std::string_view data);

/// The first `digits` lowercase hex digits of fnv1a64(data).
std::string short_hash(std::string_view data, int digits = 8);

}  // namespace hongfan
