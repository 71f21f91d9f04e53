// `hongfan serve`: build, serve the output on 127.0.0.1:1313, watch the
// site (cli/site_watcher.h), rebuild on change and reload open pages through
// server-sent events. A failed rebuild keeps the last good site online and
// shows the errors (file:line:col) in the terminal and on every page.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

#include "check/check.h"
#include "cli/commands.h"
#include "cli/report.h"
#include "cli/site_watcher.h"
#include "cli/spare_helper.h"
#include "core/fs.h"
#include "core/i18n.h"
#include "core/recording_fs.h"
#include "core/text.h"
#include "core/yaml.h"
#include "render/page_reads.h"
#include "site/build.h"
#include "site/load_content.h"

namespace hongfan::cli {

namespace fs = std::filesystem;

namespace {

// Injected into every HTML page served, never written to the output.
constexpr const char* kLiveScript = R"JS((function () {
  var seen = null;
  var source = new EventSource('/__hongfan/events');
  source.onmessage = function (e) {
    if (seen === null) { seen = e.data; return; }
    if (e.data !== seen) location.reload();
  };
})();
)JS";

// What site.yaml and data/*.yaml say (yaml_meaning), by file: the YAML
// files a build only parses. A file whose meaning cannot be told (a value
// a ` #` cut short, invalid YAML) is left out, and judged by rebuilding.
std::map<std::string, std::uint64_t> yaml_meanings(const FileSystem& site) {
  std::vector<std::string> files{"site.yaml"};
  if (site.is_dir("data"))
    for (auto& f : walk_files(site, "data")) files.push_back(std::move(f));
  std::map<std::string, std::uint64_t> out;
  for (const auto& f : files)
    if (parsed_yaml_file(f))
      if (auto text = site.read(f))
        if (auto meaning = yaml_meaning(*text)) out[f] = *meaning;
  return out;
}

struct State {
  std::mutex mutex;
  std::condition_variable changed;
  long version = 0;
  std::string errors;  // of the last build; empty when it succeeded
};

std::string content_type(const std::string& path) {
  static const std::pair<const char*, const char*> types[] = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
      {".xml", "application/xml"}, {".txt", "text/plain; charset=utf-8"},
      {".ics", "text/calendar; charset=utf-8"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".webp", "image/webp"}, {".gif", "image/gif"},
      {".pdf", "application/pdf"}, {".ico", "image/x-icon"}};
  std::string lower = ascii_lower(path);
  for (const auto& [ext, type] : types)
    if (ends_with(lower, ext)) return type;
  return "application/octet-stream";
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The file a request path names inside `root`, or empty when it would leave
// it (.., symbolic links out) or does not exist.
fs::path resolve(const fs::path& root, const std::string& request) {
  if (request.empty() || request[0] != '/' || request.find('\0') != std::string::npos) return {};
  std::string rel = request.substr(1);
  for (std::size_t start = 0; start <= rel.size();) {
    std::size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    std::string seg = rel.substr(start, end - start);
    if (seg == ".." || seg == "." || seg.find('\\') != std::string::npos) return {};
    start = end + 1;
  }
  fs::path p = root / rel;
  std::error_code ec;
  if (fs::is_directory(p, ec)) p /= "index.html";
  fs::path real = fs::weakly_canonical(p, ec);
  if (ec) return {};
  auto [r, q] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (r != root.end() || !fs::is_regular_file(real, ec)) return {};
  return real;
}

std::string inject(std::string html, const std::string& errors) {
  // Inline: a reload then waits for no second request before the page is
  // complete (the page's own scripts load from files; this one is never
  // written to the output).
  std::string add = std::string("<script>") + kLiveScript + "</script>";
  if (!errors.empty())
    add += "<div id=\"hongfan-build-error\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;"
           "max-height:60vh;overflow:auto;background:#fff;color:#1f1f1f;border-top:4px solid #c8161d;"
           "padding:1rem;z-index:99999;font-size:16px\"><strong>" +
           html_escape(_("The site could not be built; below the message is the last good version:")) +
           "</strong><pre style=\"white-space:pre-wrap;margin:0.5rem 0 0\">" + html_escape(errors) +
           "</pre></div>";
  auto at = html.rfind("</body>");
  if (at == std::string::npos) html += add;
  else html.insert(at, add);
  return html;
}

std::atomic<bool> g_stop{false};

// Nothing to tidy on Ctrl+C: every build swaps its output in atomically, and
// a staging folder left behind is removed by the next build.
void on_signal(int) { ::_exit(0); }

}  // namespace

int run_serve(const ServeArgs& args) {
  auto now = now_or_report(args.now);
  if (!now) return kUsageError;
  fs::path site_dir = fs::weakly_canonical(fs::absolute(args.site));
  BuildOptions options;
  options.output_dir = args.output.empty() ? (site_dir / ".hongfan-serve" / "public").string() : args.output;
  options.drafts = args.drafts;
  options.now = *now;
  PageCache cache;
  options.page_cache = &cache;
  // Which pages each file showed: an edit re-renders the files that showed it.
  PageReadsMap reads;
  options.page_reads = &reads;
  // What `check` knows, said on every full rebuild (a quick one after an
  // edit that moved a page plans no search pages, so links there cannot
  // be judged).
  options.review = review_in_build;
  DiskFileSystem site(site_dir.string());
  State state;

  // Content, data and template files present at the last full build: an
  // edit of those alone re-renders only the files that showed them.
  std::set<std::string> known;
  // The last good build: an edit of content files starts from its rendered
  // pages instead of assembling 10,000 pages from the cache again.
  std::unique_ptr<PreparedSite> last;
  // What site.yaml and data/*.yaml said when the last good build read them,
  // and the files it said something at a line of: staff annotate their
  // settings (# 联系电话), and a save that changes only comments or blank
  // lines changes no page, as `build` finds too (site/build_record.h).
  std::map<std::string, std::uint64_t> meanings;
  std::set<std::string> said_in;
  // `reload`: tell open pages to reload. A background refresh after quick
  // rebuilds changes nothing the open page shows, unless it fails.
  auto rebuild = [&](const char* why_text, const std::set<std::string>* changed = nullptr, bool reload = true) {
    auto started = std::chrono::steady_clock::now();
    Diagnostics diags;
    BuildStats stats;
    BuildOptions run = options;
    run.changed_sources = changed;
    if (changed && last) run.previous = last.get();
    std::unique_ptr<PreparedSite> built;
    // Read before the build reads them (a save meanwhile is then seen as
    // one), by the builds that read them: a quick build after an edit of
    // pages or templates leaves them as they were, and costs no parsing.
    const bool reads_yaml = !changed || changed->count(page_reads::kDataSource);
    std::map<std::string, std::uint64_t> meanings_read;
    if (reads_yaml) meanings_read = yaml_meanings(site);
    bool ok = build_site(site, run, diags, &stats, &built);
    if (!ok) {
      meanings.clear();
      said_in.clear();
    } else {
      if (reads_yaml) {
        meanings = std::move(meanings_read);
        said_in.clear();
      }
      for (const auto& d : diags.sorted())
        if (d.loc.line > 0) said_in.insert(d.loc.file);
    }
    if (ok && !changed) {
      known.clear();
      for (const char* folder : {"content", "data", "templates", "themes"})
        if (site.is_dir(folder))
          for (auto& f : walk_files(site, folder)) known.insert(f);
      start_spare_helper(options.output_dir);  // for the next full build
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    // The terminal gets what a build prints (errors, then the warnings'
    // count and the first few); the page shows the errors.
    std::fputs(format_problems(diags).c_str(), stderr);
    std::string errors = format_errors(diags);
    if (ok)
      std::fprintf(stderr, "%s\n", tr("{}: built {} pages in {:.0f} ms", why_text, stats.pages, ms).c_str());
    else
      std::fprintf(stderr, "%s\n",
                   trn("{}: build failed ({} error); still serving the last good site",
                       "{}: build failed ({} errors); still serving the last good site", diags.error_count(),
                       why_text, diags.error_count())
                       .c_str());
    if (args.timings) stats.timings.print(stderr);
    if (reload || !ok) {
      {
        std::lock_guard lock(state.mutex);
        state.errors = ok ? std::string() : errors;
        ++state.version;
      }
      state.changed.notify_all();
    }
    // After the reload went out: freeing the previous build takes a while.
    // A failed quick build may have taken its pages, so it goes either way.
    last = std::move(built);
    return ok;
  };
  rebuild(_("start"));
  std::error_code ec;
  fs::create_directories(options.output_dir, ec);
  fs::path root = fs::weakly_canonical(fs::absolute(options.output_dir));

  httplib::Server server;
  server.Get("/__hongfan/events", [&state](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    auto sent = std::make_shared<long>(-1);
    res.set_chunked_content_provider("text/event-stream", [&state, sent](std::size_t, httplib::DataSink& sink) {
      std::unique_lock lock(state.mutex);
      if (*sent == state.version)
        state.changed.wait_for(lock, std::chrono::seconds(10), [&] { return *sent != state.version || g_stop; });
      if (g_stop) return false;
      std::string msg = *sent == state.version ? std::string(": ping\n\n")
                                               : "data: " + std::to_string(state.version) + "\n\n";
      *sent = state.version;
      lock.unlock();
      return sink.write(msg.data(), msg.size());
    });
  });
  server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    fs::path file = resolve(root, req.path);
    int status = 200;
    if (file.empty()) {
      bool outside = req.path.find("..") != std::string::npos;
      if (outside) {
        res.status = 403;
        res.set_content(std::string(_("forbidden: outside the site")) + "\n", "text/plain; charset=utf-8");
        return;
      }
      file = resolve(root, "/404.html");
      status = 404;
      if (file.empty()) {
        res.status = 404;
        res.set_content(inject("<!DOCTYPE html><title>404</title><body><p>404</p></body>", state.errors),
                        "text/html; charset=utf-8");
        return;
      }
    }
    std::string body = read_all(file);
    std::string type = content_type(file.string());
    if (starts_with(type, "text/html")) {
      std::lock_guard lock(state.mutex);
      body = inject(std::move(body), state.errors);
    }
    // Fingerprinted stylesheets and scripts never change under their name:
    // let the browser keep them, so a reload fetches only the page.
    static const std::regex fingerprinted(R"(\.[0-9a-f]{8}\.(css|js)$)");
    res.set_header("Cache-Control", std::regex_search(file.filename().string(), fingerprinted)
                                        ? "public, max-age=31536000, immutable" : "no-store");
    res.status = status;
    res.set_content(std::move(body), type.c_str());
  });

  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  // Watch before "serving at" is printed: an edit saved the moment the
  // address appears must not fall between the first build and the watches
  // (under a slow build, the thread's walk of the site lost such an edit).
  std::string silent = silent_file_system(site_dir);
  auto mode = args.poll || !silent.empty() ? SiteWatcher::Mode::kPoll : SiteWatcher::Mode::kNotify;
  if (!silent.empty())
    std::fprintf(stderr, "%s\n",
                 tr("{} is on {}, which does not tell programs when a file is saved: looking for changes "
                    "once a second instead", site_dir.string(), silent).c_str());
  SiteWatcher watcher(site_dir, root, mode);
  std::thread watcher_thread([&] {
    // A quick rebuild renders what showed the edited pages and updates the
    // search index, but leaves the files of a moved page, and the search
    // index after an edit that moved one; check's rules also run on full
    // builds only. A full build refreshes all of it once the editor has
    // paused, without reloading the open pages.
    bool refresh_due = false;
    const auto pause = std::chrono::milliseconds(2000);
    while (!g_stop) {
      // 10 ms of quiet gathers one save's notices (a temporary file, its
      // rename); a notice comes only once a file is whole (site_watcher.cc).
      auto changed = watcher.wait(g_stop, std::chrono::milliseconds(10),
                                  refresh_due ? pause : std::chrono::milliseconds::max());
      if (g_stop) break;
      if (changed.empty()) {
        if (refresh_due) rebuild(_("refresh (whole site)"), nullptr, false);
        refresh_due = false;
        continue;
      }
      // Editors' temporary files (sed -i, atomic saves) come and go: a path
      // that is neither known nor there any more changed nothing, and is
      // not named either (staff saved 通知.md, not "content/sed8pZaHf").
      std::set<std::string> edited;
      for (const auto& f : changed)
        if (known.count(f) || fs::exists(site_dir / f)) edited.insert(f);
      if (edited.empty()) continue;
      // Only comments, blank lines or layout of site.yaml or data/ changed:
      // nothing to build. Not when the last build said something at a line
      // of the file: the edit may have moved that line.
      auto says_the_same = [&](const std::string& f) {
        auto it = meanings.find(f);
        if (it == meanings.end() || said_in.count(f)) return false;
        auto text = site.read(f);
        return text && yaml_meaning(*text) == it->second;
      };
      if (std::all_of(edited.begin(), edited.end(), says_the_same)) {
        for (const auto& f : edited)
          std::fprintf(stderr, "%s\n", tr("{}: only comments or blank lines changed, so no page changes", f).c_str());
        continue;
      }
      std::string what =
          edited.size() > 1 ? tr("{} and {} more", *edited.begin(), edited.size() - 1) : *edited.begin();
      // Edits of pages, data files and templates that were there at the
      // last full build: only the files that showed them are rendered
      // (data/ is noted as one source, page_reads::kDataSource; a template
      // by its path, and only when the build read it).
      std::set<std::string> sources;
      bool quick = true;
      for (const auto& f : edited) {
        std::string source = page_reads::source_of_edit(f);
        quick = quick && !source.empty() && known.count(f) && site.is_file(f);
        sources.insert(std::move(source));
      }
      bool ok = rebuild(what.c_str(), quick ? &sources : nullptr);
      refresh_due = ok && quick;
    }
  });
  // Bind first: "serving at" is printed only once the port is ours.
  bool ok = server.bind_to_port(args.bind.c_str(), args.port);
  if (ok) {
    std::fprintf(stderr, "%s\n",
                 tr("serving {} at http://{}:{}/ (Ctrl+C to stop)", root.string(), args.bind, args.port).c_str());
    ok = server.listen_after_bind();
  }
  bool stopped = g_stop.exchange(true);
  state.changed.notify_all();
  watcher_thread.join();
  if (!ok && !stopped) {
    // Said like every other error: what is wrong, then what to type.
    Diagnostic d{Severity::error, {}, tr("cannot listen on {}:{}: the port is in use or not allowed", args.bind, args.port),
                 tr("stop the other program, or choose another port: --port {}", args.port + 1)};
    std::fprintf(stderr, "%s\n", d.format().c_str());
    return kUsageError;
  }
  return kOk;
}

}  // namespace hongfan::cli
