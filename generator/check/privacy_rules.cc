// Rule: no unmasked mobile number is published, in any section or data
// file. A staff phone residents should call is fine (docs/content/reference/format.md, 隐私规则 shows staff
// contacts in full): one written as the `phone:` (or `contact:`) of the
// staff files below, or the same number quoted elsewhere.
#include <set>

#include "check/check.h"
#include "core/i18n.h"
#include "core/privacy.h"

namespace hongfan {

namespace {

// Where docs/content/reference/format.md, 隐私规则 puts staff contacts: grids' staff, stations, hotlines,
// unit secretaries and the site's owner (filing.contact).
bool staff_file(const std::string& file) {
  for (const char* f : {"data/grids.yaml", "data/stations.yaml", "data/contacts.yaml", "data/org.yaml",
                        "data/grids.yml", "data/stations.yml", "data/contacts.yml", "data/org.yml", "site.yaml"})
    if (file == f) return true;
  return false;
}

void report(const MobileMention& m, Diagnostics& diags) {
  diags.warning(m.loc, tr("mobile number {} is not masked: it would be published in full", m.text),
                tr("write {} instead; if it is a staff phone residents should call, list it as a phone in "
                   "data/grids.yaml, stations.yaml or contacts.yaml",
                   mask_mobile(m.text)));
}

}  // namespace

void check_privacy(const CheckContext& ctx, Diagnostics& diags) {
  const PreparedSite& s = *ctx.prepared;
  std::set<std::string> staff;
  for (const auto& m : s.data.mobiles)
    if (m.contact && staff_file(m.loc.file)) staff.insert(number_digits(m.text));
  auto known = [&](const MobileMention& m) { return staff.count(number_digits(m.text)) > 0; };
  for (const auto& m : s.data.mobiles)
    if (!(m.contact && staff_file(m.loc.file)) && !known(m)) report(m, diags);
  for (const auto& p : s.content.pages)
    for (const auto& m : p.mobiles)
      if (!known(m)) report(m, diags);
}

}  // namespace hongfan
