// /stations/ and /stations/ID/: service positions, what they offer, when
// they open, and a map link that opens the phone's map app.
#include <fmt/format.h>

#include "core/text.h"
#include "render/data_views.h"

namespace hongfan {

namespace {

std::string percent_encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

Data station_entry(const ViewContext& ctx, const Station& s, const std::string& root) {
  Data e;
  e.set("id", s.id);
  e.set("name", s.name);
  e.set("url", root + station_url(s.id));
  e.set("kind", text_or_false(s.kind));
  e.set("address", text_or_false(s.address));
  e.set("hours", text_or_false(s.hours));
  e.set("phone", text_or_false(s.phone));
  e.set("tel", s.phone.empty() ? Data(false) : Data(tel_href(s.phone)));
  const OrgUnit* u = ctx.data->org.find(s.org);
  e.set("org", u ? Data(u->name) : Data(false));
  e.set("org_url", u ? Data(root + org_url(u->id)) : Data(false));
  Data services(Data::type::list);
  for (const auto& x : s.services) services.push_back(Data(x));
  e.set("services", services);
  e.set("has_services", !s.services.empty());
  // A link only (amap URI API): the phone opens its map app; nothing is
  // embedded, so the page makes no third-party request.
  if (s.location)
    e.set("map_url", fmt::format("https://uri.amap.com/marker?position={:.6f},{:.6f}&name={}",
                                 s.location->first, s.location->second, percent_encode(s.name)));
  else
    e.set("map_url", false);
  return e;
}

}  // namespace

Data stations_index_view(const ViewContext& ctx, const std::string& root) {
  Data d = frame_view(ctx, {"stations/", "服务阵地", "党群服务中心和红帆驿站：地址、开放时间、服务项目和电话。",
                            "", "website"});
  Data list(Data::type::list);
  for (const Station& s : ctx.data->stations) list.push_back(station_entry(ctx, s, root));
  d.set("stations", list);
  return d;
}

Data station_view(const ViewContext& ctx, const RelatedPages& related, const Station& s,
                  const std::string& root) {
  std::string description = s.name;
  if (!s.address.empty()) description += "，地址：" + s.address;
  if (!s.hours.empty()) description += "，开放时间：" + s.hours;
  Data d = frame_view(ctx, {station_url(s.id), s.name, description, "", "website"});
  d.set("station", station_entry(ctx, s, root));
  d.set("stations_url", root + "stations/");
  auto it = related.by_station.find(s.id);
  Data pages = it == related.by_station.end() ? Data(Data::type::list) : related_cards(ctx, it->second, root);
  d.set("has_related", !pages.is_empty_list());
  d.set("related", pages);
  return d;
}

}  // namespace hongfan
