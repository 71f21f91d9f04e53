// 三务公开 pages (docs/content/reference/urls.md): /gongkai/ by kind and period, newest first,
// and /gongkai/SLUG/ with its approval trail and attachments.
#pragma once

#include <vector>

#include "content/disclosures.h"
#include "core/diagnostics.h"
#include "site/assets.h"
#include "site/plan.h"

namespace hongfan {

/// Reports each attachment that is not a file under static/ (or the
/// theme's): residents would get a dead link to the document itself.
void check_attachments(const std::vector<Disclosure>& disclosures, const StaticPlan& statics,
                       Diagnostics& diags);

/// Plans /gongkai/ and one page per disclosure; nothing when there are none.
void plan_gongkai_pages(OutputPlan& plan, const std::vector<Disclosure>& disclosures);

}  // namespace hongfan
