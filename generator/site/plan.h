// Planning the outputs: one job per file to write, each knowing its path and
// how to render itself, so the writer can run them on the worker pool.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "render/templates.h"
#include "render/view.h"

namespace hongfan {

struct OutputJob {
  std::string path;                              ///< inside the output, e.g. "news/x/index.html"
  std::function<void(std::string& out)> render;  ///< appends the file's bytes
};

/// Every HTML page, list, taxonomy page, feed, sitemap, robots.txt and 404.
/// The view context and templates must outlive the jobs.
std::vector<OutputJob> plan_outputs(const ViewContext& view, const TemplateSet& templates);

}  // namespace hongfan
