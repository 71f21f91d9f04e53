// data/people.yaml → residents: party members and households, each in a
// grid, with the name residents may see (docs/content/reference/format.md, 隐私规则).
#include <fmt/format.h>

#include "core/i18n.h"
#include "core/privacy.h"
#include "data/loaders.h"

namespace hongfan {

void load_people(const FileSystem& site, const Config& config, SiteData& data, IdRegistry& ids,
                 Diagnostics& diags) {
  auto file = read_data_file(site, kPeopleFile, diags);
  if (!file) return;
  const YamlSource& src = file->src;
  std::vector<std::string> grid_ids = index_ids(data.grid_by_id);
  for (const auto& item : data_list(*file, "people", diags)) {
    auto head = read_entry_head(item, _("person"), "{id: p001, name: ..., grid: g01}", src, ids, diags);
    if (!head) continue;
    Person p;
    p.loc = head->loc;
    p.raw = head->raw;
    p.id = head->id;
    p.name = head->name;
    const std::string& who = head->who;
    if (auto grid = yaml_string(item, "grid", src, diags)) {
      p.grid = *grid;
      if (!data.grid(*grid))
        report_unknown_ref(src.at(item["grid"]), who, "grid", *grid, RefKind::grid, grid_ids, diags);
    }
    p.member = yaml_bool(item, "member", src, diags).value_or(false);
    p.household = yaml_bool(item, "household", src, diags).value_or(false);
    p.is_public = yaml_bool(item, "public", src, diags).value_or(false);
    p.shown_name = shown_name(p.name, p.is_public, config.mask_residents);
    if (p.id.empty()) continue;
    data.person_by_id.emplace(p.id, data.people.size());
    data.people.push_back(std::move(p));
  }
}

}  // namespace hongfan
