// Linking pages into sections and taxonomies, ordered the way portals list
// them: pinned first, then newest first.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "content/page.h"
#include "core/diagnostics.h"

namespace hongfan {

struct Section {
  std::string name;   ///< folder name: "news"
  std::string title;  ///< `_index.md` title, else a default (新闻动态 …)
  std::string url;    ///< "news/"
  const Page* index = nullptr;      ///< its `_index.md`, if any
  std::vector<const Page*> pages;   ///< pinned first, then by date, newest first
};

struct Term {
  std::string name;  ///< as written
  std::string slug;  ///< path segment
  std::string url;   ///< "tags/志愿服务/"
  std::vector<const Page*> pages;  ///< newest first
};

struct Taxonomy {
  std::string key;    ///< front matter key and URL segment: "tags"
  std::string title;  ///< 标签
  std::vector<Term> terms;  ///< by slug
};

/// Everything in content/, linked. Owns the pages.
struct ContentSet {
  std::vector<Page> pages;        ///< every published page, sorted by source path
  std::vector<Section> sections;  ///< by name
  Taxonomy tags{"tags", "标签", {}};
  Taxonomy categories{"categories", "分类", {}};

  const Section* section(const std::string& name) const;
  /// Published regular pages (no section indexes), newest first.
  std::vector<const Page*> dated_pages() const;
};

/// Title shown for a section folder without `_index.md`.
std::string default_section_title(const std::string& name);

/// Sorts pages into sections and taxonomies; reports two pages that would
/// be written to the same URL. `pages` must not change afterwards.
void link_content(ContentSet& set, Diagnostics& diags);

/// The order of lists: pinned first, then newest first, then by title, then
/// by source path so that equal dates never depend on thread timing.
bool list_order(const Page* a, const Page* b);

}  // namespace hongfan
