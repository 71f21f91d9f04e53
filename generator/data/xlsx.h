// The first worksheet of an .xlsx workbook (Office Open XML, as Excel and WPS
// save it) as rows of text cells: libzip opens the container, expat reads
// the XML parts. Only what a table of values needs: shared and inline
// strings, numbers, booleans, and dates stored as serial numbers in a
// date-formatted cell. Formulas give their cached value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hongfan {

struct XlsxRow {
  int number = 0;                  ///< 1-based row number as Excel shows it
  std::vector<std::string> cells;  ///< by column (A = 0); "" for an empty cell
};

/// Rows that hold at least one non-blank cell, in order. Numbers are
/// written the way Excel shows them in a General cell (5, -20, 2.5); a
/// date-formatted number becomes `2024-06-01` (with ` 09:30` when it has a
/// time of day). nullopt when `bytes` are not a readable workbook; `error`
/// then says why (in the reader's language).
std::optional<std::vector<XlsxRow>> read_xlsx_first_sheet(std::string_view bytes, std::string* error);

/// Excel's name of 1-based column `n`: 1 → A, 26 → Z, 27 → AA.
std::string xlsx_column_name(int n);

}  // namespace hongfan
