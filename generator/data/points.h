// The points ledger (docs/content/reference/format.md data/points.csv, points.xlsx or points.yaml):
// one row per award or redemption, its person resolved against people.yaml,
// its grid by id or name. A CSV is read as UTF-8 (with or without BOM) or
// GBK, whichever it is (core/encoding.h); a workbook's first sheet as Excel
// or WPS saves it (data/xlsx.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "core/diagnostics.h"
#include "core/fs.h"

namespace hongfan {

struct SiteData;

struct PointsRow {
  int year = 0, month = 0, day = 0;
  std::string person_key;  ///< people.yaml id, else "grid/name"
  std::string name;        ///< as residents see it: masked unless public
  std::string full_name;   ///< as written in people.yaml or the ledger: orders ties, never shown
  std::string grid, category;
  long long points = 0;    ///< negative: a redemption
  std::string reason;
  SourceLoc loc;
};

struct Ledger {
  std::string file;  ///< "data/points.csv"; "" when there is none
  std::vector<PointsRow> rows;  ///< in file order
};

/// Reads data/points.csv, points.xlsx or points.yaml, whichever exists (two
/// at once are an error, as is a file that cannot be read). Headers may be
/// English or Chinese (日期, 人员 or 姓名, 网格, 类别, 积分, 事由); blank rows
/// are skipped. Every bad row is reported at its line (in a workbook: row
/// and column, with the column's letter and header); rows with errors are
/// left out. A person who redeemed more than they earned is warned about.
Ledger load_points(const FileSystem& site, const Config& config, const SiteData& data,
                   Diagnostics& diags);

}  // namespace hongfan
