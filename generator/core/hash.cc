#include "core/hash.h"

namespace hongfan {

std::uint64_t fnv1a64(std::string_view data) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string short_hash(std::string_view data, int digits) {
  static const char* hex = "0123456789abcdef";
  std::uint64_t h = fnv1a64(data);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = hex[h & 0xF];
  return out.substr(0, static_cast<std::size_t>(digits));
}

}  // namespace hongfan
