// Points rankings (/points/, /points/YYYY/, /points/YYYY/MM/, /points/grids/,
// /points/rewards/), the honour rolls (/honors/) and the home page's blocks
// of activities, rankings, figures, hotlines and charts.
#pragma once

#include "content/activities.h"
#include "site/plan.h"

namespace hongfan {

void plan_points_pages(OutputPlan& plan);
void plan_honor_pages(OutputPlan& plan);
/// `prog` must outlive the plan's jobs.
void plan_home_blocks(OutputPlan& plan, const Programme& prog);

}  // namespace hongfan
