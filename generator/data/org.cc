// data/org.yaml → OrgTree. Units may be nested under `children` or listed
// flat with `parent: ID`, in any mix; a street may have several roots
// (双轨并行). Every problem is reported, then the tree is built from what
// is sound so later stages can report theirs too.
#include <fmt/format.h>

#include <algorithm>

#include "core/i18n.h"
#include "data/loaders.h"

namespace hongfan {

namespace {

struct RawUnit {
  OrgUnit unit;
  bool has_id = false;
  bool id_given = false;              ///< written, even if malformed (then reported)
  std::ptrdiff_t nested_parent = -1;  ///< raw index of the unit it is nested in
  std::string parent_ref;             ///< `parent:` as written
  SourceLoc parent_loc;
  std::ptrdiff_t parent = -1;         ///< resolved raw index
  std::vector<std::size_t> children;  ///< raw indices, data order
  bool excluded = false;              ///< in or below a cycle
};

class OrgLoader {
 public:
  OrgLoader(const DataFile& file, IdRegistry& ids, Diagnostics& diags)
      : file_(file), src_(file.src), ids_(ids), diags_(diags) {}

  OrgTree run() {
    read_levels();
    collect(data_list(file_, "units", diags_), -1);
    resolve_parents();
    find_cycles();
    for (std::size_t i = 0; i < raw_.size(); ++i) {
      RawUnit& r = raw_[i];
      if (r.excluded) continue;
      if (r.parent >= 0) raw_[static_cast<std::size_t>(r.parent)].children.push_back(i);
    }
    for (std::size_t i = 0; i < raw_.size(); ++i)
      if (!raw_[i].excluded && raw_[i].parent < 0) {
        if (!raw_[i].has_id) {
          if (!raw_[i].id_given)
            diags_.error(raw_[i].unit.loc, _("a top-level org unit needs an id"),
                         _("add a line `id:` with lower-case letters, digits and '-', like `id: jsjy`"));
          continue;
        }
        tree_.roots.push_back(place(i, 0, -1, 0));
      }
    return std::move(tree_);
  }

 private:
  void read_levels() {
    if (!file_.root.IsMap()) return;
    if (auto levels = yaml_string_list(file_.root, "levels", src_, diags_)) tree_.levels = *levels;
  }

  void collect(const YAML::Node& list, std::ptrdiff_t nested_parent) {
    for (const auto& item : list) {
      if (!item.IsMap()) {
        diags_.error(src_.at(item), _("each org unit must be a mapping like {id: jsjy, name: ...}"));
        continue;
      }
      RawUnit r;
      OrgUnit& u = r.unit;
      u.loc = src_.at(item);
      u.raw = YAML::Node(item);
      if (item["id"].IsDefined() && !item["id"].IsNull()) {
        r.id_given = true;
        u.id = read_entry_id(item, _("org unit"), src_, ids_, diags_);
        r.has_id = !u.id.empty();
        if (!r.has_id) u.id = "?";
      }
      if (auto name = yaml_string(item, "name", src_, diags_)) u.name = *name;
      else
        diags_.error(u.loc, r.has_id ? tr("org unit {} has no name", u.id) : std::string(_("an org unit has no name")),
                     _("add a line like `name: 金色嘉苑社区党委`"));
      u.level = yaml_string(item, "level", src_, diags_).value_or("");
      u.secretary = yaml_string(item, "secretary", src_, diags_).value_or("");
      u.phone = yaml_string(item, "phone", src_, diags_).value_or("");
      u.address = yaml_string(item, "address", src_, diags_).value_or("");
      u.intro = yaml_string(item, "intro", src_, diags_).value_or("");
      u.members = yaml_int(item, "members", src_, diags_).value_or(0);
      r.nested_parent = nested_parent;
      if (auto parent = yaml_string(item, "parent", src_, diags_)) {
        r.parent_ref = *parent;
        r.parent_loc = src_.at(item["parent"]);
        if (nested_parent >= 0 &&
            raw_[static_cast<std::size_t>(nested_parent)].unit.id != *parent) {
          diags_.error(r.parent_loc,
                       tr("org unit {}: is nested under '{}' but says parent: '{}'", u.id,
                          raw_[static_cast<std::size_t>(nested_parent)].unit.id, *parent),
                       _("use either nesting under `children` or `parent:`, not both"));
          r.parent_ref.clear();
        }
      }
      std::ptrdiff_t me = static_cast<std::ptrdiff_t>(raw_.size());
      raw_.push_back(std::move(r));
      YAML::Node children = item["children"];
      if (!children.IsDefined() || children.IsNull()) continue;
      if (!children.IsSequence()) {
        diags_.error(src_.at(children), _("'children' must be a list of org units"),
                     _("write each unit under `children:` on its own line starting with `- `, like `- {id: jsjy-g01, name: 第一网格党支部}`"));
        continue;
      }
      if (!raw_.back().has_id && children.size() > 0)
        diags_.error(raw_.back().unit.loc, _("an org unit with children needs an id"),
                     _("add a line `id:` with lower-case letters, digits and '-', like `id: jsjy`"));
      collect(children, me);
    }
  }

  void resolve_parents() {
    std::unordered_map<std::string, std::size_t> by_id;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < raw_.size(); ++i)
      if (raw_[i].has_id && by_id.emplace(raw_[i].unit.id, i).second) ids.push_back(raw_[i].unit.id);
    std::sort(ids.begin(), ids.end());
    for (auto& r : raw_) {
      r.parent = r.nested_parent;
      if (r.nested_parent >= 0 || r.parent_ref.empty()) continue;
      auto it = by_id.find(r.parent_ref);
      if (it == by_id.end()) {
        report_unknown_ref(r.parent_loc, tr("org unit {}", r.unit.id), "parent", r.parent_ref,
                           RefKind::org_unit, ids, diags_);
        continue;
      }
      r.parent = static_cast<std::ptrdiff_t>(it->second);
    }
  }

  // Follows every parent chain once; a chain that comes back to itself is a
  // cycle, reported once at the `parent:` of its first unit in data order.
  void find_cycles() {
    enum State : char { unseen, on_path, done };
    std::vector<State> state(raw_.size(), unseen);
    std::vector<bool> dead(raw_.size(), false);  // in a cycle or below one
    for (std::size_t start = 0; start < raw_.size(); ++start) {
      std::vector<std::size_t> path;
      std::ptrdiff_t at = static_cast<std::ptrdiff_t>(start);
      while (at >= 0 && state[static_cast<std::size_t>(at)] == unseen) {
        state[static_cast<std::size_t>(at)] = on_path;
        path.push_back(static_cast<std::size_t>(at));
        at = raw_[static_cast<std::size_t>(at)].parent;
      }
      bool to_dead = false;
      if (at >= 0 && state[static_cast<std::size_t>(at)] == on_path) {
        auto first = std::find(path.begin(), path.end(), static_cast<std::size_t>(at));
        std::vector<std::size_t> cycle(first, path.end());
        std::size_t head = *std::min_element(cycle.begin(), cycle.end());
        // Print the cycle starting at its first unit, following parents.
        std::string chain = raw_[head].unit.id;
        std::size_t k = head;
        do {
          k = static_cast<std::size_t>(raw_[k].parent);
          chain += " → " + raw_[k].unit.id;
        } while (k != head);
        diags_.error(raw_[head].parent_loc.file.empty() ? raw_[head].unit.loc : raw_[head].parent_loc,
                     tr("org unit {}: parent cycle {}", raw_[head].unit.id, chain),
                     _("a unit cannot be its own ancestor; fix one of these `parent:` values"));
        for (std::size_t c : cycle) dead[c] = true;
        to_dead = true;
      } else if (at >= 0) {
        to_dead = dead[static_cast<std::size_t>(at)];
      }
      for (std::size_t p : path) {
        state[p] = done;
        if (to_dead) dead[p] = true;
      }
    }
    for (std::size_t i = 0; i < raw_.size(); ++i) raw_[i].excluded = dead[i];
  }

  // Appends raw unit `ri` and its subtree to the tree, depth first.
  std::size_t place(std::size_t ri, int depth, std::ptrdiff_t parent, std::size_t position) {
    RawUnit& r = raw_[ri];
    OrgUnit u = std::move(r.unit);
    if (!r.has_id && parent >= 0) {
      // A leaf (党员中心户) without id: its parent's id and its position.
      u.id = tree_.units[static_cast<std::size_t>(parent)].id + "-" + std::to_string(position + 1);
      ids_.claim(u.id, u.loc, diags_);
    }
    u.depth = depth;
    u.parent_index = parent;
    u.parent = parent >= 0 ? tree_.units[static_cast<std::size_t>(parent)].id : "";
    if (u.level.empty()) {
      if (static_cast<std::size_t>(depth) < tree_.levels.size()) {
        u.level = tree_.levels[static_cast<std::size_t>(depth)];
      } else {
        diags_.error(u.loc,
                     tr("org unit {} is at level {} but `levels` names only {}", u.id, depth + 1,
                        tree_.levels.size()),
                     _("add `level:` to the unit, or the name of this level to `levels:`"));
      }
    }
    std::size_t me = tree_.units.size();
    tree_.by_id.emplace(u.id, me);
    tree_.units.push_back(std::move(u));
    std::vector<std::size_t> kids = r.children;
    for (std::size_t i = 0; i < kids.size(); ++i) {
      std::size_t child = place(kids[i], depth + 1, static_cast<std::ptrdiff_t>(me), i);
      tree_.units[me].children.push_back(child);
    }
    return me;
  }

  const DataFile& file_;
  const YamlSource& src_;
  IdRegistry& ids_;
  Diagnostics& diags_;
  std::vector<RawUnit> raw_;
  OrgTree tree_;
};

}  // namespace

void roll_up_org(OrgTree& tree) {
  // Units are stored depth first, so every child comes after its parent:
  // walking backwards finishes each subtree before its parent needs it.
  for (std::size_t i = tree.units.size(); i-- > 0;) {
    OrgUnit& u = tree.units[i];
    u.units_below_by_level.clear();
    u.members_total = u.members;
    for (std::size_t c : u.children) {
      const OrgUnit& child = tree.units[c];
      if (!child.level.empty()) ++u.units_below_by_level[child.level];
      for (const auto& [level, n] : child.units_below_by_level) u.units_below_by_level[level] += n;
      u.members_total += child.members_total;
    }
  }
}

OrgTree load_org(const FileSystem& site, IdRegistry& ids, Diagnostics& diags) {
  auto file = read_data_file(site, kOrgFile, diags);
  if (!file) return {};
  return OrgLoader(*file, ids, diags).run();
}

}  // namespace hongfan
