#include "site/build_record.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/i18n.h"
#include "core/parallel.h"
#include "render/page_reads.h"
#include "site/output.h"

namespace hongfan {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFormat = "hongfan-build-record 2";

// Fields are tab-separated; tabs, newlines and backslashes inside a field
// (a warning's text) are escaped.
void append_escaped(std::string& out, std::string_view s) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c != '\\' && c != '\t' && c != '\n') continue;
    out.append(s, start, i - start);
    out += c == '\\' ? "\\\\" : c == '\t' ? "\\t" : "\\n";
    start = i + 1;
  }
  out.append(s, start, std::string_view::npos);
}

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_escaped(out, s);
  return out;
}

std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out += n == 't' ? '\t' : n == 'n' ? '\n' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}


}  // namespace

std::string record_key(bool drafts, bool offline, const std::string& output_dir) {
  std::string exe;
  std::error_code ec;
  auto self = fs::read_symlink("/proc/self/exe", ec);
  struct stat st {};
  if (!ec && ::stat(self.c_str(), &st) == 0)
    exe = self.string() + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
          std::to_string(st.st_mtim.tv_nsec);
  else
    exe = "unknown-" + std::to_string(::getpid());  // cannot tell: never matches
  return exe + "|drafts=" + (drafts ? "1" : "0") + "|offline=" + (offline ? "1" : "0") +
         "|lang=" + message_language() + "|out=" + fs::absolute(output_dir).lexically_normal().string();
}

std::string build_record_path(const std::string& output_dir) {
  return (fs::path(cache_dir_beside(output_dir)) / "build-record").string();
}

std::optional<BuildRecord> load_build_record(const std::string& output_dir) {
  std::ifstream in(build_record_path(output_dir), std::ios::binary);
  if (!in) return std::nullopt;
  std::string line;
  if (!std::getline(in, line) || line != kFormat) return std::nullopt;
  BuildRecord r;
  bool complete = false;
  try {
    while (std::getline(in, line)) {
      auto f = split_tabs(line);
      const std::string& tag = f[0];
      if (tag == "key" && f.size() == 2) r.key = unescape(f[1]);  // an output folder's path may hold '\\'
      else if (tag == "now" && f.size() == 2) r.now = std::stoll(f[1]);
      else if (tag == "until" && f.size() == 2) r.valid_until = std::stoll(f[1]);
      else if (tag == "next" && f.size() == 2) r.next_change = std::stoll(f[1]);
      else if (tag == "counts" && f.size() == 3) r.pages = std::stoul(f[1]), r.files = std::stoul(f[2]);
      else if (tag == "R" && f.size() == 6)
        r.inputs.reads[unescape(f[5])] = {f[1] == "1", std::stoull(f[2], nullptr, 16), unescape(f[4]),
                                          std::stoull(f[3], nullptr, 16)};
      else if (tag == "F" && f.size() == 3) r.inputs.files[unescape(f[2])] = f[1] == "1";
      else if (tag == "D" && f.size() == 3) r.inputs.dirs[unescape(f[2])] = f[1] == "1";
      else if (tag == "L" && f.size() == 3) r.inputs.lists[unescape(f[2])] = std::stoull(f[1], nullptr, 16);
      else if (tag == "O" && f.size() == 3) r.outputs.emplace_back(unescape(f[2]), f[1]);
      else if (tag == "W" && f.size() == 7)
        r.diagnostics.push_back({f[1] == "e" ? Severity::error : Severity::warning,
                                 {unescape(f[2]), std::stoi(f[3]), std::stoi(f[4])}, unescape(f[5]), unescape(f[6])});
      else if (tag == "store" && f.size() == 2) r.page_store = std::stoull(f[1], nullptr, 16);
      else if (tag == "end") complete = true;
      else return std::nullopt;
    }
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!complete) return std::nullopt;  // a record cut short is no record
  return r;
}

void save_build_record(const std::string& output_dir, const BuildRecord& r) {
  std::string out = std::string(kFormat) + "\n";
  out += "key\t" + escape(r.key) + "\n";
  out += "now\t" + std::to_string(r.now) + "\n";
  if (r.valid_until) out += "until\t" + std::to_string(*r.valid_until) + "\n";
  if (r.next_change) out += "next\t" + std::to_string(*r.next_change) + "\n";
  out += "counts\t" + std::to_string(r.pages) + "\t" + std::to_string(r.files) + "\n";
  // Appended piece by piece, without a temporary string for each: at
  // 10,000 articles there are 40,000 lines, written after every other stage.
  char hex[17], meaning[17];
  auto line = [&out](std::initializer_list<std::string_view> fields, std::string_view path) {
    for (std::string_view f : fields) {
      out += f;
      out += '\t';
    }
    append_escaped(out, path);
    out += '\n';
  };
  for (const auto& [path, read] : r.inputs.reads) {
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(read.hash));
    std::snprintf(meaning, sizeof meaning, "%016llx", static_cast<unsigned long long>(read.meaning));
    line({"R", read.found ? "1" : "0", hex, meaning, escape(read.stamp)}, path);
  }
  for (const auto& [path, yes] : r.inputs.files) line({"F", yes ? "1" : "0"}, path);
  for (const auto& [path, yes] : r.inputs.dirs) line({"D", yes ? "1" : "0"}, path);
  for (const auto& [dir, h] : r.inputs.lists) {
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    line({"L", hex}, dir);
  }
  for (const auto& [path, stamp] : r.outputs) line({"O", stamp}, path);
  if (r.page_store) {
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(r.page_store));
    out += std::string("store\t") + hex + "\n";
  }
  for (const auto& d : r.diagnostics)
    out += std::string("W\t") + (d.severity == Severity::error ? "e" : "w") + "\t" + escape(d.loc.file) + "\t" +
           std::to_string(d.loc.line) + "\t" + std::to_string(d.loc.col) + "\t" + escape(d.message) + "\t" +
           escape(d.hint) + "\n";
  out += "end\n";

  write_in_cache(output_dir, build_record_path(output_dir), out);
}

void drop_build_record(const std::string& output_dir) {
  std::error_code ec;
  fs::remove(build_record_path(output_dir), ec);
}

namespace {

// The same binary and options, inside the same window of "today", and the
// output as the record left it.
bool same_setting_and_output(const BuildRecord& r, const std::string& key, std::int64_t now,
                             const std::string& output_dir) {
  if (r.key != key) return false;
  // "Today" only matters at the instants next_time_change() names; the
  // recorded build is right from its own today until the next of them.
  if (now < r.now || (r.valid_until && now >= *r.valid_until)) return false;
  // The output first (cheap, and the likeliest to differ when a person
  // edited public/ by hand), then the inputs.
  std::atomic<bool> same{!r.outputs.empty()};
  parallel_for(r.outputs.size(), [&](std::size_t i) {
    if (!same.load(std::memory_order_relaxed)) return;
    const auto& [rel, stamp] = r.outputs[i];
    if (output_stamp((fs::path(output_dir) / rel).string()) != stamp) same = false;
  });
  return same;
}

const char* kReadsFormat = "hongfan-page-reads 1";

std::string page_reads_path(const std::string& output_dir) {
  return (fs::path(cache_dir_beside(output_dir)) / "page-reads").string();
}

}  // namespace

bool build_is_current(const BuildRecord& r, const std::string& key, std::int64_t now, const FileSystem& site,
                      const std::string& output_dir) {
  return same_setting_and_output(r, key, now, output_dir) && same_answers(site, r.inputs);
}

std::optional<std::set<std::string>> pages_changed_since(const BuildRecord& r, const std::string& key,
                                                         std::int64_t now, const FileSystem& site,
                                                         const std::string& output_dir,
                                                         std::set<std::string>* same_meaning) {
  if (!same_setting_and_output(r, key, now, output_dir)) return std::nullopt;
  // A YAML file (site.yaml, data/) whose text still says what it said, only
  // its comments or layout edited, is no edit: every file the build writes
  // would be as it is. Unless the record says something at a line of it:
  // that line may have moved, and saying it again where it was would be wrong.
  std::set<std::string> by_meaning;
  for (const auto& [path, read] : r.inputs.reads)
    if (read.meaning) by_meaning.insert(path);
  for (const auto& d : r.diagnostics) by_meaning.erase(d.loc.file);
  auto changed = changed_reads(site, r.inputs, &by_meaning, same_meaning);
  if (!changed) return std::nullopt;
  std::set<std::string> edited;
  for (const auto& path : *changed) {
    auto was = r.inputs.reads.find(path);
    // A page or data file that is new or gone changes the listing, caught
    // above; a file read but missing then or now is no edit.
    if (was == r.inputs.reads.end() || !was->second.found || !site.is_file(path)) return std::nullopt;
    std::string source = page_reads::source_of_edit(path);
    if (source.empty()) return std::nullopt;
    edited.insert(std::move(source));
  }
  return edited;
}

// One line a page: "P <signature> <source>"; one a file: "S <path> <index>…"
// with indexes into the pages' order, so each source is written once.
void save_page_reads(const std::string& output_dir, const PageReadsMap& reads) {
  std::string out = std::string(kReadsFormat) + "\n";
  char hex[17];
  for (const auto& source : reads.sources) {
    auto placed = reads.placement_by_source.find(source);
    if (placed == reads.placement_by_source.end()) return;  // a page no longer there: keep no record
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(placed->second));
    out += "P\t";
    out += hex;
    out += '\t';
    append_escaped(out, source);
    out += '\n';
  }
  // Appended in place: at 30,000 files and 300,000 numbers, a temporary
  // string for each number was most of a cold build's time recording it.
  for (const auto& [path, shown] : reads.sources_by_path) {
    out += "S\t";
    append_escaped(out, path);
    for (std::uint32_t id : shown) {
      char digits[12];
      digits[0] = '\t';
      const auto end = std::to_chars(digits + 1, digits + sizeof digits, id).ptr;
      out.append(digits, end);
    }
    out += '\n';
  }
  out += "end\n";
  write_in_cache(output_dir, page_reads_path(output_dir), out);
}

std::optional<PageReadsMap> load_page_reads(const std::string& output_dir) {
  std::ifstream in(page_reads_path(output_dir), std::ios::binary);
  if (!in) return std::nullopt;
  std::string line;
  if (!std::getline(in, line) || line != kReadsFormat) return std::nullopt;
  PageReadsMap r;
  try {
    while (std::getline(in, line)) {
      if (line == "end") return r;
      auto f = split_tabs(line);
      if (f[0] == "P" && f.size() == 3) {
        std::string source = unescape(f[2]);
        r.placement_by_source[source] = std::stoull(f[1], nullptr, 16);
        r.id(source);
      } else if (f[0] == "S" && f.size() >= 2) {
        auto& shown = r.sources_by_path[unescape(f[1])];
        for (std::size_t i = 2; i < f.size(); ++i) {
          unsigned long id = std::stoul(f[i]);
          if (id >= r.sources.size()) return std::nullopt;
          shown.push_back(static_cast<std::uint32_t>(id));
        }
      } else {
        return std::nullopt;
      }
    }
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return std::nullopt;  // cut short: no record
}

void drop_page_reads(const std::string& output_dir) {
  std::error_code ec;
  fs::remove(page_reads_path(output_dir), ec);
}

namespace {

constexpr const char* kUrlsFormat = "hongfan-page-urls 1";

std::string page_urls_path(const std::string& output_dir) { return cache_path_for(output_dir, "page-urls-"); }

}  // namespace

std::map<std::string, std::string> load_page_urls(const std::string& output_dir) {
  std::ifstream in(page_urls_path(output_dir), std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line) || line != kUrlsFormat) return {};
  std::map<std::string, std::string> urls;
  while (std::getline(in, line)) {
    if (line == "end") return urls;
    auto f = split_tabs(line);
    if (f.size() != 2) return {};
    urls[unescape(f[0])] = unescape(f[1]);
  }
  return {};  // cut short
}

void save_page_urls(const std::string& output_dir, const std::map<std::string, std::string>& urls) {
  std::string out = std::string(kUrlsFormat) + "\n";
  for (const auto& [source, url] : urls) out += escape(source) + "\t" + escape(url) + "\n";
  out += "end\n";
  write_in_cache(output_dir, page_urls_path(output_dir), out);
}

namespace {

constexpr const char* kSearchFormat = "hongfan-search-index 1";

std::string search_state_path(const std::string& output_dir) { return cache_path_for(output_dir, "search-index-"); }

}  // namespace

std::optional<SearchIndexState> load_search_state(const std::string& output_dir) {
  std::ifstream in(search_state_path(output_dir), std::ios::binary);
  std::string format, end;
  SearchIndexState state;
  if (!std::getline(in, format) || format != kSearchFormat) return std::nullopt;
  if (!(in >> state.shards >> state.docs >> state.docs_digest >> end) || end != "end") return std::nullopt;
  return state;
}

void save_search_state(const std::string& output_dir, const SearchIndexState& state) {
  write_in_cache(output_dir, search_state_path(output_dir),
                 fmt::format("{}\n{} {} {}\nend\n", kSearchFormat, state.shards, state.docs, state.docs_digest));
}

}  // namespace hongfan
