// What every loader of data/*.yaml shares: reading a file into YAML with
// locations, checking ids and one id namespace for the whole site. (The
// "did you mean" suggestion is core/suggest.h, shared with front matter.)
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/fs.h"
#include "core/yaml.h"

namespace hongfan {

struct DataFile {
  YAML::Node root;
  YamlSource src;
};

/// Reads and parses `path` when it exists; nullopt when missing or broken
/// (broken is reported).
std::optional<DataFile> read_data_file(const FileSystem& site, const std::string& path,
                                       Diagnostics& diags);

/// The list under `key` of the file's top mapping; an empty node (reported)
/// when the file has another shape.
YAML::Node data_list(const DataFile& file, const char* key, Diagnostics& diags);

/// Ids are [a-z0-9-]+ (docs/content/reference/format.md), so they can be URL segments as they are.
bool valid_id(const std::string& id);

/// Ids are unique across the site: org units, grids, stations and people.
class IdRegistry {
 public:
  /// Records `id`; reports a duplicate at `loc` and returns false.
  bool claim(const std::string& id, const SourceLoc& loc, Diagnostics& diags);

 private:
  std::map<std::string, SourceLoc> seen_;
};

/// Reads the `id` of a data entry, checks its form and claims it. Returns
/// "" (reported) when missing or malformed; `what` names the entry ("grid").
std::string read_entry_id(const YAML::Node& entry, const char* what, const YamlSource& src,
                          IdRegistry& ids, Diagnostics& diags);

/// What every entry of grids.yaml, stations.yaml and people.yaml starts
/// with: its location, all its keys, its id and a name for messages
/// ("grid g01"), and its required `name`.
struct EntryHead {
  SourceLoc loc;
  YAML::Node raw;
  std::string id;
  std::string who;
  std::string name;
};

/// Reads that head, reporting a non-mapping entry ("each grid must be a
/// mapping like EXAMPLE") and a missing name; nullopt for a non-mapping.
std::optional<EntryHead> read_entry_head(const YAML::Node& item, const char* what,
                                         const char* example, const YamlSource& src,
                                         IdRegistry& ids, Diagnostics& diags);

}  // namespace hongfan
