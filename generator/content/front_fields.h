// The front matter hongfan reads beyond the keys every page has: photos and
// videos (any page), and the keys of volunteer activities, service brands
// and 三务公开 items (docs/content/reference/format.md). Read once, when
// the page is parsed, into typed fields that keep where each value is
// written, so later stages check them against data/, static/ and other
// pages and report at the right line without the YAML tree.
//
// A value of the wrong shape (a list where text belongs) is reported here;
// the page is still read, so the stage that uses these keys says in the
// same build what else is wrong or missing. What needs the rest of the site
// to judge (an unknown organiser, a photo not under static/, a colour that
// is not one of the 五彩) is checked by the stage that knows it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/yaml.h"

namespace hongfan {

/// A value as written and where: `loc` is empty (no file) when the key is
/// not there.
struct Written {
  std::string text;
  SourceLoc loc;
  /// The key is there with nothing after it (`start:`).
  bool empty = false;
  /// Written, but not as text (a list, say): reported already, so a later
  /// stage neither uses it nor calls it missing.
  bool unusable = false;

  bool given() const { return !loc.file.empty() && !empty && !unusable; }
  /// Not written, or with no value: `at` is where to say so (the key's
  /// line when it is there, else `otherwise`).
  bool missing() const { return loc.file.empty() || empty; }
  SourceLoc at(const SourceLoc& otherwise) const { return loc.file.empty() ? otherwise : loc; }
};

/// A reference from a page into data/ (org, grid, brand, station; an
/// activity's organizer), kept with its location so a dangling id can be
/// reported where it was written. Empty when not written as text.
struct DataRef {
  std::string id;
  SourceLoc loc;
};

/// `gallery:` and `video:`.
struct PageMedia {
  struct Photo {
    std::string path, caption;
    SourceLoc loc;  ///< of the path
  };
  /// `gallery: /images/folder/` (or one photo's path), as written.
  Written gallery_folder;
  /// `gallery:` as a list of photos.
  std::vector<Photo> gallery;
  /// `video:`, one path or a list of them.
  std::vector<Written> videos;

  bool empty() const { return !gallery_folder.given() && gallery.empty() && videos.empty(); }
};

/// content/activities/: when, where, who and how to sign up.
struct ActivityFields {
  Written start, end;  ///< date-times as written, parsed by domain/activities
  std::string place;
  DataRef organizer;   ///< an org unit's id, as written
  Written colour;      ///< `color:`, one of the 五彩 names
  std::optional<long long> capacity, points;
  std::string signup;  ///< `signup:` as text, or `signup.text`
  Written signup_url;  ///< `signup.url`, trimmed
  std::string signup_qr;
};

/// content/brands/.
struct BrandFields {
  std::string slogan, logo, colour;
};

/// content/gongkai/ (三务公开).
struct DisclosureFields {
  Written kind;      ///< `disclosure:`
  Written cadence;
  Written series;
  Written period;
  struct Approval {
    std::string proposed, reviewed, approved;
    Written date;
  };
  std::optional<Approval> approval;
  std::vector<Written> attachments;
};

// Readers for parse_page (content/page.cc): `fm` is the front matter,
// `src` says where its nodes are. Shapes that cannot be used are reported
// to `diags`.

DataRef read_data_ref(const YAML::Node& fm, const char* key, const YamlSource& src, Diagnostics& diags);
PageMedia read_page_media(const YAML::Node& fm, const YamlSource& src, Diagnostics& diags);
/// `featured: true` (or yes): read leniently, anything else is no.
bool read_featured(const YAML::Node& fm);
ActivityFields read_activity_fields(const YAML::Node& fm, const YamlSource& src, Diagnostics& diags);
BrandFields read_brand_fields(const YAML::Node& fm, const YamlSource& src, Diagnostics& diags);
DisclosureFields read_disclosure_fields(const YAML::Node& fm, const YamlSource& src, Diagnostics& diags);

}  // namespace hongfan
