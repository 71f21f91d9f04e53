// Volunteer activities (content/activities/) and service brands
// (content/brands/): the front matter docs/content/reference/format.md adds to these sections,
// read and checked against each other and against data/. Here in domain/,
// not content/, because it joins the two: content never sees data/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/collection.h"
#include "core/diagnostics.h"
#include "data/site_data.h"

namespace hongfan {

/// The 五彩 volunteer colours, in their customary order.
struct WucaiColour {
  const char* name;  ///< 红色教育
  const char* css;   ///< "red": the class suffix in the theme
  const char* hex;   ///< for the SVG chart
};
const std::vector<WucaiColour>& wucai_colours();
/// Index into wucai_colours(), or -1.
int wucai_index(std::string_view name);

struct Brand {
  const Page* page = nullptr;
  std::string id;  ///< the page's slug
  std::string slogan, org, logo, colour;
};

struct Activity {
  const Page* page = nullptr;
  std::int64_t start = 0, end = 0;  ///< epoch seconds
  std::string place;                ///< free text, when no station
  DataRef station, organizer;
  std::string brand;                ///< brand id, checked
  std::string brand_title;          ///< its page's title; "" when no brand
  int colour = -1;                  ///< index into wucai_colours(), -1 when not given
  std::optional<long long> capacity, points;
  std::string signup;      ///< how to sign up, as text (`signup:` or `signup.text`)
  std::string signup_url;  ///< `signup.url`: an online form
  std::string signup_qr;   ///< `signup.qr`: an image to scan (site path)
};

struct Programme {
  std::vector<Brand> brands;          ///< by id
  std::vector<Activity> activities;   ///< by start, then source path

  const Brand* brand(const std::string& id) const;
};

/// Reads brands and activities from `content`, reporting end-before-start,
/// unknown colours and dangling brand and organiser ids (organisers only
/// when data/ has units). The references every page may have (org, grid,
/// station) are checked once for all pages, by site/link_data.cc. Pages
/// with errors are left out.
Programme read_programme(const ContentSet& content, const SiteData& data, Diagnostics& diags);

}  // namespace hongfan
