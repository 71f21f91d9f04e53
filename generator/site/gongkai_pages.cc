#include "site/gongkai_pages.h"

#include <set>

#include "core/i18n.h"
#include "core/text.h"
#include "render/article_meta.h"
#include "render/urls.h"

namespace hongfan {

namespace {

std::string published_path(const std::string& written) {
  std::string p = written;
  while (!p.empty() && p.front() == '/') p.erase(p.begin());
  return p;
}

std::string file_name(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Data disclosure_card(const ViewContext& v, const Disclosure& d, const std::string& root) {
  Data c = page_card(v, *d.page, root);
  c.set("kind", d.kind);
  c.set("cadence", text_or_false(d.cadence));
  c.set("period", d.period.per_year ? Data(d.period.title()) : Data(false));
  c.set("series", text_or_false(d.series));
  return c;
}

Data disclosure_view(const ViewContext& v, const Disclosure& d, const std::string& root) {
  Data c = disclosure_card(v, d, root);
  if (d.approval) {
    Data a;
    a.set("proposed", text_or_false(d.approval->proposed));
    a.set("reviewed", text_or_false(d.approval->reviewed));
    a.set("approved", text_or_false(d.approval->approved));
    a.set("date", text_or_false(d.approval->date));
    c.set("approval", a);
  } else {
    c.set("approval", false);
  }
  std::vector<Data> files;
  for (const auto& a : d.attachments) {
    Data f;
    f.set("name", file_name(a.path));
    f.set("url", resolve_link(root, a.path));
    files.push_back(f);
  }
  c.set("has_attachments", !files.empty());
  c.set("attachments", list_of(files));
  return c;
}

}  // namespace

void check_attachments(const std::vector<Disclosure>& disclosures, const StaticPlan& statics,
                       Diagnostics& diags) {
  std::set<std::string> published;
  for (const auto& f : statics.files) published.insert(f.published);
  for (const auto& d : disclosures)
    for (const auto& a : d.attachments)
      if (!published.count(published_path(a.path)))
        diags.error(a.loc, tr("attachment '{}' is not a file under static/", a.path),
                    tr("put the file at static/{} or correct the path", published_path(a.path)));
}

void plan_gongkai_pages(OutputPlan& plan, const std::vector<Disclosure>& disclosures) {
  if (disclosures.empty()) return;
  const std::vector<Disclosure>* all = &disclosures;
  plan.add_page("gongkai/", plan.pick({"gongkai.html", "list.html"}), [all](const ViewContext& v, const std::string& root) {
    const Section* s = v.content->section("gongkai");
    std::string title = s ? s->title : "三务公开";
    std::string description = s && s->index ? s->index->plain_summary : std::string("党务、居务、财务公开");
    Data d = frame_view(v, {"gongkai/", title, description, "", "website"});
    d.set("title", title);
    d.set("intro", s && s->index && !s->index->content_html.empty() ? Data(s->index->content_html) : Data(false));
    // By kind (in the order of the 条例), then period, newest first; the
    // list is sorted that way already (read_disclosures).
    std::vector<Data> kinds;
    for (std::size_t k = 0; k < disclosure_kinds().size(); ++k) {
      const std::string& kind = disclosure_kinds()[k];
      std::vector<Data> periods;
      std::vector<Data> items;
      std::string current;
      auto flush = [&] {
        if (items.empty()) return;
        Data g;
        g.set("title", current);
        g.set("items", list_of(items));
        periods.push_back(g);
        items.clear();
      };
      for (const auto& item : *all) {
        if (item.kind != kind) continue;
        std::string period = item.period.per_year ? item.period.title() : "常设公开";
        if (period != current) flush();
        current = period;
        items.push_back(disclosure_card(v, item, root));
      }
      flush();
      Data e;
      e.set("name", kind);
      e.set("anchor", "kind-" + std::to_string(k + 1));
      e.set("empty", periods.empty());
      e.set("periods", list_of(periods));
      kinds.push_back(e);
    }
    d.set("kinds", list_of(kinds));
    return d;
  });
  for (const auto& item : disclosures) {
    const Disclosure* dp = &item;
    const Page& p = *item.page;
    plan.add_page(p.url, plan.pick({"gongkai-item.html", "single.html"}), [dp](const ViewContext& v, const std::string& root) {
      const Page& p = *dp->page;
      Data d = frame_view(v, {p.url, p.title, p.plain_summary, p.cover, "article"});
      d.set("page", page_view(v, p, root));
      d.set("disclosure", disclosure_view(v, *dp, root));
      d.set("article_meta", article_meta_view(v, p));
      return d;
    }, p.date.value_or(0));
  }
}

}  // namespace hongfan
