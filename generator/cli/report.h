// What `build` and `serve` print about a site's problems.
#pragma once

#include <cstddef>
#include <string>

#include "core/diagnostics.h"

namespace hongfan::cli {

/// How many warnings a build lists before pointing to `hongfan check`.
inline constexpr std::size_t kWarningsShown = 5;

/// Every error (each one stops the build and must be fixed), then the
/// warnings: a one-line count, the first kWarningsShown, and, when there are
/// more, how to see them all (`hongfan check`). Empty when all is well.
std::string format_problems(const Diagnostics& diags);

/// The errors alone, one per line with their hints (serve's page overlay).
std::string format_errors(const Diagnostics& diags);

}  // namespace hongfan::cli
