#include "data/xlsx.h"

#include <expat.h>
#include <fmt/format.h>
#include <zip.h>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"

namespace hongfan {

namespace {

// A part larger than this is not a ledger a person typed: refuse it rather
// than inflate a zip bomb.
constexpr zip_uint64_t kMaxPartBytes = 256u << 20;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// The workbook's container, read from memory.
class Package {
 public:
  bool open(std::string_view bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (!src) {
      zip_error_fini(&err);
      return false;
    }
    zip_.reset(zip_open_from_source(src, ZIP_RDONLY, &err));
    if (!zip_) zip_source_free(src);  // on success the archive owns it
    zip_error_fini(&err);
    return zip_ != nullptr;
  }

  /// The bytes of part `name` ("xl/workbook.xml"); nullopt when missing or unreadable.
  std::optional<std::string> read(const std::string& name) const {
    zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
        !(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPartBytes)
      return std::nullopt;
    zip_file_t* f = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
    if (!f) return std::nullopt;
    std::string out(st.size, '\0');
    zip_int64_t n = zip_fread(f, out.data(), st.size);
    zip_fclose(f);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
    return out;
  }

 private:
  std::unique_ptr<zip_t, ZipCloser> zip_;
};

struct ParserFree {
  void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

// expat with namespace processing; handlers see local names ("c", "row"),
// whatever prefix the writer chose.
class Xml {
 public:
  using Attrs = std::map<std::string, std::string>;
  std::function<void(const std::string& name, const Attrs& attrs)> on_start;
  std::function<void(const std::string& name)> on_end;
  std::function<void(std::string_view text)> on_text;

  /// false on malformed XML.
  bool parse(const std::string& doc) {
    std::unique_ptr<XML_ParserStruct, ParserFree> p(XML_ParserCreateNS("UTF-8", '|'));
    if (!p) return false;
    XML_SetUserData(p.get(), this);
    XML_SetElementHandler(p.get(), &Xml::start, &Xml::end);
    XML_SetCharacterDataHandler(p.get(), &Xml::chars);
    return XML_Parse(p.get(), doc.data(), static_cast<int>(doc.size()), XML_TRUE) == XML_STATUS_OK;
  }

 private:
  static std::string local(const char* name) {
    std::string_view s(name);
    auto bar = s.rfind('|');
    return std::string(bar == std::string_view::npos ? s : s.substr(bar + 1));
  }
  static void start(void* self, const XML_Char* name, const XML_Char** atts) {
    auto* x = static_cast<Xml*>(self);
    if (!x->on_start) return;
    Attrs attrs;
    for (int i = 0; atts[i]; i += 2) attrs[local(atts[i])] = atts[i + 1];
    x->on_start(local(name), attrs);
  }
  static void end(void* self, const XML_Char* name) {
    auto* x = static_cast<Xml*>(self);
    if (x->on_end) x->on_end(local(name));
  }
  static void chars(void* self, const XML_Char* s, int len) {
    auto* x = static_cast<Xml*>(self);
    if (x->on_text) x->on_text(std::string_view(s, static_cast<std::size_t>(len)));
  }
};

std::string attr(const Xml::Attrs& a, const char* key) {
  auto it = a.find(key);
  return it == a.end() ? std::string() : it->second;
}

// Excel's built-in number formats that show a date or time (ECMA-376
// 18.8.30; 27–36 and 50–58 are the East Asian date formats zh-CN uses).
bool builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

// A custom format shows a date when, outside quoted text, escapes and
// [colour/locale] sections, it uses y, m, d, h or s: `yyyy"年"m"月"d"日"`.
bool custom_date_format(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal or padding
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      bracket = bracket > 0 ? bracket - 1 : 0;
    } else if (bracket == 0) {
      char l = static_cast<char>(c | 0x20);
      if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's') return true;
    }
  }
  return false;
}

// Which cell styles (the `s` index of a cell) show dates.
std::vector<bool> date_styles(const std::optional<std::string>& styles) {
  std::vector<bool> out;
  if (!styles) return out;
  std::map<int, std::string> custom;
  std::vector<int> xf_formats;
  bool in_cell_xfs = false;
  Xml x;
  x.on_start = [&](const std::string& name, const Xml::Attrs& a) {
    if (name == "numFmt") custom[std::atoi(attr(a, "numFmtId").c_str())] = attr(a, "formatCode");
    else if (name == "cellXfs") in_cell_xfs = true;
    else if (name == "xf" && in_cell_xfs) xf_formats.push_back(std::atoi(attr(a, "numFmtId").c_str()));
  };
  x.on_end = [&](const std::string& name) {
    if (name == "cellXfs") in_cell_xfs = false;
  };
  if (!x.parse(*styles)) return out;
  for (int id : xf_formats) {
    auto it = custom.find(id);
    out.push_back(it != custom.end() ? custom_date_format(it->second) : builtin_date_format(id));
  }
  return out;
}

std::vector<std::string> shared_strings(const std::optional<std::string>& part, bool& ok) {
  std::vector<std::string> out;
  ok = true;
  if (!part) return out;
  std::string current;
  bool in_t = false;
  int phonetic = 0;  // <rPh> runs carry pinyin/furigana readings, not the text
  Xml x;
  x.on_start = [&](const std::string& name, const Xml::Attrs&) {
    if (name == "si") current.clear();
    else if (name == "rPh") ++phonetic;
    else if (name == "t") in_t = phonetic == 0;
  };
  x.on_end = [&](const std::string& name) {
    if (name == "si") out.push_back(current);
    else if (name == "rPh") --phonetic;
    else if (name == "t") in_t = false;
  };
  x.on_text = [&](std::string_view s) {
    if (in_t) current += s;
  };
  ok = x.parse(*part);
  return out;
}

// A number as Excel's General format shows it: 5, -20, 2.5.
std::string general_number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
    return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

// A date serial (days since 1899-12-30 in the 1900 system, with Lotus's
// phantom 1900-02-29; since 1904-01-01 in the 1904 system) as ISO text.
std::string serial_to_date(double v, bool date1904) {
  double whole = std::floor(v);
  long long seconds = std::llround((v - whole) * 86400.0);
  long long days = static_cast<long long>(whole);
  if (seconds >= 86400) {
    ++days;
    seconds -= 86400;
  }
  if (date1904) days += 1462;
  else if (days < 61) days += 1;  // before the phantom day the count is one off
  const long long unix_days = days - 25569;
  CivilTime c = civil_from_epoch(unix_days * 86400 + seconds, 0);
  std::string out = fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
  if (seconds > 0) {
    out += fmt::format(" {:02}:{:02}", c.hour, c.minute);
    if (c.second) out += fmt::format(":{:02}", c.second);
  }
  return out;
}

// "C5" → column 3 (1-based); 0 when the reference has no letters.
int column_of_ref(std::string_view ref) {
  int col = 0;
  for (char c : ref) {
    if (c >= 'A' && c <= 'Z') col = col * 26 + (c - 'A' + 1);
    else if (c >= 'a' && c <= 'z') col = col * 26 + (c - 'a' + 1);
    else break;
    if (col > 16384) return 0;  // past Excel's last column, XFD
  }
  return col;
}

// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml".
std::string part_path(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

}  // namespace

std::string xlsx_column_name(int n) {
  std::string s;
  while (n > 0) {
    int r = (n - 1) % 26;
    s.insert(s.begin(), static_cast<char>('A' + r));
    n = (n - 1) / 26;
  }
  return s;
}

std::optional<std::vector<XlsxRow>> read_xlsx_first_sheet(std::string_view bytes, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<std::vector<XlsxRow>> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  const char* damaged = N_("this is not an Excel workbook (.xlsx), or it is damaged");
  Package zip;
  if (!zip.open(bytes)) return fail(_(damaged));
  auto workbook = zip.read("xl/workbook.xml");
  if (!workbook) return fail(_(damaged));

  // The first sheet in the workbook's order, and the 1904 date system.
  std::string first_rid;
  bool date1904 = false;
  {
    Xml x;
    x.on_start = [&](const std::string& name, const Xml::Attrs& a) {
      if (name == "sheet" && first_rid.empty()) first_rid = attr(a, "id");
      if (name == "workbookPr") {
        std::string v = attr(a, "date1904");
        date1904 = v == "1" || v == "true";
      }
    };
    if (!x.parse(*workbook)) return fail(_(damaged));
  }
  std::string sheet_path = "xl/worksheets/sheet1.xml";
  if (auto rels = zip.read("xl/_rels/workbook.xml.rels"); rels && !first_rid.empty()) {
    Xml x;
    x.on_start = [&](const std::string& name, const Xml::Attrs& a) {
      if (name == "Relationship" && attr(a, "Id") == first_rid) sheet_path = part_path(attr(a, "Target"));
    };
    if (!x.parse(*rels)) return fail(_(damaged));
  }
  auto sheet = zip.read(sheet_path);
  if (!sheet) return fail(_("the workbook has no worksheet"));

  bool strings_ok = true;
  const std::vector<std::string> strings = shared_strings(zip.read("xl/sharedStrings.xml"), strings_ok);
  if (!strings_ok) return fail(_(damaged));
  const std::vector<bool> dates = date_styles(zip.read("xl/styles.xml"));

  std::vector<XlsxRow> rows;
  XlsxRow row;
  int next_row = 1, next_col = 1;
  int col = 0;
  std::string type, value, inline_text;
  int style = 0;
  bool in_v = false, in_t = false, in_is = false, in_row = false;
  auto finish_row = [&] {
    bool blank = true;
    for (const auto& c : row.cells) blank = blank && trim(c).empty();
    if (!blank) rows.push_back(std::move(row));
    row = XlsxRow{};
  };
  Xml x;
  x.on_start = [&](const std::string& name, const Xml::Attrs& a) {
    if (name == "row") {
      in_row = true;
      std::string r = attr(a, "r");
      row.number = r.empty() ? next_row : std::atoi(r.c_str());
      if (row.number < 1) row.number = next_row;
      next_row = row.number + 1;
      next_col = 1;
    } else if (name == "c" && in_row) {
      int c = column_of_ref(attr(a, "r"));
      col = c > 0 ? c : next_col;
      next_col = col + 1;
      type = attr(a, "t");
      std::string s = attr(a, "s");
      style = s.empty() ? 0 : std::atoi(s.c_str());
      value.clear();
      inline_text.clear();
    } else if (name == "v") {
      in_v = true;
    } else if (name == "is") {
      in_is = true;
    } else if (name == "t" && in_is) {
      in_t = true;
    } else if (name == "rPh") {
      in_is = false;  // a reading, not the cell's text
    }
  };
  x.on_end = [&](const std::string& name) {
    if (name == "v") {
      in_v = false;
    } else if (name == "t") {
      in_t = false;
    } else if (name == "is" || name == "rPh") {
      in_is = name == "rPh";
    } else if (name == "c" && in_row) {
      std::string text;
      if (value.empty() && type != "inlineStr") {
        // A cell with a style but no value: empty.
      } else if (type == "s") {
        std::size_t i = static_cast<std::size_t>(std::strtoull(value.c_str(), nullptr, 10));
        if (i < strings.size()) text = strings[i];
      } else if (type == "inlineStr") {
        text = inline_text;
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : "FALSE";
      } else if (type == "str" || type == "e" || type == "d") {
        text = value;
      } else {  // a number
        char* end = nullptr;
        double v = std::strtod(value.c_str(), &end);
        const bool number = !value.empty() && end && *end == '\0';
        const bool is_date = style >= 0 && static_cast<std::size_t>(style) < dates.size() && dates[style];
        text = !number ? value : is_date ? serial_to_date(v, date1904) : general_number(v);
      }
      if (col > 0 && col <= 16384) {
        if (row.cells.size() < static_cast<std::size_t>(col)) row.cells.resize(static_cast<std::size_t>(col));
        row.cells[static_cast<std::size_t>(col - 1)] = std::move(text);
      }
    } else if (name == "row") {
      in_row = false;
      finish_row();
    }
  };
  x.on_text = [&](std::string_view s) {
    if (in_v) value += s;
    else if (in_t && in_is) inline_text += s;
  };
  if (!x.parse(*sheet)) return fail(_(damaged));
  return rows;
}

}  // namespace hongfan
