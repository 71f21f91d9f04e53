#include "content/front_fields.h"

#include "core/i18n.h"
#include "core/text.h"

namespace hongfan {

namespace {

// `key`'s text and where it is, when it is text; reported when it is not.
Written written(const YAML::Node& map, const char* key, const YamlSource& src, Diagnostics& diags) {
  Written w;
  const YAML::Node node = map.IsMap() ? map[key] : YAML::Node();
  if (!node.IsDefined()) return w;
  w.loc = src.at(node);
  if (node.IsNull()) {
    // Nothing after the colon has no place of its own: the key's is where
    // staff look.
    w.empty = true;
    for (const auto& kv : map)
      if (kv.first.IsScalar() && kv.first.Scalar() == key) w.loc = src.at(kv.first);
  } else if (auto v = yaml_string(map, key, src, diags)) {
    w.text = *v;
  } else {
    w.unusable = true;
  }
  return w;
}

std::string text_of(const YAML::Node& map, const char* key, const YamlSource& src, Diagnostics& diags) {
  return yaml_string(map, key, src, diags).value_or("");
}

}  // namespace

DataRef read_data_ref(const YAML::Node& fm, const char* key, const YamlSource& src, Diagnostics& diags) {
  const Written w = written(fm, key, src, diags);
  return w.given() ? DataRef{w.text, w.loc} : DataRef{};
}

PageMedia read_page_media(const YAML::Node& fm, const YamlSource& src, Diagnostics& diags) {
  PageMedia media;
  if (!fm.IsMap()) return media;
  if (const YAML::Node gallery = fm["gallery"]; gallery.IsDefined() && !gallery.IsNull()) {
    if (gallery.IsScalar()) {
      media.gallery_folder = {gallery.Scalar(), src.at(gallery)};
    } else if (!gallery.IsSequence()) {
      diags.error(src.at(gallery), _("front matter: gallery must be a folder or a list of photos"),
                  _("write `gallery: /images/folder/`, or one photo per line: `- /images/photo.jpg`"));
    } else {
      for (const auto& item : gallery) {
        if (item.IsScalar()) {
          media.gallery.push_back({item.Scalar(), "", src.at(item)});
        } else if (item.IsMap() && item["src"] && item["src"].IsScalar()) {
          const YAML::Node caption = item["caption"];
          media.gallery.push_back({item["src"].Scalar(), caption && caption.IsScalar() ? caption.Scalar() : "",
                                   src.at(item["src"])});
        } else {
          diags.error(src.at(item), _("front matter: a gallery photo must be a path or {src, caption}"),
                      _("write `- /images/photo.jpg` or `- {src: /images/photo.jpg, caption: 说明}`"));
        }
      }
    }
  }
  if (const YAML::Node video = fm["video"]; video.IsDefined() && !video.IsNull()) {
    std::vector<YAML::Node> list;
    if (video.IsSequence())
      for (const auto& n : video) list.push_back(n);
    else
      list.push_back(video);
    for (const auto& n : list) {
      if (n.IsScalar())
        media.videos.push_back({n.Scalar(), src.at(n)});
      else
        diags.error(src.at(n), _("front matter: video must be the path of an .mp4 file"),
                    _("write `video: /videos/name.mp4`"));
    }
  }
  return media;
}

bool read_featured(const YAML::Node& fm) {
  if (!fm.IsMap()) return false;
  const YAML::Node f = fm["featured"];
  return f && f.IsScalar() && (f.Scalar() == "true" || f.Scalar() == "yes");
}

ActivityFields read_activity_fields(const YAML::Node& fm, const YamlSource& src, Diagnostics& diags) {
  ActivityFields a;
  a.start = written(fm, "start", src, diags);
  a.end = written(fm, "end", src, diags);
  a.place = text_of(fm, "place", src, diags);
  a.organizer = read_data_ref(fm, "organizer", src, diags);
  a.colour = written(fm, "color", src, diags);
  a.capacity = yaml_int(fm, "capacity", src, diags);
  a.points = yaml_int(fm, "points", src, diags);
  // `signup:` is text, or {text, url, qr} (docs/content/reference/format.md).
  if (const YAML::Node su = fm["signup"]; su.IsDefined() && su.IsMap()) {
    a.signup = text_of(su, "text", src, diags);
    a.signup_url = written(su, "url", src, diags);
    a.signup_url.text = std::string(trim(a.signup_url.text));
    a.signup_qr = std::string(trim(text_of(su, "qr", src, diags)));
  } else {
    a.signup = text_of(fm, "signup", src, diags);
  }
  return a;
}

BrandFields read_brand_fields(const YAML::Node& fm, const YamlSource& src, Diagnostics& diags) {
  BrandFields b;
  b.slogan = text_of(fm, "slogan", src, diags);
  b.logo = text_of(fm, "logo", src, diags);
  b.colour = text_of(fm, "color", src, diags);
  return b;
}

DisclosureFields read_disclosure_fields(const YAML::Node& fm, const YamlSource& src, Diagnostics& diags) {
  DisclosureFields d;
  d.kind = written(fm, "disclosure", src, diags);
  d.cadence = written(fm, "cadence", src, diags);
  d.series = written(fm, "series", src, diags);
  d.period = written(fm, "period", src, diags);
  if (const YAML::Node a = fm["approval"]; a.IsDefined() && !a.IsNull()) {
    if (!a.IsMap()) {
      diags.error(src.at(a), _("`approval:` must list who proposed, reviewed and approved it"),
                  _("write it like `approval: {proposed: 社区党委, reviewed: 两委联席会议, approved: 街道党工委, date: 2024-07-05}`"));
    } else {
      DisclosureFields::Approval ap;
      ap.proposed = text_of(a, "proposed", src, diags);
      ap.reviewed = text_of(a, "reviewed", src, diags);
      ap.approved = text_of(a, "approved", src, diags);
      ap.date = written(a, "date", src, diags);
      d.approval = ap;
    }
  }
  if (const YAML::Node list = fm["attachments"]; list.IsDefined() && !list.IsNull()) {
    if (auto items = yaml_string_list(fm, "attachments", src, diags)) {
      std::size_t i = 0;
      for (const auto& path : *items) {
        SourceLoc loc = list.IsSequence() && i < list.size() ? src.at(list[i]) : src.at(list);
        d.attachments.push_back({std::string(trim(path)), loc});
        ++i;
      }
    }
  }
  return d;
}

}  // namespace hongfan
