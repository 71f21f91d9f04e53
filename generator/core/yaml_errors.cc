#include "core/yaml_errors.h"

#include <algorithm>
#include <optional>

#include "core/i18n.h"
#include "core/text.h"
#include "core/utf8.h"

namespace hongfan {

namespace {

constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";  // ：

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto nl = text.find('\n', pos);
    std::string_view l = text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

std::size_t indent_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i;
}

// Byte offset of 0-based character column `col` within `line`.
std::size_t byte_of_column(std::string_view line, int col) {
  std::size_t i = 0;
  for (int c = 0; c < col && i < line.size(); ++c) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

struct Finding {
  int line = 0;          // 0-based
  std::size_t byte = 0;  // within the line
  std::string message;
  std::string hint;
};

// A line whose indentation holds a tab. YAML indents with spaces only; a tab
// there is the usual cause whatever libfyaml says about the lines after it.
std::optional<Finding> tab_indent(const std::vector<std::string_view>& lines, int last) {
  for (int i = 0; i <= last && i < static_cast<int>(lines.size()); ++i) {
    std::string_view l = lines[i];
    std::size_t lead = indent_of(l);
    if (lead == l.size() || l[lead] == '#') continue;  // blank or a comment
    std::size_t tab = l.substr(0, lead).find('\t');
    if (tab == std::string_view::npos) continue;
    return Finding{i, tab, _("this line is indented with a tab (the Tab key); indent with spaces"),
                   _("delete the tab at the start of the line and type spaces instead, so that the "
                     "line starts under the lines of the same level")};
  }
  return std::nullopt;
}

// `key：value` where `key: value` was meant: the first colon-like character
// of the line is the full-width one.
std::optional<Finding> full_width_colon_at(std::string_view l, int i) {
  std::size_t start = indent_of(l);
  if (start < l.size() && l[start] == '#') return std::nullopt;
  if (l.substr(start, 2) == "- ") start += 2;
  std::string_view c = l.substr(start);
  std::size_t fw = c.find(kFullWidthColon);
  if (fw == std::string_view::npos || fw == 0) return std::nullopt;
  for (std::size_t j = 0; j < fw; ++j)
    if (c[j] == ':' && (j + 1 == c.size() || c[j + 1] == ' ' || c[j + 1] == '\t')) return std::nullopt;
  if (c.front() == '"' || c.front() == '\'') return std::nullopt;
  std::string key(trim(c.substr(0, fw)));
  std::string rest(trim(c.substr(fw + kFullWidthColon.size())));
  return Finding{i, start + fw, tr("the colon after '{}' is the full-width '：'", key),
                 tr("change '：' to the English colon ':' and put a space after it: {}: {}", key, rest)};
}

std::optional<Finding> full_width_colon(const std::vector<std::string_view>& lines, int err_line) {
  const int n = static_cast<int>(lines.size());
  for (int i = std::min(err_line, n - 1); i >= 0; --i)
    if (auto f = full_width_colon_at(lines[i], i)) return f;
  if (err_line + 1 < n) return full_width_colon_at(lines[err_line + 1], err_line + 1);
  return std::nullopt;
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// A quote libfyaml could not find the end of: at the opening quote, which is
// on the line it names, at or before its column.
std::optional<Finding> unclosed_quote(const std::vector<std::string_view>& lines, const YamlSyntaxError& err) {
  const bool dq = contains(err.message, "double-quoted");
  if (!dq && !contains(err.message, "single-quoted")) return std::nullopt;
  if (!contains(err.message, "closing quote") && !contains(err.message, "wrongly indented") &&
      !contains(err.message, "end of stream"))
    return std::nullopt;
  if (err.line >= static_cast<int>(lines.size())) return std::nullopt;
  std::string_view l = lines[err.line];
  const char q = dq ? '"' : '\'';
  std::size_t upto = std::min(l.size(), byte_of_column(l, err.col) + 1);
  std::size_t at = l.substr(0, upto).rfind(q);
  if (at == std::string_view::npos) return std::nullopt;
  const char* quote = dq ? "\"" : "'";
  return Finding{err.line, at, tr("the quote {} opened here is never closed", quote),
                 tr("type the closing {} at the end of the value, on this same line", quote)};
}

// A [ or { still open when libfyaml gave up on a later line.
std::optional<Finding> unclosed_flow(const YamlSyntaxError& err) {
  if (err.open_flows.empty()) return std::nullopt;
  const auto& f = err.open_flows.front();
  if (err.line <= f.line && !contains(err.message, "without a closing")) return std::nullopt;
  if (f.is_map)
    return Finding{f.line, 0, _("the '{' opened here is never closed with '}'"),
                   _("close it on the same line, like {name: 首页, url: /}")};
  return Finding{f.line, 0, _("the '[' opened here is never closed with ']'"),
                 _("close the list on the same line, like tags: [党建, 活动]")};
}

// A line that should be `key: value` but has no colon, or no space after it.
std::optional<Finding> missing_colon(const std::vector<std::string_view>& lines, const YamlSyntaxError& err) {
  const std::string& m = err.message;
  if (!contains(m, "':'") && !contains(m, "invalid value after mapping") &&
      !contains(m, "multiline plain key") && !contains(m, "expected key"))
    return std::nullopt;
  if (err.line >= static_cast<int>(lines.size())) return std::nullopt;
  std::string_view l = lines[err.line];
  std::size_t start = indent_of(l);
  if (l.substr(start, 2) == "- ") start += 2;
  std::string_view c = trim(l.substr(start));
  if (c.empty() || c.front() == '#' || c.front() == '"' || c.front() == '\'' || c.front() == '[' ||
      c.front() == '{')
    return std::nullopt;
  for (std::size_t j = 0; j < c.size(); ++j)
    if (c[j] == ':' && (j + 1 == c.size() || c[j + 1] == ' ' || c[j + 1] == '\t')) return std::nullopt;
  if (auto colon = c.find(':'); colon != std::string_view::npos && colon > 0) {
    std::string key(c.substr(0, colon));
    std::string rest(c.substr(colon + 1));
    return Finding{err.line, start + colon, tr("there is no space after the colon of '{}'", key),
                   tr("put a space after the English colon: {}: {}", key, rest)};
  }
  auto space = c.find_first_of(" \t");
  std::string key(c.substr(0, space));
  std::string rest(space == std::string_view::npos ? std::string_view() : trim(c.substr(space)));
  return Finding{err.line, start, tr("'{}' has no colon after it; each line is 'name: value'", key),
                 rest.empty() ? tr("write it as {}: followed by the value", key)
                              : tr("write it as {}: {}", key, rest)};
}

// A value holding ": " (YAML reads a second key) or starting with a
// character YAML keeps for itself: quoting the value is the fix.
std::optional<Finding> needs_quotes(const std::vector<std::string_view>& lines, const YamlSyntaxError& err) {
  const std::string& m = err.message;
  if (err.line >= static_cast<int>(lines.size())) return std::nullopt;
  std::string_view l = lines[err.line];
  std::size_t at = byte_of_column(l, err.col);
  if (contains(m, "nested block mapping on the same line")) {
    std::size_t colon = l.find(": ");
    if (colon == std::string_view::npos) return std::nullopt;
    std::string head(l.substr(0, colon + 2));
    std::string value(trim(l.substr(colon + 2)));
    return Finding{err.line, at, _("the value on this line contains ': ', which YAML reads as a second name"),
                   tr("put the value in quotes: {}\"{}\"", head, value)};
  }
  if (contains(m, "cannot start with")) {
    std::size_t colon = l.find(": ");
    std::string head(colon == std::string_view::npos ? std::string_view() : l.substr(0, colon + 2));
    std::string value(trim(colon == std::string_view::npos ? l : l.substr(colon + 2)));
    return Finding{err.line, at, tr("a value cannot start with '{}' unless it is in quotes", l.substr(at, 1)),
                   tr("put the value in quotes: {}\"{}\"", head, value)};
  }
  if (contains(m, "wrongly indented") || contains(m, "indentation")) {
    return Finding{err.line, indent_of(l), _("this line is not lined up with the lines of the same level above it"),
                   _("start it with as many spaces as the lines of the same level above it")};
  }
  if (contains(m, "trailing content after")) {
    return Finding{err.line, at, _("there is more text after the closing quote"),
                   _("put the whole value inside the quotes, or remove the text after the closing quote")};
  }
  return std::nullopt;
}

}  // namespace

void report_yaml_syntax_error(std::string_view text, const YamlSyntaxError& err, const YamlSource& src,
                              Diagnostics& diags) {
  const auto lines = lines_of(text);
  std::optional<Finding> f = tab_indent(lines, err.line + 1);
  if (!f) f = full_width_colon(lines, err.line);
  if (!f) f = unclosed_quote(lines, err);
  if (!f) {
    f = unclosed_flow(err);
    if (f && f->line < static_cast<int>(lines.size()))
      f->byte = byte_of_column(lines[f->line], err.open_flows.front().col);
  }
  if (!f) f = missing_colon(lines, err);
  if (!f) f = needs_quotes(lines, err);
  if (!f) {
    const int line = std::min(err.line, static_cast<int>(lines.size()) - 1);
    f = Finding{std::max(line, 0),
                line >= 0 && line == err.line ? byte_of_column(lines[line], err.col) : 0,
                std::string(_("this line cannot be read")) +
                    (std::string_view(message_language()) == "en" ? " (" + err.message + ")" : ""),
                _("check this line and the one above it: indent with spaces so that lines of the same "
                  "level line up, put a space after each English colon, and put quotes around values "
                  "that contain ': ' or ' #'")};
  }
  std::string_view l = f->line < static_cast<int>(lines.size()) ? lines[f->line] : std::string_view();
  SourceLoc loc{src.file, f->line + 1 + src.line_offset, utf8::column_of(l, std::min(f->byte, l.size()))};
  diags.error(loc, src.prefix() + yaml_syntax_lead() + f->message, f->hint);
}

void report_cut_value(const CutValue& cut, const YamlSource& src, Diagnostics& diags) {
  std::string_view comment = cut.comment;
  const bool deliberate = comment.size() == 1 || comment[1] == ' ' || comment[1] == '\t';
  if (deliberate && comment.find('#', 1) == std::string_view::npos) return;
  const std::string& whole = cut.whole;
  const char* q = whole.find('"') == std::string::npos ? "\"" : "'";
  diags.warning({src.file, cut.line + 1 + src.line_offset, cut.col + 1},
                src.prefix() + tr("the rest of the line from '#' was dropped ({}), so the value is only '{}'",
                                  cut.comment, cut.value),
                tr("a '#' after a space starts a comment; put the value in quotes: {}{}{}{}", cut.head, q,
                   whole, q));
}

std::string full_width_colon_advice(std::string_view text, const YamlSource& src, SourceLoc& loc,
                                    std::string& hint) {
  const auto lines = lines_of(text);
  for (int i = 0; i < static_cast<int>(lines.size()); ++i) {
    if (auto f = full_width_colon_at(lines[i], i)) {
      loc = SourceLoc{src.file, i + 1 + src.line_offset, utf8::column_of(lines[i], f->byte)};
      hint = f->hint;
      return f->message;
    }
  }
  return {};
}

}  // namespace hongfan
