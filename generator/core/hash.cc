#include "core/hash.h"

namespace hongfan {

void Fnv1a64::update(std::string_view data) {
  std::uint64_t h = h_;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h_ = h;
}

std::uint64_t fnv1a64(std::string_view data) {
  Fnv1a64 h;
  h.update(data);
  return h.value();
}

std::string hex_prefix(std::uint64_t h, int digits) {
  static const char* hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = hex[h & 0xF];
  return out.substr(0, static_cast<std::size_t>(digits));
}

std::string short_hash(std::string_view data, int digits) { return hex_prefix(fnv1a64(data), digits); }

}  // namespace hongfan
