#include "render/feeds.h"

#include <algorithm>

#include "core/date.h"
#include "core/text.h"

namespace hongfan {

std::string render_atom_feed(const Config& c, const std::vector<const Page*>& pages,
                             std::int64_t now) {
  std::string out;
  out.reserve(4096 + pages.size() * 512);
  out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + xml_escape(c.language) + "\">\n";
  out += "  <title>" + xml_escape(c.title) + "</title>\n";
  if (!c.subtitle.empty()) out += "  <subtitle>" + xml_escape(c.subtitle) + "</subtitle>\n";
  out += "  <id>" + xml_escape(c.base_url) + "</id>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(c.base_url) + "\"/>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         xml_escape(c.absolute_url("feed.xml")) + "\"/>\n";
  std::int64_t updated = pages.empty() ? now : *pages.front()->date;
  for (std::size_t i = 0; i < pages.size() && i < kFeedEntries; ++i) updated = std::max(updated, *pages[i]->date);
  out += "  <updated>" + format_rfc3339(updated) + "</updated>\n";
  out += "  <author><name>" + xml_escape(c.author.empty() ? c.title : c.author) + "</name></author>\n";
  out += "  <generator>hongfan</generator>\n";
  std::size_t n = 0;
  for (const Page* p : pages) {
    if (n++ >= kFeedEntries) break;
    std::string url = xml_escape(c.absolute_url(p->url));
    out += "  <entry>\n";
    out += "    <title>" + xml_escape(p->title) + "</title>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + url + "\"/>\n";
    out += "    <id>" + url + "</id>\n";
    out += "    <published>" + format_rfc3339(*p->date) + "</published>\n";
    out += "    <updated>" + format_rfc3339(*p->date) + "</updated>\n";
    if (!p->author.empty()) out += "    <author><name>" + xml_escape(p->author) + "</name></author>\n";
    if (!p->plain_summary.empty())
      out += "    <summary type=\"text\">" + xml_escape(p->plain_summary) + "</summary>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

namespace {
// sitemaps.org asks for URL-escaped locations: non-ASCII bytes (Chinese
// term names) are percent-encoded here, though the files keep UTF-8 names.
std::string uri_escape(std::string_view url) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : url) {
    if (c >= 0x80 || c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
        c == '`' || c == '{' || c == '|' || c == '}') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}
}  // namespace

std::string render_sitemap(const Config& c, const std::vector<SitemapEntry>& entries) {
  std::string out;
  out.reserve(256 + entries.size() * 128);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& e : entries) {
    out += "  <url><loc>" + xml_escape(uri_escape(c.absolute_url(e.url))) + "</loc>";
    if (e.lastmod > 0) out += "<lastmod>" + format_rfc3339(e.lastmod) + "</lastmod>";
    out += "</url>\n";
  }
  out += "</urlset>\n";
  return out;
}

std::string render_robots(const Config& c) {
  return "User-agent: *\nAllow: /\n\nSitemap: " + c.absolute_url("sitemap.xml") + "\n";
}

}  // namespace hongfan
