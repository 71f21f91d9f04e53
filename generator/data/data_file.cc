#include "data/data_file.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/encoding.h"
#include "core/i18n.h"

namespace hongfan {

namespace {
// The kinds of entry the loaders name (`what`), marked here for the
// catalogue and translated when a message names one.
constexpr const char* kEntryWords[] = {N_("org unit"), N_("grid"), N_("station"), N_("person")};
std::string entry_word(const char* what) {
  for (const char* w : kEntryWords)
    if (std::string_view(w) == what) return _(w);
  return what;
}
}  // namespace

std::optional<DataFile> read_data_file(const FileSystem& site, const std::string& path,
                                       Diagnostics& diags) {
  if (!site.is_file(path)) return std::nullopt;
  auto text = read_text_file(site, path, diags);
  if (!text) return std::nullopt;
  DataFile f;
  f.src.file = path;
  f.src.text = std::make_shared<const std::string>(std::move(*text));
  auto root = parse_yaml(*f.src.text, f.src, diags);
  if (!root) {
    diags.mark_unreadable(path);
    return std::nullopt;
  }
  f.root = *root;
  return f;
}

YAML::Node data_list(const DataFile& file, const char* key, Diagnostics& diags) {
  if (file.root.IsNull()) return YAML::Node(YAML::NodeType::Sequence);
  if (!file.root.IsMap()) {
    diags.mark_unreadable(file.src.file);
    diags.error(file.src.at(file.root), tr("this file must start with a line '{}:' followed by its entries", key));
    return YAML::Node(YAML::NodeType::Sequence);
  }
  YAML::Node list = file.root[key];
  if (!list.IsDefined() || list.IsNull()) return YAML::Node(YAML::NodeType::Sequence);
  if (!list.IsSequence()) {
    diags.error(file.src.at(list), tr("'{}' must be a list of entries, each starting with '- id: ...'", key));
    return YAML::Node(YAML::NodeType::Sequence);
  }
  return list;
}

bool valid_id(const std::string& id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool IdRegistry::claim(const std::string& id, const SourceLoc& loc, Diagnostics& diags) {
  auto [it, inserted] = seen_.emplace(id, loc);
  if (inserted) return true;
  const SourceLoc& first = it->second;
  diags.error(loc, tr("duplicate id '{}' (first used at {}:{}:{})", id, first.file, first.line, first.col),
              _("ids must be unique across org units, grids, stations and people"));
  return false;
}

std::string read_entry_id(const YAML::Node& entry, const char* what, const YamlSource& src,
                          IdRegistry& ids, Diagnostics& diags) {
  auto id = yaml_string(entry, "id", src, diags);
  if (!id) {
    diags.error(src.at(entry), tr("{} without an id", entry_word(what)),
                _("add `id:` with lower-case letters, digits and '-', e.g. id: g01"));
    return {};
  }
  SourceLoc loc = src.at(entry["id"]);
  if (!valid_id(*id)) {
    diags.error(loc, tr("{} id '{}' may only use a-z, 0-9 and '-'", entry_word(what), *id));
    return {};
  }
  ids.claim(*id, loc, diags);
  return *id;
}

std::optional<EntryHead> read_entry_head(const YAML::Node& item, const char* what,
                                         const char* example, const YamlSource& src,
                                         IdRegistry& ids, Diagnostics& diags) {
  if (!item.IsMap()) {
    diags.error(src.at(item), tr("each {} must be written like {}", entry_word(what), example));
    return std::nullopt;
  }
  EntryHead h;
  h.loc = src.at(item);
  h.raw = YAML::Node(item);
  h.id = read_entry_id(item, what, src, ids, diags);
  h.who = tr("{} {}", entry_word(what), h.id.empty() ? std::string("?") : h.id);
  if (auto name = yaml_string(item, "name", src, diags)) h.name = *name;
  else diags.error(h.loc, tr("{} has no name", h.who));
  return h;
}

}  // namespace hongfan
