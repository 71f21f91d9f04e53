// Article metadata per 政府网站网页设计规范 (the government web page design
// spec): <meta name="ColumnName|ArticleTitle|PubDate|ContentSource|…"> that
// the inspectors' crawlers read. SiteName, SiteDomain and SiteIDCode are on
// every page (site_view); these are on articles only.
#pragma once

#include <cstdint>
#include <string>

#include "render/view.h"

namespace hongfan {

/// `2024-06-01 09:30` in Shanghai time, the spec's PubDate form.
std::string format_pub_date(std::int64_t epoch);

/// The host of base_url (`example.gov.cn`), the spec's SiteDomain.
std::string site_domain(const Config& config);

/// {column, title, pub_date, source, author, keywords, url} for head.html.
Data article_meta_view(const ViewContext& ctx, const Page& page);

}  // namespace hongfan
