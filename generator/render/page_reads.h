// Which pages a file's view showed, noted while it renders.
//
// `serve` re-renders, after an edit of a page, exactly the files whose last
// render read that page: its own page, its neighbours, every list, related
// list (org, grid, station, brand), calendar and archive showing its card.
// The views note what they read (page_card() for every card), so the edges
// are recorded, not kept by hand. site/build.cc turns them into the set of
// files to render; tests/unit/quick_rebuild_test.cc checks that, for every
// page of the demo, the files rendered after an edit equal a full build.
#pragma once

#include <vector>

#include "content/page.h"

namespace hongfan::page_reads {

/// While a Scope lives, note() on this thread appends to `into`
/// (null: nothing is noted). Scopes do not nest.
class Scope {
 public:
  explicit Scope(std::vector<const Page*>* into);
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;
};

/// `page` is shown by the file being rendered on this thread.
void note(const Page& page);

}  // namespace hongfan::page_reads
