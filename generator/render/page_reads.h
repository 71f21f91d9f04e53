// Which pages, and whether data/, a file's view showed, noted while it
// renders.
//
// `serve` re-renders, after an edit of a page, exactly the files whose last
// render read that page: its own page, its neighbours, every list, related
// list (org, grid, station, brand), calendar and archive showing its card.
// The views note what they read (page_card() for every card), so the edges
// are recorded, not kept by hand. site/build.cc turns them into the set of
// files to render; tests/unit/quick_rebuild_test.cc checks that, for every
// page of the demo, the files rendered after an edit equal a full build.
//
// data/ is noted the same way, as one source (kDataSource): a view reads it
// only through ViewContext::data, which notes each use. An edit of any data
// file then re-renders the files that showed data/, and no others.
//
// So are the site's templates: TemplateSet::render notes the file a page
// template came from and each partial inlined into it ("templates/x.html",
// "themes/NAME/templates/partials/y.html"). An edit of a template then
// re-renders the files made with it. The built-in theme's files are not
// noted: they change only with hongfan itself, which renders every file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/page.h"

namespace hongfan::page_reads {

/// The source name the files that showed data/ are noted under.
inline constexpr const char* kDataSource = "data/";

/// Whether a site file is one of data/: its edits are edits of kDataSource.
inline bool is_data_file(std::string_view path) { return path.substr(0, 5) == kDataSource; }

/// Whether a site file is a template of the site's own (templates/, or a
/// theme copied into themes/): noted by the files rendered with it.
bool is_template_file(std::string_view path);

/// Whether a site file, or a noted source, is a content page
/// ("content/…/x.md"): the only sources that sit somewhere
/// (placement_signature). data/ and the templates place no page.
bool is_content_page(std::string_view path);

/// The source an edit of the site file `path` is an edit of: a content page
/// or a template itself, any file of data/ kDataSource. Empty for any other
/// file (site.yaml, static files …): its edit makes a whole build.
std::string source_of_edit(std::string_view path);

/// While a Scope lives, this thread renders one file: the note functions
/// append the sources it shows to `into` (null: nothing is noted), each
/// a string that outlives the render (a page's `source`, kDataSource, a
/// template's path). Scopes do not nest.
class Scope {
 public:
  explicit Scope(std::vector<const std::string*>* into);
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;
};

/// `page` is shown by the file being rendered on this thread.
void note(const Page& page);

/// The file being rendered on this thread shows data/: noted as
/// kDataSource. False when this thread renders no file (it plans).
bool note_data();

/// The file being rendered on this thread is made with the template file
/// `path` (a site path, is_template_file()), which must outlive the render.
void note_template(const std::string& path);

}  // namespace hongfan::page_reads
