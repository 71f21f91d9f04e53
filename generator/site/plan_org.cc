#include "site/plan.h"
namespace hongfan {
void plan_org_pages(OutputPlan&) {}
void plan_grid_pages(OutputPlan&) {}
void plan_station_pages(OutputPlan&) {}
}
