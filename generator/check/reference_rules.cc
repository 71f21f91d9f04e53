// Rule: the ids pages name in front matter (org, grid, station, brand) exist.
//
// Each kind of reference is one row of kReferenceKinds: the page field that
// holds it, where its ids are defined and how to list them. When a data file
// gains a loader (or pages gain a new reference, like an activity's
// `organizer`), add a row; nothing else changes.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "check/check.h"

namespace hongfan {

namespace {

struct ReferenceKind {
  const char* key;            ///< front matter key, for messages
  DataRef Page::*field;       ///< where the page keeps it
  const char* defined_in;     ///< where such ids are written
  std::function<std::vector<std::string>(const PreparedSite&)> ids;
};

const std::vector<ReferenceKind>& reference_kinds() {
  static const std::vector<ReferenceKind> kinds = {
      {"org", &Page::org, "data/org.yaml",
       [](const PreparedSite& s) {
         std::vector<std::string> ids;
         for (const auto& u : s.data.org.units) ids.push_back(u.id);
         return ids;
       }},
      {"grid", &Page::grid, "data/grids.yaml",
       [](const PreparedSite& s) {
         std::vector<std::string> ids;
         for (const auto& g : s.data.grids) ids.push_back(g.id);
         return ids;
       }},
      {"station", &Page::station, "data/stations.yaml",
       [](const PreparedSite& s) {
         std::vector<std::string> ids;
         for (const auto& st : s.data.stations) ids.push_back(st.id);
         return ids;
       }},
      {"brand", &Page::brand, "content/brands/",
       [](const PreparedSite& s) {
         std::vector<std::string> ids;
         if (const Section* b = s.content.section("brands"))
           for (const Page* p : b->pages) ids.push_back(p->slug);
         return ids;
       }},
  };
  return kinds;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

void check_references(const CheckContext& ctx, Diagnostics& diags) {
  const PreparedSite& s = *ctx.prepared;
  for (const auto& kind : reference_kinds()) {
    std::vector<std::string> ids = kind.ids(s);
    std::sort(ids.begin(), ids.end());
    for (const auto& p : s.content.pages) {
      const DataRef& ref = p.*kind.field;
      if (ref.id.empty() || std::binary_search(ids.begin(), ids.end(), ref.id)) continue;
      std::string best;
      std::size_t best_d = 3;  // suggest only close matches
      for (const auto& id : ids) {
        if (id.size() > ref.id.size() + 3 || ref.id.size() > id.size() + 3) continue;
        std::size_t d = edit_distance(ref.id, id);
        if (d < best_d) best_d = d, best = id;
      }
      std::string msg = fmt::format("{} '{}' is not defined in {}", kind.key, ref.id, kind.defined_in);
      if (!best.empty()) msg += fmt::format(" (did you mean '{}'?)", best);
      diags.error(ref.loc, msg);
    }
  }
}

}  // namespace hongfan
