#include "render/article_meta.h"

#include <fmt/format.h>

#include "core/date.h"
#include "render/page_reads.h"

namespace hongfan {

std::string format_pub_date(std::int64_t epoch) {
  CivilTime t = civil_from_epoch(epoch);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", t.year, t.month, t.day, t.hour, t.minute);
}

std::string site_domain(const Config& config) {
  std::string host = config.base_url.substr(config.base_url.find("://") + 3);
  return host.substr(0, host.find('/'));
}

Data article_meta_view(const ViewContext& ctx, const Page& p) {
  page_reads::note(p);
  Data d;
  const Section* s = ctx.content ? ctx.content->section(p.section) : nullptr;
  d.set("column", s ? s->title : ctx.config->title);
  d.set("title", p.title);
  d.set("pub_date", p.date ? Data(format_pub_date(*p.date)) : Data(false));
  d.set("source", text_or_false(p.source_name));
  d.set("author", text_or_false(p.author));
  // Keywords: the page's categories and tags, as the spec's comma list.
  std::string keywords;
  for (const auto* list : {&p.categories, &p.tags})
    for (const auto& k : *list) keywords += (keywords.empty() ? "" : ",") + k;
  d.set("keywords", text_or_false(keywords));
  d.set("url", ctx.config->absolute_url(p.url));
  return d;
}

}  // namespace hongfan
