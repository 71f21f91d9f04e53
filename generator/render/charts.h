// Bar charts drawn at build time as inline SVG (no script, no chart
// library): the view computes every coordinate, the template only places
// them. Each chart carries a <title> and a data table for readers who
// cannot see it.
#pragma once

#include <string>
#include <vector>

#include "render/templates.h"

namespace hongfan {

struct ChartBar {
  std::string label;        ///< full, for the table and the bar's <title>
  std::string short_label;  ///< under the bar
  long long value = 0;
  std::string colour;       ///< fill; "" → the theme's red
};

/// Template data for partials/chart.html: id, title, unit, width, height,
/// bars (x, y, w, h, fill, label, short_label, value, text positions).
Data chart_view(const std::string& id, const std::string& title, const std::string& unit,
                const std::vector<ChartBar>& bars);

}  // namespace hongfan
