// Photos and videos named in front matter (docs/content/reference/format.md): `gallery` (a list of
// images, each a path or {src, caption}, or one folder under static/ taken in
// name order) and `video` (a local .mp4 or a list of them) are added after
// a page's text; `featured: true` makes the newest such page the home
// page's lead story, with its photo.
#pragma once

#include <string>

#include "content/page.h"
#include "core/diagnostics.h"
#include "render/images.h"
#include "site/plan.h"

namespace hongfan {

/// Appends the page's front matter video(s) and gallery to its content_html.
/// An image or video that is not published is an error at its line.
/// `gallery_js` is the published path of the gallery script ("" for none).
void add_page_media(Page& page, const ImageSet& images, const VideoSet& videos, const std::string& gallery_js,
                    Diagnostics& diags);

/// Adds `lead` to the home page: the newest page with `featured: true`
/// (title, url, date, summary and its photo as `picture`), or false.
void plan_lead_story(OutputPlan& plan);

}  // namespace hongfan
