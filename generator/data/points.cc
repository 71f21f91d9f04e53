#include "data/points.h"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <map>

#include "core/date.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/yaml.h"
#include "data/privacy.h"
#include "data/site_data.h"

namespace hongfan {

std::optional<std::string> decode_text(std::string_view bytes, std::size_t* bad_offset) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (utf8::valid(bytes)) return std::string(bytes);
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  bool ok = true;
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &dst, &out_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        std::size_t used = static_cast<std::size_t>(dst - out.data());
        out.resize(out.size() * 2);
        dst = out.data() + used;
        out_left = out.size() - used;
        continue;
      }
      ok = false;
      if (bad_offset) *bad_offset = static_cast<std::size_t>(in - bytes.data());
      break;
    }
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(static_cast<std::size_t>(dst - out.data()));
  return out;
}

namespace {

struct Field {
  std::string text;
  SourceLoc loc;
};
using Record = std::vector<Field>;

// RFC 4180 CSV with quotes; each field knows its line and column.
std::vector<Record> parse_csv(const std::string& text, const std::string& file) {
  std::vector<Record> records;
  Record rec;
  Field field;
  int line = 1;
  std::size_t line_start = 0, i = 0;
  bool in_quotes = false, field_started = false;
  auto begin_field = [&] {
    if (field_started) return;
    field_started = true;
    field.loc = {file, line, utf8::column_of(std::string_view(text).substr(line_start), i - line_start)};
  };
  auto end_field = [&] {
    begin_field();
    rec.push_back(std::move(field));
    field = Field{};
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    bool blank = rec.size() == 1 && trim(rec[0].text).empty();
    if (!blank) records.push_back(std::move(rec));
    rec.clear();
  };
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.text += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        if (c == '\n') {
          ++line;
          line_start = i + 1;
        }
        field.text += c;
      }
      continue;
    }
    if (c == '"') {
      begin_field();
      in_quotes = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      end_record();
      ++line;
      line_start = i + 1;
    } else {
      begin_field();
      field.text += c;
    }
  }
  if (field_started || !rec.empty()) end_record();
  return records;
}

bool is_id_like(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

std::optional<long long> parse_whole(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// 2024-06-01, or 2024/6/1 as Excel on Chinese Windows writes it.
bool parse_day(std::string_view s, int& y, int& m, int& d) {
  s = trim(s);
  // A time after the day (2024-06-01 09:30, 2024-06-01T09:30) is ignored:
  // rankings count days.
  if (auto cut = s.find_first_of(" T"); cut != std::string_view::npos && cut >= 8) s = s.substr(0, cut);
  char sep = s.find('/') != std::string_view::npos ? '/' : '-';
  std::vector<int> parts;
  std::size_t from = 0;
  while (from <= s.size()) {
    auto to = s.find(sep, from);
    if (to == std::string_view::npos) to = s.size();
    int v = 0;
    auto part = s.substr(from, to - from);
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (part.empty() || ec != std::errc() || p != part.data() + part.size()) return false;
    parts.push_back(v);
    from = to + 1;
  }
  if (parts.size() != 3) return false;
  y = parts[0], m = parts[1], d = parts[2];
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  int next_y = m == 12 ? y + 1 : y, next_m = m == 12 ? 1 : m + 1;
  return d <= days_from_civil(next_y, next_m, 1) - days_from_civil(y, m, 1);
}

class LedgerReader {
 public:
  LedgerReader(const FileSystem& site, const Config& config, const SiteData& data, Diagnostics& diags)
      : config_(config), data_(data), diags_(diags) {
    have_people_ = site.is_file("data/people.yaml");
    have_grids_ = site.is_file("data/grids.yaml");
    for (const auto& p : data.people) by_grid_name_[p.grid + "/" + p.name].push_back(&p);
  }

  // One row, its fields by column name; adds it to `out` when it is good.
  void row(const std::map<std::string, Field>& f, const SourceLoc& row_loc, Ledger& out) {
    auto get = [&](const char* k) -> const Field& {
      static const Field none;
      auto it = f.find(k);
      return it == f.end() ? none : it->second;
    };
    auto at = [&](const Field& x) { return x.loc.line ? x.loc : row_loc; };
    std::size_t before = diags_.error_count();
    PointsRow r;
    r.loc = row_loc;
    const Field& date = get("date");
    if (!parse_day(date.text, r.year, r.month, r.day))
      diags_.error(at(date), fmt::format("date '{}' is not a date", std::string(trim(date.text))),
                   "write dates like 2024-06-01");
    const Field& grid = get("grid");
    r.grid = std::string(trim(grid.text));
    if (r.grid.empty())  // an id says where the person lives
      if (const Person* p = data_.person(std::string(trim(get("person").text)))) r.grid = p->grid;
    if (r.grid.empty())
      diags_.error(at(grid), "grid is missing", "every row names the person's grid, like g01");
    else if (have_grids_ && !data_.grid(r.grid))
      diags_.error(at(grid), fmt::format("grid '{}' is not in data/grids.yaml", r.grid));
    const Field& points = get("points");
    if (auto v = parse_whole(points.text)) r.points = *v;
    else
      diags_.error(at(points), fmt::format("points '{}' is not a whole number", std::string(trim(points.text))),
                   "write points in digits, like 5 or -20 for a redemption");
    const Field& cat = get("category");
    r.category = std::string(trim(cat.text));
    const auto& cats = config_.points_categories;
    if (r.category.empty())
      diags_.error(at(cat), "category is missing");
    else if (r.points >= 0 && !cats.empty() && std::find(cats.begin(), cats.end(), r.category) == cats.end()) {
      std::string list;
      for (const auto& c : cats) list += (list.empty() ? "" : ", ") + c;
      diags_.error(at(cat), fmt::format("category '{}' is not one of site.yaml points.categories ({})", r.category, list),
                   "negative rows (redemptions) may use any category, such as 兑换");
    }
    r.reason = std::string(trim(get("reason").text));
    person(get("person"), at(get("person")), r);
    if (diags_.error_count() == before) out.rows.push_back(std::move(r));
  }

 private:
  void person(const Field& f, const SourceLoc& loc, PointsRow& r) {
    std::string who(trim(f.text));
    if (who.empty()) {
      diags_.error(loc, "person is missing", "write a person id from data/people.yaml or a name");
      return;
    }
    if (const Person* p = data_.person(who)) {
      if (!r.grid.empty() && p->grid != r.grid && !p->grid.empty())
        diags_.error(loc, fmt::format("person '{}' lives in grid {}, not {}", who, p->grid, r.grid));
      take(*p, r);
      return;
    }
    if (!have_people_) {
      // Without people.yaml a name is all we have; it is masked.
      r.person_key = r.grid + "/" + who;
      r.full_name = who;
      r.name = config_.mask_residents ? mask_name(who) : who;
      return;
    }
    if (is_id_like(who)) {
      diags_.error(loc, fmt::format("person '{}' is not in data/people.yaml", who),
                   "write an id that data/people.yaml has, or the person's name");
      return;
    }
    auto it = by_grid_name_.find(r.grid + "/" + who);
    if (it == by_grid_name_.end())
      diags_.error(loc, fmt::format("person '{}' is not in data/people.yaml for grid {}", who, r.grid));
    else if (it->second.size() > 1)
      diags_.error(loc, fmt::format("person '{}' is ambiguous in grid {}: {} people have this name", who, r.grid,
                                    it->second.size()),
                   "write the person's id instead");
    else
      take(*it->second.front(), r);
  }

  void take(const Person& p, PointsRow& r) {
    r.person_key = p.id;
    r.full_name = p.name;
    r.name = p.is_public || !config_.mask_residents ? p.name : mask_name(p.name);
  }

  const Config& config_;
  const SiteData& data_;
  Diagnostics& diags_;
  bool have_people_ = false, have_grids_ = false;
  std::map<std::string, std::vector<const Person*>> by_grid_name_;
};

void read_csv(const std::string& file, const std::string& text, LedgerReader& reader, Ledger& out,
              Diagnostics& diags) {
  auto records = parse_csv(text, file);
  if (records.empty()) return;
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < records[0].size(); ++i) column[std::string(trim(records[0][i].text))] = i;
  bool ok = true;
  for (const char* need : {"date", "person", "grid", "category", "points"})
    if (!column.count(need)) {
      diags.error({file, 1, 1}, fmt::format("the header has no '{}' column", need),
                  "the first line must be: date,person,grid,category,points,reason");
      ok = false;
    }
  if (!ok) return;
  for (std::size_t r = 1; r < records.size(); ++r) {
    std::map<std::string, Field> fields;
    for (const auto& [name, idx] : column)
      if (idx < records[r].size()) fields[name] = records[r][idx];
    reader.row(fields, {file, records[r][0].loc.line, 1}, out);
  }
}

void read_yaml(const std::string& file, const std::string& text, LedgerReader& reader, Ledger& out,
               Diagnostics& diags) {
  YamlSource src{file, 0, ""};
  auto doc = parse_yaml(text, src, diags);
  if (!doc) return;
  YAML::Node list = doc->IsMap() ? (*doc)["points"] : *doc;
  if (!list.IsSequence()) {
    diags.error(src.at(*doc), "expected a list of rows under `points:`");
    return;
  }
  for (const auto& item : list) {
    if (!item.IsMap()) {
      diags.error(src.at(item), "a row must be a mapping like {date: 2024-06-01, person: p001, ...}");
      continue;
    }
    std::map<std::string, Field> fields;
    for (const auto& kv : item)
      if (kv.second.IsScalar()) fields[kv.first.Scalar()] = {kv.second.Scalar(), src.at(kv.second)};
    reader.row(fields, src.at(item), out);
  }
}

}  // namespace

Ledger load_points(const FileSystem& site, const Config& config, const SiteData& data, Diagnostics& diags) {
  Ledger ledger;
  for (const char* file : {"data/points.csv", "data/points.yaml"}) {
    if (!site.is_file(file)) continue;
    auto bytes = site.read(file);
    if (!bytes) continue;
    std::size_t bad = 0;
    auto text = decode_text(*bytes, &bad);
    if (!text) {
      int line = 1 + static_cast<int>(std::count(bytes->begin(), bytes->begin() + static_cast<long>(bad), '\n'));
      diags.error({file, line, 1}, "the file is neither UTF-8 nor GBK", "save it from Excel as CSV (UTF-8) or CSV");
      continue;
    }
    if (!ledger.file.empty()) {
      diags.error({file, 1, 1}, fmt::format("both {} and {} exist", ledger.file, file), "keep only one ledger");
      continue;
    }
    ledger.file = file;
    LedgerReader reader(site, config, data, diags);
    if (ends_with(file, ".csv")) read_csv(file, *text, reader, ledger, diags);
    else read_yaml(file, *text, reader, ledger, diags);
  }
  return ledger;
}

}  // namespace hongfan
