#include "site/page_store.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <set>
#include <stdexcept>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/parallel.h"
#include "site/output.h"

namespace hongfan {

namespace fs = std::filesystem;

// A field added to Page must be stored below too, or a rebuild that takes
// the page from the store would show it empty. This trips when Page's size
// changes: add the field to write_page() and read_page(), then the size here
// (libstdc++ on 64-bit machines, where the size was taken).
#if defined(__GLIBCXX__) && (defined(__x86_64__) || defined(__aarch64__))
static_assert(sizeof(Page) == 1256, "Page changed: store its new field in site/page_store.cc");
#endif

namespace {

constexpr std::string_view kFormat = "hongfan-page-store 1\n";

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void u64(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
  void flag(bool v) { out_ += v ? '\1' : '\0'; }
  void str(std::string_view s) {
    u64(s.size());
    out_.append(s);
  }
  void strings(const std::vector<std::string>& v) {
    u64(v.size());
    for (const auto& s : v) str(s);
  }
  void time(const std::optional<std::int64_t>& t) {
    flag(t.has_value());
    if (t) i64(*t);
  }
  void loc(const SourceLoc& l) {
    str(l.file);
    i64(l.line);
    i64(l.col);
  }
  void ref(const DataRef& r) {
    str(r.id);
    loc(r.loc);
  }

 private:
  std::string& out_;
};

// Throws std::out_of_range on bytes that end too soon: a store cut short
// is no store.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t u64() {
    need(sizeof(std::uint64_t));
    std::uint64_t v;
    std::memcpy(&v, in_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  int i32() { return static_cast<int>(i64()); }
  bool flag() {
    need(1);
    return in_[at_++] != '\0';
  }
  std::string str() {
    std::uint64_t n = u64();
    need(n);
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  std::vector<std::string> strings() {
    std::uint64_t n = u64();
    need(n);  // at least a byte each: a garbled count fails here, not in reserve()
    std::vector<std::string> v;
    v.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) v.push_back(str());
    return v;
  }
  std::optional<std::int64_t> time() {
    if (!flag()) return std::nullopt;
    return i64();
  }
  SourceLoc loc() {
    SourceLoc l;
    l.file = str();
    l.line = i32();
    l.col = i32();
    return l;
  }
  DataRef ref() {
    DataRef r;
    r.id = str();
    r.loc = loc();
    return r;
  }
  bool done() const { return at_ == in_.size(); }

 private:
  void need(std::uint64_t n) const {
    if (n > in_.size() - at_) throw std::out_of_range("page store cut short");
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

void write_page(Writer& w, const Page& p) {
  w.str(p.source);
  w.str(p.section);
  w.str(p.slug);
  w.str(p.url);
  w.flag(p.is_section_index);
  w.str(p.title);
  w.str(p.summary);
  w.str(p.author);
  w.str(p.source_name);
  w.str(p.cover);
  w.time(p.date);
  w.flag(p.has_time);
  w.strings(p.tags);
  w.strings(p.categories);
  w.flag(p.draft);
  w.flag(p.pinned);
  w.time(p.publish_date);
  w.time(p.expires);
  w.flag(p.expired);
  w.ref(p.org);
  w.ref(p.grid);
  w.ref(p.brand);
  w.ref(p.station);
  // front, front_positions and params: only pages without them are stored.
  w.str(p.body);
  w.i64(p.body_first_line);
  w.u64(p.section_position);
  w.str(p.content_html);
  w.str(p.plain_summary);
  w.str(p.card_summary);
  w.str(p.date_long);
  w.str(p.date_short);
  w.str(p.date_iso);
  w.u64(p.refs.size());
  for (const auto& r : p.refs) {
    w.flag(r.image);
    w.str(r.url);
    w.i64(r.line);
    w.str(r.alt);
  }
  w.strings(p.anchors);
  w.flag(p.media_done);
  w.u64(p.mobiles.size());
  for (const auto& m : p.mobiles) {
    w.loc(m.loc);
    w.str(m.text);
    w.flag(m.contact);
  }
  w.loc(p.cover_loc);
  w.flag(p.slug_from_title);
  w.loc(p.title_loc);
}

Page read_page(Reader& r) {
  Page p;
  p.source = r.str();
  p.section = r.str();
  p.slug = r.str();
  p.url = r.str();
  p.is_section_index = r.flag();
  p.title = r.str();
  p.summary = r.str();
  p.author = r.str();
  p.source_name = r.str();
  p.cover = r.str();
  p.date = r.time();
  p.has_time = r.flag();
  p.tags = r.strings();
  p.categories = r.strings();
  p.draft = r.flag();
  p.pinned = r.flag();
  p.publish_date = r.time();
  p.expires = r.time();
  p.expired = r.flag();
  p.org = r.ref();
  p.grid = r.ref();
  p.brand = r.ref();
  p.station = r.ref();
  p.body = r.str();
  p.body_first_line = r.i32();
  p.section_position = r.u64();
  p.content_html = r.str();
  p.plain_summary = r.str();
  p.card_summary = r.str();
  p.date_long = r.str();
  p.date_short = r.str();
  p.date_iso = r.str();
  for (std::uint64_t n = r.u64(); n > 0; --n) {
    BodyRef b;
    b.image = r.flag();
    b.url = r.str();
    b.line = r.i32();
    b.alt = r.str();
    p.refs.push_back(std::move(b));
  }
  p.anchors = r.strings();
  p.media_done = r.flag();
  for (std::uint64_t n = r.u64(); n > 0; --n) {
    MobileMention m;
    m.loc = r.loc();
    m.text = r.str();
    m.contact = r.flag();
    p.mobiles.push_back(std::move(m));
  }
  p.cover_loc = r.loc();
  p.slug_from_title = r.flag();
  p.title_loc = r.loc();
  return p;
}

// A page later stages read nothing more from than its fields: its front
// matter was let go (release_front_matter) and it has no params.
bool storable(const Page& p) {
  return !p.front_positions && (!p.front.IsDefined() || p.front.IsNull()) && !p.params.IsMap() && p.media_done;
}

std::string store_path(const std::string& output_dir) { return cache_path_for(output_dir, "pages-"); }

}  // namespace

std::uint64_t new_page_store_token() {
  std::random_device device;
  std::uint64_t t = (static_cast<std::uint64_t>(device()) << 32) ^ device();
  t ^= static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  return t ^ static_cast<std::uint64_t>(::getpid());
}

std::string encode_page(const Page& page) {
  std::string out;
  Writer w(out);
  write_page(w, page);
  return out;
}

std::optional<Page> decode_page(std::string_view bytes) {
  try {
    Reader r(bytes);
    Page p = read_page(r);
    if (!r.done()) return std::nullopt;
    return p;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void save_page_store(const std::string& output_dir, std::uint64_t token, const std::vector<Page>& pages,
                     const std::vector<Diagnostic>& said) {
  std::set<std::string> mentioned;
  for (const auto& d : said) mentioned.insert(d.loc.file);
  std::vector<const Page*> kept;
  kept.reserve(pages.size());
  for (const auto& p : pages)
    if (storable(p) && !mentioned.count(p.source)) kept.push_back(&p);
  // Streamed page by page through one buffer: the store is as big as the
  // site's rendered text (40 MB at 10,000 articles), and holding it whole
  // would add that to a cold build's peak memory.
  std::error_code ec;
  fs::create_directories(cache_dir_beside(output_dir), ec);
  const std::string path = store_path(output_dir), tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return;
  std::string buffer(kFormat);
  Writer w(buffer);
  w.u64(token);
  w.u64(kept.size());
  bool ok = std::fwrite(buffer.data(), 1, buffer.size(), f) == buffer.size();
  std::string page;
  for (std::size_t i = 0; ok && i < kept.size(); ++i) {
    page.clear();
    Writer pw(page);
    write_page(pw, *kept[i]);
    buffer.clear();
    w.u64(page.size());
    ok = std::fwrite(buffer.data(), 1, buffer.size(), f) == buffer.size() &&
         std::fwrite(page.data(), 1, page.size(), f) == page.size();
  }
  ok = std::fclose(f) == 0 && ok;
  if (ok) fs::rename(tmp, path, ec);
  if (!ok || ec) fs::remove(tmp, ec);
}

std::optional<PageStore> load_page_store(const std::string& output_dir, std::uint64_t token) {
  // Mapped, not read: the pages are decoded straight from the file's cache.
  int fd = ::open(store_path(output_dir).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  void* mapped = ::fstat(fd, &st) == 0 && st.st_size > 0
                     ? ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0)
                     : MAP_FAILED;
  ::close(fd);
  if (mapped == MAP_FAILED) return std::nullopt;
  struct Unmap {
    void* at;
    std::size_t size;
    ~Unmap() { ::munmap(at, size); }
  } unmap{mapped, static_cast<std::size_t>(st.st_size)};
  const std::string_view bytes(static_cast<const char*>(mapped), unmap.size);
  if (bytes.compare(0, kFormat.size(), kFormat) != 0) return std::nullopt;
  try {
    if (bytes.size() < kFormat.size() + 16) return std::nullopt;
    Reader r(bytes.substr(kFormat.size()));
    if (r.u64() != token) return std::nullopt;
    std::uint64_t n = r.u64();
    std::vector<std::string_view> entries;
    // Slice the entries first (cheap), then decode them on the worker pool.
    std::string_view rest = bytes.substr(kFormat.size() + 16);
    for (std::uint64_t i = 0; i < n; ++i) {
      Reader len(rest.substr(0, 8));
      std::uint64_t size = len.u64();
      if (size > rest.size() - 8) return std::nullopt;
      entries.push_back(rest.substr(8, size));
      rest.remove_prefix(8 + size);
    }
    if (!rest.empty()) return std::nullopt;
    std::vector<std::optional<Page>> pages(entries.size());
    parallel_for(entries.size(), [&](std::size_t i) { pages[i] = decode_page(entries[i]); });
    PageStore store;
    store.reserve(pages.size());
    for (auto& p : pages) {
      if (!p) return std::nullopt;
      std::string source = p->source;
      store.emplace(std::move(source), std::move(*p));
    }
    return store;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace hongfan
