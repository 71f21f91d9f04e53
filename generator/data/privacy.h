// Residents' privacy (DESIGN §4): names from people.yaml and the points
// ledger are shown masked unless the person consented (`public: true`).
#pragma once

#include <string>
#include <string_view>

namespace hongfan {

/// Keeps the first and last character and puts a `*` for each one between
/// (李瑞勤 → 李*勤, 赵建国家 → 赵**家); two characters keep the first
/// (王芳 → 王*); one character stays as it is.
std::string mask_name(std::string_view name);

}  // namespace hongfan
