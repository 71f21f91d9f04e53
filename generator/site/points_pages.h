// Points rankings (/points/, /points/YYYY/, /points/YYYY/MM/, /points/grids/,
// /points/rewards/) and the honour rolls (/honors/).
#pragma once

#include <vector>

#include "domain/rankings.h"
#include "site/plan.h"

namespace hongfan {

void plan_points_pages(OutputPlan& plan);
void plan_honor_pages(OutputPlan& plan);

/// Ranking tables (partials/ranking-table.html) per category for `periods`:
/// [{category, tables}], each table the top `top` of the ledger.
Data ranking_groups(const ViewContext& v, const std::vector<Period>& periods, int top, const std::string& root);

}  // namespace hongfan
