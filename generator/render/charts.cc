#include "render/charts.h"

#include <fmt/format.h>

#include <algorithm>

namespace hongfan {

Data chart_view(const std::string& id, const std::string& title, const std::string& unit,
                const std::vector<ChartBar>& bars) {
  // Narrower bars when there are many, so twelve months still read at
  // phone width (the SVG scales to the column, text with it).
  const bool many = bars.size() > 6;
  const int kBarWidth = many ? 24 : 48, kGap = many ? 6 : 14;
  constexpr int kPlotHeight = 160, kTop = 24, kBottom = 28, kLeft = 4;
  const int width = kLeft * 2 + static_cast<int>(bars.size()) * (kBarWidth + kGap);
  const int height = kTop + kPlotHeight + kBottom;
  long long max = 1;
  for (const auto& b : bars) max = std::max(max, b.value);
  Data d;
  d.set("id", id);
  d.set("title", title);
  d.set("unit", unit);
  d.set("width", std::to_string(width));
  d.set("height", std::to_string(height));
  d.set("baseline", std::to_string(kTop + kPlotHeight));
  Data list(Data::type::list);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    int h = static_cast<int>(b.value * kPlotHeight / max);
    int x = kLeft + static_cast<int>(i) * (kBarWidth + kGap) + kGap / 2;
    int y = kTop + kPlotHeight - h;
    Data e;
    e.set("x", std::to_string(x));
    e.set("y", std::to_string(y));
    e.set("w", std::to_string(kBarWidth));
    e.set("h", std::to_string(h));
    e.set("fill", b.colour.empty() ? std::string("#c8161d") : b.colour);
    e.set("label", b.label);
    e.set("short_label", b.short_label);
    e.set("value", std::to_string(b.value));
    e.set("cx", std::to_string(x + kBarWidth / 2));
    e.set("value_y", std::to_string(y - 6));
    e.set("label_y", std::to_string(kTop + kPlotHeight + 18));
    list.push_back(e);
  }
  d.set("bars", list);
  return d;
}

}  // namespace hongfan
