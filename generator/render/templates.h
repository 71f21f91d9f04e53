// Mustache templates: the theme's, overridden file by file by the site's.
//
// Partials (`{{> header}}` → partials/header.html) are expanded into each
// page template once at load time, so a page render never parses template
// text; a missing partial is an error at the tag's line and column.
#pragma once

#include <kainjow/mustache.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/fs.h"

namespace hongfan {

/// What a template is rendered with: kainjow's data, except that a value
/// handed over as a temporary is moved in. kainjow's own set() and
/// push_back() copy the value and everything inside it: each card into its
/// list, each list into its page, the page frame into every page. At 10,000
/// articles those copies were a tenth of a build's CPU time.
class Data : public kainjow::mustache::data {
 public:
  using Base = kainjow::mustache::data;
  using Base::Base;
  Data() = default;
  Data(const Data&) = default;
  Data(Data&&) = default;
  Data& operator=(Data&&) = default;
  Data(const Base& d) : Base(d) {}
  Data(Base&& d) : Base(std::move(d)) {}
  /// A string value that takes `s` over instead of copying it.
  Data(std::string&& s) : Base(type::string) { const_cast<std::string&>(string_value()) = std::move(s); }

  using Base::set;
  void set(const std::string& name, Base&& value) {
    if (is_object()) (*this)[name] = std::move(value);
  }
  using Base::push_back;
  void push_back(Base&& value) {
    // The list is this object's own; kainjow offers it only as const.
    if (is_list()) const_cast<kainjow::mustache::basic_list<std::string>&>(list_value()).push_back(std::move(value));
  }
};

/// Where template files come from: a folder of a file system, shown to the
/// user under `display` (e.g. "themes/default/templates").
struct TemplateDir {
  const FileSystem* fs = nullptr;
  std::string dir;
  std::string display;
  /// The folder is the site's (`fs` is the site folder): a render notes
  /// the files it used (render/page_reads.h), so that a build after an
  /// edit of one renders again only the files made with it.
  bool in_site = false;
};

class TemplateSet {
 public:
  /// Loads every *.html under each dir; later dirs override earlier ones by
  /// relative name. Reports syntax errors and missing partials.
  static std::optional<TemplateSet> load(const std::vector<TemplateDir>& dirs, Diagnostics& diags);

  // Moved, never copied: expanded_ points into sources_.
  TemplateSet() = default;
  TemplateSet(TemplateSet&&) = default;
  TemplateSet& operator=(TemplateSet&&) = default;
  TemplateSet(const TemplateSet&) = delete;
  TemplateSet& operator=(const TemplateSet&) = delete;

  bool has(const std::string& name) const { return expanded_.count(name) > 0; }

  /// Renders template `name` with `data`, appending to `out`. Thread-safe:
  /// each thread compiles its own copy once. Throws std::runtime_error on a
  /// render error (a template bug, not user data).
  void render(const std::string& name, const Data& data, std::string& out) const;

  /// Renders with two layers: names are looked up in `page` first, then in
  /// `shared` (data common to many pages, built once).
  void render(const std::string& name, const Data& shared, const Data& page, std::string& out) const;

 private:
  struct Source {
    std::string text;
    std::string display_path;
    std::string site_path;  ///< the file in the site folder; empty for the built-in theme's
  };
  struct Expanded {
    std::string text;  ///< partials inlined
    /// The site's files it was made of (its own, its partials'), noted by
    /// each render. Point into sources_.
    std::vector<const std::string*> made_of;
  };
  std::map<std::string, Source> sources_;     // every file, by relative name
  std::map<std::string, Expanded> expanded_;  // page templates
  void note_sources(const std::string& name) const;
  kainjow::mustache::mustache& compiled(const std::string& name) const;
  std::uint64_t generation_ = 0;
};

}  // namespace hongfan
