// The points ledger (DESIGN §2 data/points.csv or points.yaml): one row per
// award or redemption, its person resolved against people.yaml, its bytes
// read as UTF-8 (with or without BOM) or GBK, whichever they are.
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

/// Reads data/points.csv or data/points.yaml if either exists. Every bad row
/// is reported at its line; rows with errors are left out.
Ledger load_points(const FileSystem& site, const Config& config, const SiteData& data,
                   Diagnostics& diags);

/// The text of `bytes` as UTF-8: a UTF-8 BOM is dropped; bytes that are not
/// valid UTF-8 are converted from GB18030 (a superset of GBK). nullopt when
/// they are neither; `bad_offset` then tells the first offending byte.
std::optional<std::string> decode_text(std::string_view bytes, std::size_t* bad_offset = nullptr);

}  // namespace hongfan
