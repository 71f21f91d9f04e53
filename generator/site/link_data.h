// The link between content and data: every page's `org`, `grid` and
// `station` must name something in data/, reported where it was written.
#pragma once

#include "content/collection.h"
#include "core/diagnostics.h"
#include "data/site_data.h"

namespace hongfan {

/// Reports every page reference into data/ that names nothing.
void link_data_refs(const ContentSet& content, const SiteData& data, Diagnostics& diags);

}  // namespace hongfan
