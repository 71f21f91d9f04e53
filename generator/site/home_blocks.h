// The home page's blocks beyond news and notices (docs/content/reference/urls.md, "/"): headline
// figures stated and computed, upcoming activities, brands, the top 5 of
// each ranking, hotlines, and two charts drawn at build time.
#pragma once

#include "domain/activities.h"
#include "site/plan.h"

namespace hongfan {

/// `prog` must outlive the plan's jobs.
void plan_home_blocks(OutputPlan& plan, const Programme& prog);

}  // namespace hongfan
