// The /search/ page and its index (render/search_index.h): every content
// page and, when data/ has them, org units, grids and stations.
#include <algorithm>
#include <map>
#include <memory>

#include "core/date.h"
#include "core/text.h"
#include "core/utf8.h"
#include "render/page_reads.h"
#include "render/search_index.h"
#include "site/plan.h"

namespace hongfan {

namespace {

// strip_tags leaves entities; the index wants the characters.
std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    // The text up to the next '&' in one piece (this runs over every body).
    const std::size_t amp = std::min(s.find('&', i), s.size());
    out.append(s, i, amp - i);
    i = amp;
    if (i == s.size()) break;
    auto semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += '&';
      ++i;
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (name == "amp") cp = '&';
    else if (name == "lt") cp = '<';
    else if (name == "gt") cp = '>';
    else if (name == "quot") cp = '"';
    else if (name == "apos" || name == "#39") cp = '\'';
    else if (name == "nbsp") cp = ' ';
    else if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      try {
        cp = static_cast<char32_t>(std::stoul(std::string(name.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10));
      } catch (...) {
        cp = 0;
      }
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0;
    }
    if (cp == 0) {
      out += '&';
      ++i;
      continue;
    }
    utf8::append(out, cp);
    i = semi + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

// What the index holds: every content page but section intros, newest
// first (equal scores then list the newest first), then org units, grids
// and stations. Page documents are made when the index builder asks.
class SearchDocs {
 public:
  explicit SearchDocs(const ViewContext& v) : v_(v) {
    for (const auto& p : v.content->pages)
      if (!p.is_section_index) pages_.push_back(&p);
    std::stable_sort(pages_.begin(), pages_.end(), [](const Page* a, const Page* b) {
      auto da = a->date.value_or(INT64_MIN), db = b->date.value_or(INT64_MIN);
      if (da != db) return da > db;
      return a->source < b->source;
    });
    add_data_docs(*v.data);
  }

  std::size_t size() const { return pages_.size() + data_docs_.size(); }

  /// The ids and documents of the pages from these content files.
  std::vector<std::pair<std::size_t, search::Doc>> docs_of(const std::set<std::string>& sources) const {
    return docs_by_source([&](const Page& p) { return sources.count(p.source) ? &p : nullptr; });
  }

  /// The same for earlier versions of those pages (at the ids of the pages
  /// now from the same files).
  std::vector<std::pair<std::size_t, search::Doc>> docs_of(const std::vector<Page>& earlier) const {
    std::map<std::string_view, const Page*> by_source;
    for (const auto& p : earlier) by_source[p.source] = &p;
    return docs_by_source([&](const Page& p) -> const Page* {
      auto it = by_source.find(p.source);
      return it == by_source.end() ? nullptr : it->second;
    });
  }

  /// Appends the id and document of each unit, grid and station.
  void add_data_docs_to(std::vector<std::pair<std::size_t, search::Doc>>& out) const {
    for (std::size_t i = 0; i < data_docs_.size(); ++i) out.emplace_back(pages_.size() + i, data_docs_[i]);
  }

  search::Doc operator()(std::size_t i) const {
    if (i < pages_.size()) return page_doc(*pages_[i]);
    page_reads::note_data();  // its document file shows data/
    return data_docs_[i - pages_.size()];
  }

 private:
  // (id, document of version(page)) for each indexed page that version()
  // gives one for.
  template <typename Version>
  std::vector<std::pair<std::size_t, search::Doc>> docs_by_source(Version version) const {
    std::vector<std::pair<std::size_t, search::Doc>> out;
    for (std::size_t i = 0; i < pages_.size(); ++i)
      if (const Page* p = version(*pages_[i])) out.emplace_back(i, page_doc(*p));
    return out;
  }

  search::Doc page_doc(const Page& p) const {
    page_reads::note(p);  // its document file shows it (not the index, made at planning)
    search::Doc d;
    d.title = p.title;
    d.url = p.url;
    const Section* s = v_.content->section(p.section);
    d.section = s ? s->title : std::string();
    d.date = p.date ? format_chinese_day(*p.date) : std::string();
    std::vector<std::string> keywords = p.tags;
    keywords.insert(keywords.end(), p.categories.begin(), p.categories.end());
    d.keywords = join(keywords);
    d.summary = p.summary.empty() ? std::string() : p.plain_summary;
    d.body = decode_entities(strip_tags(p.content_html));
    if (const ImageInfo* t = page_thumbnail(v_.images, p)) {
      const ImageVariant* small = t->fallback.empty() ? nullptr : &t->fallback.front();
      d.image = small ? small->path : t->path;
      d.image_width = small ? small->width : t->width;
      d.image_height = small ? small->height : t->height;
    }
    return d;
  }

  void add_data_docs(const SiteData& data) {
    for (const auto& u : data.org.units) {
      if (u.id.empty()) continue;
      data_docs_.push_back({u.name, "org/" + u.id + "/", "组织架构", "",
                            join({u.level, u.secretary, u.address}), "", u.intro, "", 0, 0});
    }
    for (const auto& g : data.grids) {
      std::vector<std::string> words{g.kind, g.area};
      words.insert(words.end(), g.buildings.begin(), g.buildings.end());
      for (const auto& s : g.staff) words.push_back(s.role + " " + s.name);
      data_docs_.push_back({g.name, "grids/" + g.id + "/", "网格", "", join(words), g.area, "", "", 0, 0});
    }
    for (const auto& s : data.stations) {
      std::vector<std::string> words{s.kind, s.address, s.hours};
      words.insert(words.end(), s.services.begin(), s.services.end());
      data_docs_.push_back({s.name, "stations/" + s.id + "/", "服务阵地", "", join(words), s.address, "", "", 0, 0});
    }
  }

  const ViewContext& v_;
  std::vector<const Page*> pages_;
  std::vector<search::Doc> data_docs_;
};

}  // namespace

std::shared_ptr<const search::Index> plan_search_pages(OutputPlan& plan, const SearchIndexSource& source) {
  if (!plan.templates().has("search.html") || !plan.view().config->search) return nullptr;
  auto docs = std::make_shared<const SearchDocs>(plan.view());
  // That read data/ for the documents of units, grids and stations. What it
  // read reaches two kinds of file, and both are rendered again after an
  // edit of data/ without marking every file of the feature: the index's
  // (updated for all those documents then, or built again, and every file
  // it changed is rendered) and those documents' own (noted as they render,
  // above). The pages' documents do not show data/.
  plan.view().data.forget_planning_reads();
  std::shared_ptr<const search::Index> index;
  if (source.edited && source.last) {
    const bool data_edited = source.edited->count(page_reads::kDataSource) != 0;
    std::optional<std::vector<std::pair<std::size_t, search::Doc>>> before;
    // Templates alone change no document: no shard needs looking through.
    const bool pages_edited = std::any_of(source.edited->begin(), source.edited->end(),
                                          [](const std::string& f) { return page_reads::is_content_page(f); });
    if (!pages_edited && !data_edited) before.emplace();
    else if (source.before && !data_edited) before = docs->docs_of(*source.before);
    auto edited = docs->docs_of(*source.edited);
    if (data_edited) docs->add_data_docs_to(edited);
    if (auto updated = search::update_index(*source.last, docs->size(), edited, before ? &*before : nullptr))
      index = std::make_shared<const search::Index>(std::move(*updated));
  }
  if (!index && source.keep) {
    plan.add_sitemap_entry("search/");
    return nullptr;
  }
  if (!index) index = std::make_shared<const search::Index>(search::build_index(docs->size(), *docs));
  for (std::size_t i = 0; i < index->files.size(); ++i)
    plan.add_file({index->files[i].path, [index, i](std::string& out) { out += index->files[i].bytes(); }});
  // Each document's file is made again as it is written, not held meanwhile.
  for (std::size_t i = 0; i < docs->size(); ++i)
    plan.add_file({search::doc_path(i), [docs, i](std::string& out) { out += search::doc_json((*docs)(i)); }});
  plan.add_page("search/", "search.html", [index](const ViewContext& v, const std::string& root) {
    Data d = frame_view(v, {"search/", "站内搜索", "搜索本站的新闻、通知、网格和服务阵地。", "", "website"});
    Data s;
    s.set("index_url", root + "search/");
    s.set("shards", std::to_string(index->shards));
    s.set("docs", std::to_string(index->docs));
    s.set("version", index->version);
    s.set("script", asset_link(v, root, "js/search.js"));
    d.set("search", s);
    return d;
  });
  return index;
}

}  // namespace hongfan
