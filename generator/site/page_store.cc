#include "site/page_store.h"

#include <chrono>
#include <cstdio>
#include <cstring>
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

// A field added to Page must be stored below too, or a rebuild that takes
// the page from the store would show it empty. This trips when Page's size
// changes: add the field to fields() below, then the size here
// (libstdc++ on 64-bit machines, where the size was taken).
#if defined(__GLIBCXX__) && (defined(__x86_64__) || defined(__aarch64__))
static_assert(sizeof(Page) == 1248, "Page changed: store its new field in site/page_store.cc");
#endif

namespace {

constexpr std::string_view kFormat = "hongfan-page-store 1\n";

// Every stored field, in the store's order, once for both directions: `io`
// is a Writer (appends each field) or a Reader (reads each one back).
template <typename IO, typename Loc>
void fields(IO& io, Loc& l) requires std::same_as<std::remove_const_t<Loc>, SourceLoc> {
  io(l.file), io(l.line), io(l.col);
}
template <typename IO, typename Ref>
void fields(IO& io, Ref& r) requires std::same_as<std::remove_const_t<Ref>, DataRef> {
  io(r.id), io(r.loc);
}
template <typename IO, typename Ref>
void fields(IO& io, Ref& r) requires std::same_as<std::remove_const_t<Ref>, BodyRef> {
  io(r.image), io(r.url), io(r.line), io(r.alt);
}
template <typename IO, typename Mention>
void fields(IO& io, Mention& m) requires std::same_as<std::remove_const_t<Mention>, MobileMention> {
  io(m.loc), io(m.text), io(m.contact);
}
template <typename IO, typename P>
void fields(IO& io, P& p) requires std::same_as<std::remove_const_t<P>, Page> {
  io(p.source), io(p.section), io(p.slug), io(p.url), io(p.is_section_index);
  io(p.title), io(p.summary), io(p.author), io(p.source_name), io(p.cover);
  io(p.date), io(p.has_time), io(p.tags), io(p.categories), io(p.draft), io(p.pinned);
  io(p.publish_date), io(p.expires), io(p.expired);
  io(p.org), io(p.grid), io(p.brand), io(p.station);
  // featured, media, the section's fields and params: only pages without
  // them are stored (storable()).
  io(p.body), io(p.body_first_line), io(p.section_position);
  io(p.content_html), io(p.plain_summary), io(p.card_summary), io(p.date_long), io(p.date_short), io(p.date_iso);
  io(p.refs), io(p.anchors), io(p.media_done), io(p.mobiles);
  io(p.cover_loc), io(p.slug_from_title), io(p.title_loc);
}

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void operator()(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void operator()(std::int64_t v) { (*this)(static_cast<std::uint64_t>(v)); }
  void operator()(int v) { (*this)(static_cast<std::int64_t>(v)); }
  void operator()(bool v) { out_ += v ? '\1' : '\0'; }
  void operator()(std::string_view s) {
    (*this)(static_cast<std::uint64_t>(s.size()));
    out_.append(s);
  }
  void operator()(const std::string& s) { (*this)(std::string_view(s)); }
  void operator()(const std::optional<std::int64_t>& t) {
    (*this)(t.has_value());
    if (t) (*this)(*t);
  }
  template <typename T>
  void operator()(const std::vector<T>& v) {
    (*this)(static_cast<std::uint64_t>(v.size()));
    for (const auto& x : v) (*this)(x);
  }
  template <typename T>
  void operator()(const T& x) requires requires(Writer& w) { fields(w, x); } {
    fields(*this, x);
  }

 private:
  std::string& out_;
};

// Throws std::out_of_range on bytes that end too soon: a store cut short
// is no store.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  void operator()(std::uint64_t& v) {
    need(sizeof v);
    std::memcpy(&v, in_.data() + at_, sizeof v);
    at_ += sizeof v;
  }
  void operator()(std::int64_t& v) { v = static_cast<std::int64_t>(u64()); }
  void operator()(int& v) { v = static_cast<int>(u64()); }
  void operator()(bool& v) {
    need(1);
    v = in_[at_++] != '\0';
  }
  void operator()(std::string& s) { s.assign(view()); }
  void operator()(std::optional<std::int64_t>& t) {
    bool present = false;
    (*this)(present);
    t.reset();
    if (present) (*this)(t.emplace());
  }
  template <typename T>
  void operator()(std::vector<T>& v) {
    std::uint64_t n = u64();
    need(n);  // at least a byte each: a garbled count fails here, not in reserve()
    v.assign(n, T{});
    for (auto& x : v) (*this)(x);
  }
  template <typename T>
  void operator()(T& x) requires requires(Reader& r) { fields(r, x); } {
    fields(*this, x);
  }
  std::uint64_t u64() {
    std::uint64_t v;
    (*this)(v);
    return v;
  }
  /// A string's bytes where they are, not copied.
  std::string_view view() {
    std::uint64_t n = u64();
    need(n);
    std::string_view s = in_.substr(at_, n);
    at_ += n;
    return s;
  }
  bool done() const { return at_ == in_.size(); }

 private:
  void need(std::uint64_t n) const {
    if (n > in_.size() - at_) throw std::out_of_range("page store cut short");
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

// A page whose fields the store keeps all of: one with no front matter
// beyond the keys every page has (no params, hence no section keys, photos
// or videos either: those are params too), its media added.
bool storable(const Page& p) {
  return !p.params.IsMap() && !p.activity && !p.brand_fields && !p.disclosure && !p.media &&
         !p.featured && p.media_done;
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
  w(page);
  return out;
}

std::optional<Page> decode_page(std::string_view bytes) {
  try {
    Reader r(bytes);
    Page p;
    r(p);
    if (!r.done()) return std::nullopt;
    return p;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::vector<const Page*> pages_to_store(const std::vector<Page>& pages, const std::vector<Diagnostic>& said) {
  std::set<std::string_view> mentioned;
  for (const auto& d : said) mentioned.insert(d.loc.file);
  std::vector<const Page*> kept;
  kept.reserve(pages.size());
  for (const auto& p : pages)
    if (storable(p) && !mentioned.count(p.source)) kept.push_back(&p);
  return kept;
}

void save_page_store(const std::string& output_dir, std::uint64_t token, const std::vector<const Page*>& kept) {
  // Streamed page by page through one buffer: the store is as big as the
  // site's rendered text (40 MB at 10,000 articles), and holding it whole
  // would add that to a cold build's peak memory.
  write_in_cache(output_dir, store_path(output_dir), [&](std::FILE* f) {
    std::string buffer(kFormat);
    Writer w(buffer);
    w(token);
    w(static_cast<std::uint64_t>(kept.size()));
    bool ok = std::fwrite(buffer.data(), 1, buffer.size(), f) == buffer.size();
    std::string page;
    for (std::size_t i = 0; ok && i < kept.size(); ++i) {
      page.clear();
      Writer{page}(*kept[i]);
      buffer.clear();
      w(page);  // its length, then its bytes
      ok = std::fwrite(buffer.data(), 1, buffer.size(), f) == buffer.size();
    }
    return ok;
  });
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
    Reader r(bytes.substr(kFormat.size()));
    if (r.u64() != token) return std::nullopt;
    // The pages' bytes sliced out first (cheap), then decoded on the pool.
    std::vector<std::string_view> entries;
    for (std::uint64_t n = r.u64(); n > 0; --n) entries.push_back(r.view());
    if (!r.done()) return std::nullopt;
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
