// Slug, date, URL and number parsers: small functions that see raw user text.
#include "check/links.h"
#include "core/date.h"
#include "core/privacy.h"
#include "core/slug.h"
#include "core/utf8.h"
#include "fuzz_util.h"
#include "markdown/markdown.h"
#include "render/urls.h"

using namespace hongfan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string why;
  if (auto dt = parse_datetime(text, &why)) {
    (void)format_chinese_date(dt->epoch);
    (void)format_rfc3339(dt->epoch, dt->offset_minutes);
    (void)format_iso_date(dt->epoch);
    (void)civil_from_epoch(dt->epoch, dt->offset_minutes);
  }
  (void)resolve_now(std::string(text), &why);
  // Split the input in two for the functions that take two strings.
  auto cut = text.find('|');
  std::string_view a = text.substr(0, cut), b = cut == std::string_view::npos ? "" : text.substr(cut + 1);
  std::string slug = page_slug(a, b, "2024-06-01", text);
  if (!a.empty() && unsafe_segment_reason(a).empty() && slug != a) std::abort();
  std::string from_stem = page_slug("", a, "", b);
  if (!unsafe_segment_reason(from_stem).empty()) std::abort();  // derived slugs are always safe
  std::string term = term_slug(text);
  if (!term.empty() && !unsafe_segment_reason(term).empty()) std::abort();
  std::string ascii = ascii_slugify(text);
  if (!ascii.empty() && !is_ascii_slug(ascii)) std::abort();
  (void)strip_date_prefix(text);
  (void)heading_id(text);
  (void)is_dangerous_url(text);
  std::string link = resolve_link("../../", text);
  if (is_dangerous_url(link)) std::abort();
  (void)resolve_site_link(a, b);
  (void)percent_decode(text);
  (void)find_mobile_numbers(text);
  (void)find_id_numbers(text);
  if (utf8::valid(text)) {
    (void)utf8::length(text);
    (void)utf8::prefix(text, 7);
  }
  std::string escaped = html_escape(text);
  if (escaped.find('<') != std::string::npos || escaped.find('"') != std::string::npos) std::abort();
  for (std::size_t i = 0; i < escaped.size(); ++i)
    if (is_bidi_control_at(escaped, i)) std::abort();  // dropped, even from broken UTF-8
  return 0;
}
