#include "content/disclosures.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/yaml.h"

namespace hongfan {

namespace {

const std::vector<std::string> kCadences = {"固定", "定期", "即时"};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "、") + s;
  return out;
}

}  // namespace

const std::vector<std::string>& disclosure_kinds() {
  static const std::vector<std::string> kinds = {"党务公开", "居务公开", "财务公开"};
  return kinds;
}

std::optional<DisclosurePeriod> parse_period(std::string_view text) {
  text = trim(text);
  if (text.size() < 4 || !all_digits(text.substr(0, 4))) return std::nullopt;
  DisclosurePeriod p;
  p.text = std::string(text);
  p.year = to_int(text.substr(0, 4));
  std::string_view rest = text.substr(4);
  if (rest.empty()) {
    p.per_year = 1;
    return p;
  }
  if (rest.front() == '-') rest.remove_prefix(1);
  if (!rest.empty() && (rest.front() == 'Q' || rest.front() == 'q')) {
    rest.remove_prefix(1);
    if (rest.size() != 1 || rest[0] < '1' || rest[0] > '4') return std::nullopt;
    p.per_year = 4;
    p.index = rest[0] - '0';
    return p;
  }
  if (rest.empty() || rest.size() > 2 || !all_digits(rest)) return std::nullopt;
  p.index = to_int(rest);
  if (p.index < 1 || p.index > 12) return std::nullopt;
  p.per_year = 12;
  return p;
}

DisclosurePeriod DisclosurePeriod::next() const {
  DisclosurePeriod n = *this;
  if (per_year <= 1) {
    ++n.year;
  } else if (++n.index > per_year) {
    n.index = 1;
    ++n.year;
  }
  n.text = per_year == 4 ? fmt::format("{}-Q{}", n.year, n.index)
           : per_year == 12 ? fmt::format("{}-{:02}", n.year, n.index)
                            : fmt::format("{}", n.year);
  return n;
}

std::int64_t DisclosurePeriod::end_epoch() const {
  DisclosurePeriod n = next();
  int month = n.per_year <= 1 ? 1 : n.per_year == 4 ? (n.index - 1) * 3 + 1 : n.index;
  return days_from_civil(n.year, month, 1) * 86400 - kShanghaiOffsetMinutes * 60;
}

std::string DisclosurePeriod::title() const {
  static const char* const quarters[] = {"", "第一季度", "第二季度", "第三季度", "第四季度"};
  if (per_year == 4) return fmt::format("{}年{}", year, quarters[index]);
  if (per_year == 12) return fmt::format("{}年{}月", year, index);
  return fmt::format("{}年", year);
}

std::vector<Disclosure> read_disclosures(const ContentSet& content, Diagnostics& diags) {
  std::vector<Disclosure> out;
  for (const auto& page : content.pages) {
    if (!page.disclosure) continue;  // parse_page reads them for each item of content/gongkai/
    const Page* p = &page;
    const DisclosureFields& f = *page.disclosure;
    const SourceLoc head{p->source, 1, 1};
    Diagnostics local;
    Disclosure d;
    d.page = p;
    if (f.kind.given()) {
      d.kind = std::string(trim(f.kind.text));
      const auto& kinds = disclosure_kinds();
      if (std::find(kinds.begin(), kinds.end(), d.kind) == kinds.end())
        local.error(f.kind.loc, tr("disclosure '{}' is not one of {}", d.kind, join(kinds)),
                    tr("write one of them, like `disclosure: {}`", kinds[0]));
    } else if (f.kind.missing()) {
      local.error(f.kind.at(head), _("a 三务公开 item needs `disclosure:` (its kind)"),
                  f.kind.empty ? _("write the kind after `disclosure:`: 党务公开, 居务公开 or 财务公开")
                               : _("add a line like `disclosure: 党务公开` (or 居务公开, 财务公开)"));
    }
    if (f.cadence.given()) {
      d.cadence = std::string(trim(f.cadence.text));
      if (std::find(kCadences.begin(), kCadences.end(), d.cadence) == kCadences.end())
        local.error(f.cadence.loc, tr("cadence '{}' is not one of {}", d.cadence, join(kCadences)),
                    _("write `cadence: 定期` for a recurring item, 固定 for a standing one, 即时 as things happen"));
    }
    if (f.series.given()) {
      d.series = std::string(trim(f.series.text));
      d.series_loc = f.series.loc;
    }
    if (f.period.given()) {
      if (auto period = parse_period(f.period.text))
        d.period = *period;
      else
        local.error(f.period.loc, tr("period '{}' is not a year, a quarter or a month", f.period.text),
                    _("write it like `period: 2024`, `period: 2024-Q2` or `period: 2024-06`"));
    }
    if (d.cadence == "定期") {
      if (d.series.empty() && !f.series.unusable)
        local.error(f.series.at(head), _("a 定期 item needs `series:`, the name its recurring disclosures share"),
                    _("add a line like `series: 党费收缴情况`"));
      if (f.period.missing())
        local.error(f.period.at(head), _("a 定期 item needs `period:`, the year, quarter or month it covers"),
                    _("add a line like `period: 2024-Q2`"));
      if (d.series_loc.file.empty()) d.series_loc = head;
    }
    if (f.approval) {
      Disclosure::Approval ap{f.approval->proposed, f.approval->reviewed, f.approval->approved, ""};
      if (const Written& date = f.approval->date; date.given()) {
        std::string why;
        if (auto dt = parse_datetime(trim(date.text), &why)) ap.date = format_chinese_day(dt->epoch);
        else
          local.error(date.loc, tr("approval date '{}' is not a date: {}", date.text, why),
                      _("write dates as 2024-06-01"));
      }
      d.approval = ap;
    }
    for (const Written& a : f.attachments) d.attachments.push_back({a.text, a.loc});
    bool ok = !local.has_errors();
    diags.merge(std::move(local));
    if (ok) out.push_back(std::move(d));
  }
  const auto& kinds = disclosure_kinds();
  auto rank = [&](const std::string& k) { return std::find(kinds.begin(), kinds.end(), k) - kinds.begin(); };
  std::sort(out.begin(), out.end(), [&](const Disclosure& a, const Disclosure& b) {
    auto ka = rank(a.kind), kb = rank(b.kind);
    if (ka != kb) return ka < kb;
    if (a.period.ordinal() != b.period.ordinal()) return a.period.ordinal() > b.period.ordinal();
    auto da = a.page->date.value_or(INT64_MIN), db = b.page->date.value_or(INT64_MIN);
    if (da != db) return da > db;
    return a.page->source < b.page->source;
  });
  return out;
}

}  // namespace hongfan
