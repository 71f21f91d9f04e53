#include "studio/site_ops.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/fs.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/timings.h"
#include "site/build.h"
#include "studio/page_text.h"
#include "studio/paths.h"

namespace hongfan::studio {

namespace {

// The site as on disk with some files replaced (or added) or taken out:
// what the build would see if the form were saved.
class OverlayFileSystem final : public FileSystem {
 public:
  OverlayFileSystem(const FileSystem& base, std::map<std::string, std::string> files, std::vector<std::string> hidden = {})
      : base_(base), files_(std::move(files)), hidden_(std::move(hidden)) {}
  std::optional<std::string> read(const std::string& p) const override {
    if (auto it = files_.find(p); it != files_.end()) return it->second;
    if (is_hidden(p)) return std::nullopt;
    return base_.read(p);
  }
  bool is_file(const std::string& p) const override {
    return files_.count(p) || (!is_hidden(p) && base_.is_file(p));
  }
  bool is_dir(const std::string& p) const override {
    if (base_.is_dir(p)) return true;
    for (const auto& [path, text] : files_)
      if (starts_with(path, p + "/")) return true;
    return false;
  }
  std::vector<DirEntry> list(const std::string& dir) const override {
    std::vector<DirEntry> entries;
    std::string prefix = dir.empty() ? "" : dir + "/";
    for (auto& e : base_.list(dir))
      if (!is_hidden(prefix + e.name)) entries.push_back(std::move(e));
    for (const auto& [path, text] : files_) {
      if (!starts_with(path, prefix)) continue;
      std::string rest = path.substr(prefix.size());
      auto slash = rest.find('/');
      DirEntry e{slash == std::string::npos ? rest : rest.substr(0, slash), slash != std::string::npos, false};
      if (std::none_of(entries.begin(), entries.end(), [&](const DirEntry& x) { return x.name == e.name; }))
        entries.push_back(e);
    }
    std::sort(entries.begin(), entries.end(), [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
    return entries;
  }
  std::string stamp(const std::string& p) const override {
    return files_.count(p) ? std::string() : base_.stamp(p);
  }

 private:
  bool is_hidden(const std::string& p) const { return std::find(hidden_.begin(), hidden_.end(), p) != hidden_.end(); }
  const FileSystem& base_;
  std::map<std::string, std::string> files_;
  std::vector<std::string> hidden_;
};

}  // namespace

std::int64_t build_now(const App& app) { return app.now ? app.now : static_cast<std::int64_t>(std::time(nullptr)); }

std::string preview_root(const App& app) { return app.site + "/.hongfan-studio/preview/public"; }

std::string draft_path(const App& app, const std::string& path) { return app.site + "/.hongfan-studio/drafts/" + path; }

std::optional<std::string> version_with_hash(App& app, const std::string& path, const std::string& hash) {
  for (const auto& r : app.repo->history(path, 20))
    if (auto text = app.repo->file_at(r.id, path); text && content_hash(*text) == hash) return text;
  return std::nullopt;
}

std::string read_draft(const App& app, const std::string& path) {
  std::ifstream in(draft_path(app, path), std::ios::binary);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void keep_draft(const App& app, const std::string& path, const std::string& text) {
  std::error_code ec;
  std::filesystem::path p = draft_path(app, path);
  std::filesystem::create_directories(p.parent_path(), ec);
  std::ofstream(p, std::ios::binary) << text;
}

std::vector<Diagnostic> validate_page(App& app, const std::string& path, const std::string& text) {
  return validate_with(app, {{path, text}}, {}, path);
}

namespace {

// The errors a build (reading stages only, like `hongfan check`) finds.
std::vector<Diagnostic> site_errors(const FileSystem& site, const App& app) {
  BuildOptions options;
  options.drafts = true;
  options.now = build_now(app);
  Diagnostics diags;
  Timings timings;
  prepare_site(site, options, diags, timings);
  std::vector<Diagnostic> out;
  for (auto& d : diags.sorted())
    if (d.severity == Severity::error) out.push_back(std::move(d));
  return out;
}

}  // namespace

std::vector<Diagnostic> validate_with(App& app, const std::map<std::string, std::string>& replace,
                                      const std::vector<std::string>& hide, const std::string& file) {
  DiskFileSystem disk(app.site);
  OverlayFileSystem site(disk, replace, hide);
  std::vector<Diagnostic> mine;
  for (auto& d : site_errors(site, app))
    if (d.loc.file == file) mine.push_back(std::move(d));
  return mine;
}

std::vector<Diagnostic> errors_caused_elsewhere(App& app, const std::map<std::string, std::string>& replace,
                                                const std::string& file) {
  DiskFileSystem disk(app.site);
  OverlayFileSystem changed(disk, replace);
  std::set<std::string> before;
  for (const auto& d : site_errors(disk, app))
    if (d.loc.file != file) before.insert(d.format());
  std::vector<Diagnostic> out;
  for (auto& d : site_errors(changed, app))
    if (d.loc.file != file && !before.count(d.format())) out.push_back(std::move(d));
  return out;
}

std::string build_preview(App& app, const std::string& path, const std::string& text, std::string* error) {
  std::lock_guard lock(app.preview_mutex);
  DiskFileSystem disk(app.site);
  OverlayFileSystem site(disk, {{path, text}});
  BuildOptions options;
  options.drafts = true;
  options.now = build_now(app);
  options.output_dir = preview_root(app);
  std::filesystem::create_directories(app.site + "/.hongfan-studio/preview");
  Diagnostics diags;
  std::unique_ptr<PreparedSite> built;
  if (!build_site(site, options, diags, nullptr, &built) || !built) {
    *error += diags.text();
    return {};
  }
  for (const auto& p : built->content.pages)
    if (p.source == path) return "/preview/" + p.url;
  *error = _("the page is not published by the build (is it a section index?)");
  return {};
}

std::string save_and_commit(App& app, const User& user, const std::string& path, const std::string& text,
                            const std::string& message) {
  std::string error;
  if (!write_site_file(app.site, path, text, &error)) return error;
  if (app.repo->commit({path}, user.name, author_email(user), message, &error).empty()) return error;
  std::error_code ec;
  std::filesystem::remove(draft_path(app, path), ec);
  return {};
}

std::string set_front_keys(App& app, const User& user, const std::string& path,
                           const std::map<std::string, std::string>& values, const std::string& message) {
  std::lock_guard lock(app.write_mutex);
  auto current = read_site_file(app.site, path);
  if (!current) return tr("{}: cannot read the file", path);
  PageText pt = read_page_text(*current);
  std::string text = apply_form(*current, values, {}, pt.body);
  if (text == *current) return {};
  auto problems = validate_page(app, path, text);
  if (!problems.empty()) return problems.front().format();
  return save_and_commit(app, user, path, text, message);
}

}  // namespace hongfan::studio
