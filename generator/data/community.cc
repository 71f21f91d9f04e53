#include "data/community.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/i18n.h"
#include "core/yaml.h"

namespace hongfan {

namespace {

// `list_key` is the list the file holds, named in the hint of a file that
// does not start with a mapping.
std::optional<YAML::Node> read_doc(const FileSystem& site, const std::string& file,
                                   const char* list_key, YamlSource& src, Diagnostics& diags) {
  if (!site.is_file(file)) return std::nullopt;
  auto text = site.read(file);
  if (!text) {
    diags.error({file}, _("cannot read this file"),
                _("check that the file is not open in another program and that you may read it"));
    return std::nullopt;
  }
  src = YamlSource{file, 0, ""};
  auto doc = parse_yaml(*text, src, diags);
  if (!doc || doc->IsNull()) return std::nullopt;
  if (!doc->IsMap()) {
    diags.error(src.at(*doc), _("expected a mapping at the top of the file"),
                tr("start the file with a line `{}:`, then the entries below it, each starting with `  - `",
                   list_key));
    return std::nullopt;
  }
  return doc;
}

// The list under `key`, each item a mapping; other items are reported.
std::vector<YAML::Node> items(const YAML::Node& doc, const char* key, const YamlSource& src,
                              Diagnostics& diags) {
  std::vector<YAML::Node> out;
  YAML::Node list = doc[key];
  if (!list.IsDefined() || list.IsNull()) return out;
  if (!list.IsSequence()) {
    diags.error(src.at(list), tr("'{}' must be a list", key),
                _("write each entry on a line of its own starting with `  - `, like `  - {name: ...}`"));
    return out;
  }
  for (const auto& item : list) {
    if (item.IsMap()) out.push_back(item);
    else diags.error(src.at(item), tr("an entry of '{}' must be a mapping like {{name: ...}}", key));
  }
  return out;
}

std::string str(const YAML::Node& m, const char* key, const YamlSource& src, Diagnostics& diags) {
  return yaml_string(m, key, src, diags).value_or("");
}

}  // namespace

CommunityData load_community_data(const FileSystem& site, Diagnostics& diags) {
  CommunityData c;
  YamlSource src;
  if (auto doc = read_doc(site, "data/rewards.yaml", "rewards", src, diags)) {
    c.shop.present = true;
    YAML::Node shop = (*doc)["shop"];
    if (shop.IsMap()) {
      if (auto v = yaml_string(shop, "name", src, diags)) c.shop.name = *v;
      c.shop.station = str(shop, "station", src, diags);
      if (shop["station"].IsDefined()) c.shop.station_loc = src.at(shop["station"]);
      c.shop.hours = str(shop, "hours", src, diags);
      c.shop.address = str(shop, "address", src, diags);
    }
    for (const auto& r : items(*doc, "rewards", src, diags)) {
      Reward w;
      w.name = str(r, "name", src, diags);
      w.image = str(r, "image", src, diags);
      w.points = yaml_int(r, "points", src, diags).value_or(0);
      w.stock = yaml_int(r, "stock", src, diags);
      if (w.name.empty()) diags.error(src.at(r), _("reward: 'name' is required"), _("add `name:` with what the reward is, like `name: 洗衣液`"));
      c.shop.rewards.push_back(std::move(w));
    }
  }
  if (auto doc = read_doc(site, "data/honors.yaml", "honors", src, diags)) {
    for (const auto& h : items(*doc, "honors", src, diags)) {
      HonorRoll roll;
      roll.title = str(h, "title", src, diags);
      roll.kind = str(h, "kind", src, diags);
      roll.year = static_cast<int>(yaml_int(h, "year", src, diags).value_or(0));
      if (roll.title.empty()) diags.error(src.at(h), _("honour: 'title' is required"),
                                           _("add `title:` with the roll's name, like `title: 2024年度优秀共产党员`"));
      for (const auto& a : items(h, "awardees", src, diags)) {
        Awardee w;
        w.name = str(a, "name", src, diags);
        w.grid = str(a, "grid", src, diags);
        w.story = str(a, "story", src, diags);
        w.stars = yaml_string_list(a, "stars", src, diags).value_or(std::vector<std::string>{});
        roll.awardees.push_back(std::move(w));
      }
      c.honors.push_back(std::move(roll));
    }
    std::stable_sort(c.honors.begin(), c.honors.end(),
                     [](const HonorRoll& a, const HonorRoll& b) { return a.year > b.year; });
  }
  if (auto doc = read_doc(site, "data/contacts.yaml", "hotlines", src, diags)) {
    for (const auto& h : items(*doc, "hotlines", src, diags))
      c.hotlines.push_back({str(h, "name", src, diags), str(h, "phone", src, diags), str(h, "hours", src, diags)});
  }
  if (auto doc = read_doc(site, "data/figures.yaml", "figures", src, diags)) {
    for (const auto& f : items(*doc, "figures", src, diags))
      c.figures.push_back({str(f, "label", src, diags), str(f, "value", src, diags), str(f, "unit", src, diags),
                           str(f, "as_of", src, diags)});
  }
  return c;
}

}  // namespace hongfan
