#include "content/collection.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "core/i18n.h"
#include "core/slug.h"

namespace hongfan {

std::string default_section_title(const std::string& name) {
  static const std::map<std::string, std::string> titles = {
      {"news", "新闻动态"},   {"notices", "通知公告"}, {"activities", "志愿活动"},
      {"brands", "服务品牌"}, {"pages", "页面"}};
  auto it = titles.find(name);
  return it == titles.end() ? name : it->second;
}

const Section* ContentSet::section(const std::string& name) const {
  for (const auto& s : sections)
    if (s.name == name) return &s;
  return nullptr;
}

bool list_order(const Page* a, const Page* b) {
  if (a->pinned != b->pinned) return a->pinned;
  auto da = a->date.value_or(INT64_MIN), db = b->date.value_or(INT64_MIN);
  if (da != db) return da > db;
  return std::tie(a->title, a->source) < std::tie(b->title, b->source);
}

std::vector<const Page*> ContentSet::dated_pages() const {
  std::vector<const Page*> out;
  for (const auto& p : pages)
    if (!p.is_section_index && p.date) out.push_back(&p);
  std::sort(out.begin(), out.end(), [](const Page* a, const Page* b) {
    if (*a->date != *b->date) return *a->date > *b->date;
    return a->source < b->source;
  });
  return out;
}

namespace {

// Terms by slug while the pages are gone through; each name's slug made
// once (a tag is on hundreds of pages). Hashed, not ordered: at 10,000
// articles the ordered maps' string comparisons were most of this stage,
// which serve runs after every save. Sorted by slug at the end.
struct TermIndex {
  std::unordered_map<std::string, Term> by_slug;
  std::unordered_map<std::string, std::string> slug_of;  // name → slug
};

void add_terms(Taxonomy& tax, TermIndex& terms, const Page& p, const std::vector<std::string>& names,
               Diagnostics& diags) {
  for (const auto& name : names) {
    auto known = terms.slug_of.find(name);
    if (known == terms.slug_of.end()) known = terms.slug_of.emplace(name, term_slug(name)).first;
    const std::string& slug = known->second;
    if (slug.empty()) {
      diags.warning({p.source, 1, 1},
                    tax.key == "tags" ? tr("tag '{}' has no letters or digits and is skipped", name)
                                      : tr("category '{}' has no letters or digits and is skipped", name),
                    _("write the tag with letters, digits or Chinese characters, not only punctuation"));
      continue;
    }
    auto& term = terms.by_slug[slug];
    if (term.slug.empty()) {
      term.name = name;
      term.slug = slug;
      term.url = tax.key + "/" + slug + "/";
    }
    if (term.pages.empty() || term.pages.back() != &p) term.pages.push_back(&p);
  }
}

}  // namespace

void link_content(ContentSet& set, Diagnostics& diags) {
  // Sorted through an index: never by assigning Pages. YAML::Node's copy
  // assignment writes into the node it refers to instead of rebinding, so
  // the swaps of std::sort made pages share (and lose) their front matter.
  // Pages usually arrive in this order already (the content walk is
  // sorted; serve keeps its pages): then none is moved at all.
  auto by_source = [](const Page& a, const Page& b) { return a.source < b.source; };
  if (!std::is_sorted(set.pages.begin(), set.pages.end(), by_source)) {
    std::vector<std::size_t> order(set.pages.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return by_source(set.pages[a], set.pages[b]); });
    std::vector<Page> sorted;
    sorted.reserve(set.pages.size());
    for (std::size_t i : order) sorted.push_back(std::move(set.pages[i]));
    set.pages = std::move(sorted);
  }

  std::unordered_map<std::string_view, const Page*> by_url;
  by_url.reserve(set.pages.size());
  std::map<std::string, Section> sections;
  TermIndex tags, categories;
  for (const auto& p : set.pages) {
    auto [it, fresh] = by_url.emplace(p.url, &p);
    if (!fresh) {
      diags.error({p.source, 1, 1},
                  tr("page would be written to /{}, which {} already uses", p.url, it->second->source),
                  _("give one of them a different `slug:`"));
      continue;
    }
    if (p.section.empty()) continue;
    Section& s = sections[p.section];
    if (s.name.empty()) {
      s.name = p.section;
      s.url = p.section + "/";
      s.title = default_section_title(p.section);
    }
    if (p.is_section_index) {
      s.index = &p;
      if (!p.title.empty()) s.title = p.title;
      continue;
    }
    s.pages.push_back(&p);
    add_terms(set.tags, tags, p, p.tags, diags);
    add_terms(set.categories, categories, p, p.categories, diags);
  }
  for (auto& [name, s] : sections) {
    std::sort(s.pages.begin(), s.pages.end(), list_order);
    for (std::size_t i = 0; i < s.pages.size(); ++i)
      const_cast<Page*>(s.pages[i])->section_position = i;  // owned by set.pages
    set.sections.push_back(std::move(s));
  }
  auto finish = [](TermIndex& terms, Taxonomy& tax) {
    const std::size_t first = tax.terms.size();
    for (auto& [slug, t] : terms.by_slug) {
      std::sort(t.pages.begin(), t.pages.end(), [](const Page* a, const Page* b) {
        auto da = a->date.value_or(INT64_MIN), db = b->date.value_or(INT64_MIN);
        if (da != db) return da > db;
        return a->source < b->source;
      });
      tax.terms.push_back(std::move(t));
    }
    std::sort(tax.terms.begin() + static_cast<std::ptrdiff_t>(first), tax.terms.end(),
              [](const Term& a, const Term& b) { return a.slug < b.slug; });
  };
  finish(tags, set.tags);
  finish(categories, set.categories);
}

}  // namespace hongfan
