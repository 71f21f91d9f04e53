#include "studio/ledger_rows.h"

#include "core/encoding.h"
#include "core/text.h"
#include "data/xlsx.h"

namespace hongfan::studio {

namespace {

std::map<int, std::string> csv_rows(const std::string& text) {
  std::map<int, std::string> rows;
  int n = 0;
  for (auto line : split_lines(text)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (n == 1 || trim(line).empty()) continue;
    rows[n] = std::string(line);
  }
  return rows;
}

}  // namespace

std::optional<std::map<int, std::string>> ledger_rows(const std::string& name, const std::string& bytes) {
  if (ends_with(ascii_lower(name), ".xlsx")) {
    std::string why;
    auto sheet = read_xlsx_first_sheet(bytes, &why);
    if (!sheet) return std::nullopt;
    std::map<int, std::string> rows;
    bool header = true;  // the first non-blank row names the columns
    for (const auto& row : *sheet) {
      if (header) {
        header = false;
        continue;
      }
      std::string text;
      for (std::size_t i = 0; i < row.cells.size(); ++i) text += (i ? "," : "") + row.cells[i];
      // Trailing empty cells are formatting, not data: a row typed again
      // in another sheet must compare equal.
      while (!text.empty() && text.back() == ',') text.pop_back();
      rows[row.number] = text;
    }
    return rows;
  }
  auto text = decode_text(bytes);
  if (!text) return std::nullopt;
  return csv_rows(text->text);
}

}  // namespace hongfan::studio
