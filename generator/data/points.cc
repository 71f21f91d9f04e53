#include "data/points.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "core/date.h"
#include "core/encoding.h"
#include "core/i18n.h"
#include "core/privacy.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/yaml.h"
#include "data/site_data.h"
#include "data/xlsx.h"

namespace hongfan {

namespace {

// The ledger's files, in the order they are looked for; only one may exist.
constexpr const char* kLedgerFiles[] = {"data/points.csv", "data/points.xlsx", "data/points.yaml"};

struct Field {
  std::string text;
  SourceLoc loc;
  /// In a workbook, where the cell is in the words Excel shows (第5行 C列（网格）),
  /// since line:col alone means little there; "" in text files.
  std::string where;
};
using Record = std::vector<Field>;

// The columns a ledger has, and the header words staff may write for each
// (docs/content/reference/format.md): English, or the Chinese Excel users type.
struct Column {
  const char* key;
  std::vector<std::string_view> names;
};
const std::vector<Column>& columns() {
  static const std::vector<Column> c = {
      {"date", {"date", "日期"}},          {"person", {"person", "人员", "姓名"}},
      {"grid", {"grid", "网格"}},          {"category", {"category", "类别"}},
      {"points", {"points", "积分"}},      {"reason", {"reason", "事由"}},
  };
  return c;
}

// The column key a header cell names, or "".
std::string column_key(std::string_view header) {
  std::string h(trim(header));
  for (char& c : h)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const auto& col : columns())
    for (auto name : col.names)
      if (h == name) return col.key;
  return {};
}

// The header word to show for a missing column, in the reader's language.
std::string column_word(const std::string& key) {
  for (const auto& col : columns())
    if (key == col.key) return std::string(message_language() == std::string("en") ? col.names[0] : col.names[1]);
  return key;
}

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
    // A blank row (Excel writes `,,,,,` for one) is skipped.
    bool blank = std::all_of(rec.begin(), rec.end(), [](const Field& f) { return trim(f.text).empty(); });
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

class LedgerReader {
 public:
  LedgerReader(const FileSystem& site, const Config& config, const SiteData& data, Diagnostics& diags)
      : config_(config), data_(data), diags_(diags) {
    have_people_ = site.is_file("data/people.yaml");
    have_grids_ = site.is_file("data/grids.yaml");
    for (const auto& p : data.people) by_grid_name_[p.grid + "/" + p.name].push_back(&p);
    for (const auto& g : data.grids) grids_by_name_[g.name].push_back(&g);
  }

  // One row, its fields by column key; adds it to `out` when it is good.
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
    std::string why;
    if (auto dt = parse_datetime(trim(date.text), &why)) {
      // Rankings count days: a time after the day only tells when.
      CivilTime c = civil_from_epoch(dt->epoch);
      r.year = c.year, r.month = c.month, r.day = c.day;
    } else {
      diags_.error(at(date), date.where + tr("date '{}' is not a date: {}", std::string(trim(date.text)), why),
                   date_format_hint());
    }
    read_grid(get("grid"), at(get("grid")), get("person"), r);
    const Field& points = get("points");
    if (auto v = parse_whole(points.text)) r.points = *v;
    else
      diags_.error(at(points), points.where + tr("points '{}' is not a whole number", std::string(trim(points.text))),
                   _("write points in digits, like 5, or -20 for a redemption"));
    const Field& cat = get("category");
    r.category = std::string(trim(cat.text));
    const auto& cats = config_.points_categories;
    if (r.category.empty()) {
      diags_.error(at(cat), cat.where + _("the category is missing"),
                   tr("write one of site.yaml points.categories, like {}", cats.empty() ? "先锋指数" : cats[0]));
    } else if (r.points >= 0 && !cats.empty() && std::find(cats.begin(), cats.end(), r.category) == cats.end()) {
      std::string list;
      for (const auto& c : cats) list += (list.empty() ? "" : "、") + c;
      diags_.error(at(cat), cat.where + tr("category '{}' is not one of site.yaml points.categories ({})", r.category, list),
                   _("negative rows (redemptions) may use any category, such as 兑换"));
    }
    r.reason = std::string(trim(get("reason").text));
    person(get("person"), at(get("person")), r);
    if (diags_.error_count() == before) out.rows.push_back(std::move(r));
  }

 private:
  // The grid column holds a grid's id or its name (第一网格); without it, an
  // id in the person column says where the person lives.
  void read_grid(const Field& grid, const SourceLoc& loc, const Field& who, PointsRow& r) {
    r.grid = std::string(trim(grid.text));
    if (r.grid.empty()) {
      if (const Person* p = data_.person(std::string(trim(who.text)))) r.grid = p->grid;
      if (r.grid.empty())
        diags_.error(loc, grid.where + _("the grid is missing"), _("every row names the person's grid, like g01 or 第一网格"));
      return;
    }
    if (!have_grids_ || data_.grid(r.grid)) return;
    auto it = grids_by_name_.find(r.grid);
    if (it != grids_by_name_.end() && it->second.size() == 1) {
      r.grid = it->second.front()->id;
      return;
    }
    if (it != grids_by_name_.end())
      diags_.error(loc, grid.where + tr("grid name '{}' is used by {} grids in data/grids.yaml", r.grid, it->second.size()),
                   _("write the grid's id instead, like g01"));
    else
      diags_.error(loc, grid.where + tr("grid '{}' is not in data/grids.yaml", r.grid),
                   _("write a grid's id or name from data/grids.yaml, like g01 or 第一网格"));
  }

  void person(const Field& f, const SourceLoc& loc, PointsRow& r) {
    std::string who(trim(f.text));
    if (who.empty()) {
      diags_.error(loc, f.where + _("the person is missing"), _("write a person id from data/people.yaml or a name"));
      return;
    }
    if (const Person* p = data_.person(who)) {
      if (!r.grid.empty() && p->grid != r.grid && !p->grid.empty())
        diags_.error(loc, f.where + tr("person '{}' lives in grid {}, not {}", who, p->grid, r.grid),
                     tr("write grid {} in this row, or the id of the right person", p->grid));
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
      diags_.error(loc, f.where + tr("person '{}' is not in data/people.yaml", who),
                   _("write an id that data/people.yaml has, or the person's name"));
      return;
    }
    auto it = by_grid_name_.find(r.grid + "/" + who);
    if (it == by_grid_name_.end())
      diags_.error(loc, f.where + tr("person '{}' is not in data/people.yaml for grid {}", who, r.grid),
                   _("add the person to data/people.yaml, or check the name and the grid"));
    else if (it->second.size() > 1)
      diags_.error(loc, f.where + tr("person '{}' is ambiguous in grid {}: {} people have this name", who, r.grid,
                                     it->second.size()),
                   _("write the person's id instead"));
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
  std::map<std::string, std::vector<const Grid*>> grids_by_name_;
};

// The header row → column key for each column index; reports missing columns.
bool read_header(const std::string& file, const std::vector<std::string>& header,
                 std::map<std::string, std::size_t>& column, Diagnostics& diags) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (std::string key = column_key(header[i]); !key.empty() && !column.count(key)) column[key] = i;
  bool ok = true;
  for (const char* need : {"date", "person", "grid", "category", "points"})
    if (!column.count(need)) {
      diags.error({file, 1, 1}, tr("the first row (the header) has no '{}' column", column_word(need)),
                  _("the first row must be: 日期,人员,网格,类别,积分,事由 (or date,person,grid,category,points,reason)"));
      ok = false;
    }
  return ok;
}

void read_csv(const std::string& file, const std::string& text, LedgerReader& reader, Ledger& out,
              Diagnostics& diags) {
  auto records = parse_csv(text, file);
  if (records.empty()) return;
  std::vector<std::string> header;
  for (const auto& f : records[0]) header.push_back(f.text);
  std::map<std::string, std::size_t> column;
  if (!read_header(file, header, column, diags)) return;
  for (std::size_t r = 1; r < records.size(); ++r) {
    std::map<std::string, Field> fields;
    for (const auto& [name, idx] : column)
      if (idx < records[r].size()) fields[name] = records[r][idx];
    reader.row(fields, {file, records[r][0].loc.line, 1}, out);
  }
}

void read_xlsx(const std::string& file, std::string_view bytes, LedgerReader& reader, Ledger& out,
               Diagnostics& diags) {
  std::string why;
  auto rows = read_xlsx_first_sheet(bytes, &why);
  if (!rows) {
    diags.error({file, 1, 1}, why,
                _("open it in Excel or WPS and save it again as an Excel workbook (.xlsx), or save it as CSV"));
    return;
  }
  if (rows->empty()) return;
  const XlsxRow& head = rows->front();
  std::map<std::string, std::size_t> column;
  if (!read_header(file, head.cells, column, diags)) return;
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const XlsxRow& row = (*rows)[r];
    std::map<std::string, Field> fields;
    for (const auto& [name, idx] : column) {
      Field f;
      if (idx < row.cells.size()) f.text = row.cells[idx];
      const int col = static_cast<int>(idx) + 1;
      f.loc = {file, row.number, col};
      f.where = tr("row {}, column {} ({}): ", row.number, xlsx_column_name(col), std::string(trim(head.cells[idx])));
      fields[name] = std::move(f);
    }
    reader.row(fields, {file, row.number, 1}, out);
  }
}

void read_yaml(const std::string& file, const std::string& text, LedgerReader& reader, Ledger& out,
               Diagnostics& diags) {
  YamlSource src{file, 0, ""};
  src.text = std::make_shared<const std::string>(text);
  auto doc = parse_yaml(text, src, diags);
  if (!doc || doc->IsNull()) return;
  YAML::Node list = doc->IsMap() ? (*doc)["points"] : *doc;
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    diags.error(src.at(*doc), _("expected a list of rows under `points:`"),
                _("write each row as a line like `  - {date: 2024-06-01, person: p001, grid: g01, category: 先锋指数, points: 5}`"));
    return;
  }
  for (const auto& item : list) {
    if (!item.IsMap()) {
      diags.error(src.at(item), _("a row must be a mapping like {date: 2024-06-01, person: p001, ...}"));
      continue;
    }
    std::map<std::string, Field> fields;
    for (const auto& kv : item) {
      std::string key = column_key(kv.first.Scalar());
      if (!key.empty() && kv.second.IsScalar()) fields[key] = {kv.second.Scalar(), src.at(kv.second), ""};
    }
    reader.row(fields, src.at(item), out);
  }
}

// A resident who redeemed more than they earned: the ledger has a mistake
// (or a missing award). Warn at the row where the balance went below zero.
void warn_overdrawn(const Ledger& ledger, Diagnostics& diags) {
  struct Account {
    long long earned = 0, redeemed = 0;
    const PointsRow* first_below = nullptr;
  };
  std::map<std::string, Account> accounts;
  std::vector<std::string> order;
  for (const auto& r : ledger.rows) {
    auto [it, fresh] = accounts.try_emplace(r.person_key);
    if (fresh) order.push_back(r.person_key);
    Account& a = it->second;
    (r.points >= 0 ? a.earned : a.redeemed) += r.points >= 0 ? r.points : -r.points;
    if (!a.first_below && a.earned < a.redeemed) a.first_below = &r;
  }
  for (const auto& key : order) {
    const Account& a = accounts[key];
    if (a.earned >= a.redeemed) continue;
    const PointsRow& r = *a.first_below;
    diags.warning(r.loc, tr("{} (grid {}) redeemed {} points but earned only {}; the points pages show a balance of 0",
                            r.name, r.grid, a.redeemed, a.earned),
                  _("check this person's rows: an award may be missing, or a redemption written twice"));
  }
}

}  // namespace

Ledger load_points(const FileSystem& site, const Config& config, const SiteData& data, Diagnostics& diags) {
  Ledger ledger;
  std::vector<std::string> present;
  for (const char* file : kLedgerFiles)
    if (site.is_file(file)) present.push_back(file);
  if (present.empty()) return ledger;
  if (present.size() > 1) {
    // Which one is right is for staff to say: never pick one silently.
    for (std::size_t i = 1; i < present.size(); ++i)
      diags.error({present[i], 1, 1}, tr("both {} and {} exist: hongfan reads one ledger", present[0], present[i]),
                  tr("keep the one that is up to date and delete or rename the other (e.g. {}.old)", present[i]));
    return ledger;
  }
  const std::string& file = present[0];
  ledger.file = file;
  LedgerReader reader(site, config, data, diags);
  if (ends_with(file, ".xlsx")) {
    auto bytes = site.read(file);
    if (!bytes) {
      diags.error({file}, _("cannot read this file"),
                  _("check that the file is not open in another program and that you may read it"));
      return ledger;
    }
    read_xlsx(file, *bytes, reader, ledger, diags);
  } else {
    // Excel's "CSV" on Chinese Windows is GBK: expected, so not warned about.
    auto text = read_text_file(site, file, diags, ends_with(file, ".csv") ? GbkPolicy::silent : GbkPolicy::warn);
    if (!text) return ledger;
    if (ends_with(file, ".csv")) read_csv(file, *text, reader, ledger, diags);
    else read_yaml(file, *text, reader, ledger, diags);
  }
  warn_overdrawn(ledger, diags);
  return ledger;
}

}  // namespace hongfan
