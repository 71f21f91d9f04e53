#include "content/page.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <set>

#include "content/front_matter.h"
#include "core/date.h"
#include "core/hash.h"
#include "core/i18n.h"
#include "core/slug.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/yaml.h"

namespace hongfan {

namespace {

// "content/news/2024-06-01-x.md" → section "news", stem "2024-06-01-x".
void split_path(const std::string& path, std::string& section, std::string& stem) {
  std::string rest = path.substr(path.find('/') + 1);  // drop "content/"
  auto slash = rest.find('/');
  section = slash == std::string::npos ? "" : rest.substr(0, slash);
  auto base = rest.substr(rest.rfind('/') == std::string::npos ? 0 : rest.rfind('/') + 1);
  stem = base.substr(0, base.rfind('.'));
}

std::optional<Page> parse_page_into(const std::string& path, std::string_view text,
                                    Diagnostics& diags, Diagnostics& section_keys);

}  // namespace

std::optional<Page> parse_page(const std::string& path, std::string_view text, Diagnostics& diags) {
  Diagnostics local;  // counted on its own: other workers report concurrently
  // A mistake in a section's keys or the media leaves the page in: the
  // stages that use them leave out what they cannot use, and say in the
  // same build what else is wrong (a missing start:, an unknown organiser).
  Diagnostics section_keys;
  auto page = parse_page_into(path, text, local, section_keys);
  bool ok = !local.has_errors();
  diags.merge(std::move(local));
  diags.merge(std::move(section_keys));
  if (!ok) return std::nullopt;
  return page;
}

namespace {
std::optional<Page> parse_page_into(const std::string& path, std::string_view text,
                                    Diagnostics& diags, Diagnostics& section_keys) {
  if (auto bad = utf8::first_invalid(text); bad != std::string_view::npos) {
    int line = 1;
    for (std::size_t i = 0; i < bad; ++i) line += text[i] == '\n';
    diags.error({path, line, 1}, _("the file is not valid UTF-8"),
                _("save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8)"));
    return std::nullopt;
  }
  FrontMatterError fm_error;
  auto split = split_front_matter(text, &fm_error);
  if (!split) {
    diags.error({path, fm_error.line, 1}, fm_error.message, fm_error.hint);
    return std::nullopt;
  }
  YamlSource src{path, split->yaml_first_line - 1, N_("front matter")};
  auto parsed = parse_front_matter(split->yaml, src, diags);
  if (!parsed) return std::nullopt;
  YAML::Node fm = *parsed;

  Page p;
  p.source = path;
  std::string stem;
  split_path(path, p.section, stem);
  p.is_section_index = stem == "_index";
  static const char* const known[] = {"title", "date", "summary", "tags", "categories", "author",
                                      "source", "cover", "slug", "draft", "pinned", "org",
                                      "grid", "brand", "station", "publish_date", "expires"};
  for (const auto& kv : fm) {
    const std::string& key = kv.first.Scalar();
    if (std::find(std::begin(known), std::end(known), key) == std::end(known))
      p.params[key] = kv.second;
  }
  p.body = std::string(split->body);
  p.body_first_line = split->body_first_line;

  if (auto v = yaml_string(fm, "title", src, diags)) p.title = std::string(trim(*v));
  const bool title_reported =  // a list, a mapping or a NUL: yaml_string said so already
      fm["title"].IsSequence() || fm["title"].IsMap() ||
      (fm["title"].IsScalar() && fm["title"].Scalar().find('\0') != std::string::npos);
  if (p.title.empty() && !title_reported)
    diags.error({path, split->yaml_first_line, 1}, _("front matter: 'title' is required"),
                _("add a line like `title: 社区开展垃圾分类宣传活动`"));

  std::string iso_date;
  if (auto v = yaml_string(fm, "date", src, diags)) {
    std::string why;
    if (auto dt = parse_datetime(trim(*v), &why)) {
      p.date = dt->epoch;
      p.has_time = dt->has_time;
      iso_date = format_iso_date(dt->epoch);
    } else {
      diags.error(src.at(fm["date"]), tr("front matter: date '{}' is not a date: {}", *v, why),
                  _("write dates as 2024-06-01 or 2024-06-01T09:30:00+08:00"));
    }
  } else if (!p.is_section_index && (p.section == "news" || p.section == "notices") &&
             !fm["date"].IsDefined()) {
    diags.error({path, split->yaml_first_line, 1},
                tr("front matter: 'date' is required in {}/", p.section),
                _("add a line like `date: 2024-06-01`"));
  }
  for (const char* key : {"publish_date", "expires"}) {
    auto v = yaml_string(fm, key, src, diags);
    if (!v) continue;
    std::string why;
    if (auto dt = parse_datetime(trim(*v), &why)) {
      // `expires: 2024-06-30` means "through that day": it ends at midnight.
      if (std::string_view(key) == "expires") p.expires = dt->epoch + (dt->has_time ? 0 : 86400);
      else p.publish_date = dt->epoch;
    } else
      diags.error(src.at(fm[key]), tr("front matter: {} '{}' is not a date: {}", key, *v, why),
                  _("write dates as 2024-06-01 or 2024-06-01 09:30"));
  }
  if (auto v = yaml_string(fm, "summary", src, diags)) p.summary = std::string(trim(*v));
  if (auto v = yaml_string(fm, "author", src, diags)) p.author = *v;
  if (auto v = yaml_string(fm, "source", src, diags)) p.source_name = *v;
  if (auto v = yaml_string(fm, "cover", src, diags)) {
    p.cover = *v;
    p.cover_loc = src.at(fm["cover"]);
  }
  if (auto v = yaml_string_list(fm, "tags", src, diags)) p.tags = *v;
  if (auto v = yaml_string_list(fm, "categories", src, diags)) p.categories = *v;
  if (auto v = yaml_bool(fm, "draft", src, diags)) p.draft = *v;
  if (auto v = yaml_bool(fm, "pinned", src, diags)) p.pinned = *v;
  p.org = read_data_ref(fm, "org", src, diags);
  p.grid = read_data_ref(fm, "grid", src, diags);
  p.brand = read_data_ref(fm, "brand", src, diags);
  p.station = read_data_ref(fm, "station", src, diags);

  p.featured = read_featured(fm);
  if (auto media = read_page_media(fm, src, section_keys); !media.empty())
    p.media = std::make_shared<const PageMedia>(std::move(media));
  if (!p.is_section_index) {
    if (p.section == "activities")
      p.activity = std::make_shared<const ActivityFields>(read_activity_fields(fm, src, section_keys));
    else if (p.section == "brands")
      p.brand_fields = std::make_shared<const BrandFields>(read_brand_fields(fm, src, section_keys));
    else if (p.section == "gongkai")
      p.disclosure = std::make_shared<const DisclosureFields>(read_disclosure_fields(fm, src, section_keys));
  }

  std::string explicit_slug;
  if (auto v = yaml_string(fm, "slug", src, diags)) {
    explicit_slug = std::string(trim(*v));
    std::string why = unsafe_segment_reason(explicit_slug);
    if (!why.empty()) {
      diags.error(src.at(fm["slug"]), tr("front matter: slug '{}' cannot be used: {}", explicit_slug, why),
                  _("use letters, digits and '-', like `slug: spring-cleaning`"));
      explicit_slug.clear();
    }
  }
  p.slug = page_slug(explicit_slug, stem, iso_date, p.title);
  if (explicit_slug.empty() && !p.is_section_index && slug_needs_title(stem)) {
    p.slug_from_title = true;
    p.title_loc = src.at(fm["title"]);
  }
  if (p.is_section_index) p.url = p.section.empty() ? "" : p.section + "/";
  else if (p.section.empty()) p.url = p.slug + "/";
  else p.url = p.section + "/" + p.slug + "/";

  return p;
}
}  // namespace

std::uint64_t placement_signature(const Page& p) {
  Fnv1a64 h;
  auto field = [&h](std::string_view s) {
    h.update(s);
    h.update(std::string_view("\0", 1));
  };
  auto number = [&](std::optional<std::int64_t> v) { field(v ? std::to_string(*v) : std::string("-")); };
  field(p.source);
  field(p.url);
  field(p.section);
  field(p.is_section_index ? "index" : "");
  if (p.is_section_index || p.section == "brands") field(p.title);
  number(p.date);
  number(p.publish_date);
  number(p.expires);
  field(std::string{p.has_time ? 't' : '-', p.draft ? 'd' : '-', p.pinned ? 'p' : '-', p.expired ? 'e' : '-'});
  for (const auto* list : {&p.tags, &p.categories}) {
    for (const auto& t : *list) field(t);
    field("|");
  }
  for (const DataRef* r : {&p.org, &p.grid, &p.brand, &p.station}) field(r->id);
  // What a page shows as text, or on its own page only.
  static const std::set<std::string> shown = {"title", "summary", "author", "source", "cover", "gallery", "video"};
  if (p.params.IsMap()) {
    for (const auto& kv : p.params) {
      std::string key = kv.first.Scalar();
      if (shown.count(key)) continue;
      field(key);
      field(YAML::Dump(kv.second));
    }
  } else {
    field("~");
  }
  return h.value();
}

}  // namespace hongfan
