// The data rows of a ledger file as the preview compares them: a CSV's
// lines or a workbook's first sheet, by the row number staff see in their
// editor or in Excel. Internal to generator/studio/.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace hongfan::studio {

/// Row number → the row's text (a workbook's cells joined with ","), header
/// and blank rows left out. `name` says the format (".xlsx" or ".csv" at its
/// end); nullopt when the bytes cannot be read as that format.
std::optional<std::map<int, std::string>> ledger_rows(const std::string& name, const std::string& bytes);

}  // namespace hongfan::studio
