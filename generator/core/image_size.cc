#include "core/image_size.h"

#include <cstdint>

namespace hongfan {

namespace {

unsigned byte(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }
unsigned be16(std::string_view s, std::size_t i) { return byte(s, i) << 8 | byte(s, i + 1); }
unsigned le16(std::string_view s, std::size_t i) { return byte(s, i) | byte(s, i + 1) << 8; }
std::uint32_t be32(std::string_view s, std::size_t i) { return be16(s, i) << 16 | be16(s, i + 2); }

std::optional<std::pair<int, int>> jpeg_size(std::string_view s) {
  std::size_t i = 2;
  while (i + 9 < s.size()) {
    if (byte(s, i) != 0xFF) return std::nullopt;
    unsigned marker = byte(s, i + 1);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      i += 2;
      continue;
    }
    unsigned length = be16(s, i + 2);
    // Start-of-frame markers (not DHT C4, JPG C8, DAC CC) carry the size.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
      return std::make_pair(static_cast<int>(be16(s, i + 7)), static_cast<int>(be16(s, i + 5)));
    i += 2 + length;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::pair<int, int>> image_size(std::string_view s) {
  if (s.size() >= 24 && s.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
    return std::make_pair(static_cast<int>(be32(s, 16)), static_cast<int>(be32(s, 20)));
  if (s.size() >= 4 && byte(s, 0) == 0xFF && byte(s, 1) == 0xD8) return jpeg_size(s);
  if (s.size() >= 10 && (s.substr(0, 6) == "GIF87a" || s.substr(0, 6) == "GIF89a"))
    return std::make_pair(static_cast<int>(le16(s, 6)), static_cast<int>(le16(s, 8)));
  if (s.size() >= 30 && s.substr(0, 4) == "RIFF" && s.substr(8, 4) == "WEBP") {
    std::string_view chunk = s.substr(12, 4);
    if (chunk == "VP8X")
      return std::make_pair(static_cast<int>(1 + (byte(s, 24) | byte(s, 25) << 8 | byte(s, 26) << 16)),
                            static_cast<int>(1 + (byte(s, 27) | byte(s, 28) << 8 | byte(s, 29) << 16)));
    if (chunk == "VP8 ")
      return std::make_pair(static_cast<int>(le16(s, 26) & 0x3FFF), static_cast<int>(le16(s, 28) & 0x3FFF));
    if (chunk == "VP8L") {
      std::uint32_t b = byte(s, 21) | byte(s, 22) << 8 | byte(s, 23) << 16 | static_cast<std::uint32_t>(byte(s, 24)) << 24;
      return std::make_pair(static_cast<int>((b & 0x3FFF) + 1), static_cast<int>(((b >> 14) & 0x3FFF) + 1));
    }
  }
  return std::nullopt;
}

}  // namespace hongfan
