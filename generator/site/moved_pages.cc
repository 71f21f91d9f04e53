#include "site/moved_pages.h"

#include "core/i18n.h"

namespace hongfan {

std::map<std::string, std::string> title_made_urls(const std::vector<Page>& pages) {
  std::map<std::string, std::string> urls;
  for (const auto& p : pages)
    if (p.slug_from_title) urls.emplace(p.source, p.url);
  return urls;
}

void warn_moved_pages(const std::vector<Page>& pages, const std::map<std::string, std::string>& before,
                      const Config& config, Diagnostics& diags) {
  if (before.empty()) return;
  for (const auto& p : pages) {
    if (!p.slug_from_title) continue;
    auto was = before.find(p.source);
    if (was == before.end() || was->second == p.url) continue;
    // "news/20240601-3f2a1c/" → "20240601-3f2a1c": the slug that made it.
    std::string old_slug = was->second;
    if (!old_slug.empty() && old_slug.back() == '/') old_slug.pop_back();
    old_slug = old_slug.substr(old_slug.rfind('/') + 1);
    diags.warning(p.title_loc,
                  tr("the title or date was edited, so the page moved to {}; its old address {} opens nothing now",
                     config.absolute_url(p.url), config.absolute_url(was->second)),
                  tr("if the old address was already shared (in a WeChat group, say), add the line `slug: {}` "
                     "under the title to keep it",
                     old_slug));
  }
}

}  // namespace hongfan
