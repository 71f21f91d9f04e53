#include "data/privacy.h"

#include <vector>

#include "core/utf8.h"

namespace hongfan {

std::string mask_name(std::string_view name) {
  std::vector<std::string_view> chars;
  for (std::size_t pos = 0; pos < name.size();) {
    std::size_t from = pos;
    utf8::next(name, pos);
    chars.push_back(name.substr(from, pos - from));
  }
  if (chars.size() <= 1) return std::string(name);
  std::string out(chars.front());
  if (chars.size() == 2) return out + "*";
  out.append(chars.size() - 2, '*');
  out += chars.back();
  return out;
}

}  // namespace hongfan
