// The pages of volunteer activities and service brands (docs/content/reference/urls.md):
// /activities/ (upcoming and past), /activities/YYYY/MM/ month calendars,
// /activities/SLUG/, the .ics calendars, /brands/ and /brands/ID/.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "domain/activities.h"
#include "site/plan.h"

namespace hongfan {

/// An activity as lists show it: title, url, when, status, colour, place.
Data activity_card(const ViewContext& v, const Activity& a, const std::string& root);

/// The activities not yet over at `now`, soonest first, at most `limit`.
std::vector<const Activity*> upcoming_activities(const Programme& prog, std::int64_t now,
                                                 std::size_t limit = SIZE_MAX);

/// A brand as lists show it: id, title, url, slogan, logo.
Data brand_card(const ViewContext& v, const Brand& b, const std::string& root);

/// `prog` must outlive the plan's jobs.
void plan_activity_pages(OutputPlan& plan, const Programme& prog);
void plan_brand_pages(OutputPlan& plan, const Programme& prog);

}  // namespace hongfan
