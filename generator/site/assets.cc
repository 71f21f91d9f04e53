#include "site/assets.h"

#include <fmt/format.h>

#include "core/hash.h"
#include "core/i18n.h"
#include "core/slug.h"
#include "core/text.h"
#include "render/minify.h"
#include "site/output.h"

namespace hongfan {

std::string fingerprinted_name(const std::string& path, std::string_view contents) {
  auto dot = path.rfind('.');
  auto slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) dot = path.size();
  return path.substr(0, dot) + "." + short_hash(contents, 8) + path.substr(dot);
}

namespace {

bool needs_fingerprint(const std::string& path) {
  return ends_with(path, ".css") || ends_with(path, ".js");
}

// Walks like walk_files but reports symbolic links instead of following them:
// a link could publish a file from outside the site.
void collect(const StaticDir& d, const std::string& dir, std::vector<std::string>& out,
             Diagnostics& diags) {
  for (const auto& e : d.fs->list(dir)) {
    std::string path = path_join(dir, e.name);
    std::string shown = d.display + path.substr(d.dir.size());
    if (e.name.empty() || e.name[0] == '.') continue;
    if (e.is_symlink) {
      diags.error({shown}, _("symbolic links are not published from static/"),
                  _("copy the file into static/ instead of linking to it"));
      continue;
    }
    if (e.is_dir) collect(d, path, out, diags);
    else out.push_back(path);
  }
}

}  // namespace

StaticPlan plan_static(const std::vector<StaticDir>& dirs, Diagnostics& diags) {
  std::map<std::string, StaticFile> by_path;
  for (const auto& d : dirs) {
    if (!d.fs->is_dir(d.dir)) continue;
    std::vector<std::string> files;
    collect(d, d.dir, files, diags);
    for (const auto& f : files) {
      std::string rel = f.substr(d.dir.size() + 1);
      if (!is_safe_relative_path(rel)) {
        diags.error({d.display + "/" + rel}, _("this file name cannot be published"),
                    _("rename the file without a backslash (\\) or invisible characters"));
        continue;
      }
      by_path[rel] = {d.fs, f, rel, nullptr};
    }
  }
  StaticPlan plan;
  for (auto& [rel, file] : by_path) {
    if (needs_fingerprint(rel)) {
      auto text = file.fs->read(file.source);
      if (!text) {
        diags.error({file.source}, _("cannot read this file"),
                    _("check that the file is not open in another program and that you may read it"));
        continue;
      }
      // Stylesheets are published minified; the hash is of what is published.
      if (ends_with(rel, ".css")) file.contents = std::make_shared<const std::string>(minify_css(*text));
      file.published = fingerprinted_name(rel, file.contents ? *file.contents : *text);
      plan.assets[rel] = file.published;
    }
    plan.files.push_back(file);
  }
  return plan;
}

}  // namespace hongfan
