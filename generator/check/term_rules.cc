// Rule: 规范表述 — no wrong form of an official expression anywhere a
// resident reads. Inspections fail a government site outright (单项否决) for
// serious wording errors (严重表述错误); since the 2015 national survey of
// government websites (国务院办公厅), 严重错别字 in the country's name, state
// bodies and leaders' names count as 严重错误.
//
// The built-in list holds only entries a public source reports as errors
// actually found; data/terms.yaml (`terms: [{wrong, right}]`) adds a site's own.
#include <fmt/format.h>

#include <algorithm>

#include "check/inspector.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/yaml.h"

namespace hongfan {

namespace {

constexpr const char* kTermsFile = "data/terms.yaml";

// Sources:
// [1] 2019 government website spot checks (政府网站抽查情况通报, Q1 2019) of
//     铜川市, 齐齐哈尔市 and others, reported by 明报 (2019-02-28,
//     mingpaocanada.com/van/htm/News/20190228/tcba1_r.htm) and 香港01
//     (hk01.com/即時中國/299865): 攻府, 中华人民共合国, 中华人民大和国,
//     中共人民共和国, 秸杆.
// [2] "扫黑险恶" for 扫黑除恶 on more than 100 government websites, reported
//     in the press in 2019 (quoted in hongfan issue 12 as the example
//     inspectors cite).
// [3] 《咬文嚼字》十大语文差错: 2014 (入住 for 巡视组入驻, 单独二胎 for 单独二孩),
//     2016 (一揽子货币 for 一篮子货币), 2022 (戳力奋发 for 踔厉奋发; 中新网
//     2023-01-11, wucuozi.com/cuobiezi/yaowenjiaozi-top10/).
const std::vector<TermRule> kBuiltin = {
    {"扫黑险恶", "扫黑除恶"},              // [2]
    {"攻府", "政府"},                      // [1] 铜川市
    {"中华人民共合国", "中华人民共和国"},  // [1] 广西商务厅
    {"中华人民大和国", "中华人民共和国"},  // [1] 景泰县
    {"中共人民共和国", "中华人民共和国"},  // [1] 永川区
    {"秸杆", "秸秆"},                      // [1] 齐齐哈尔市
    {"巡视组入住", "巡视组入驻"},          // [3] 2014
    {"单独二胎", "单独二孩"},              // [3] 2014
    {"一揽子货币", "一篮子货币"},          // [3] 2016
    {"戳力奋发", "踔厉奋发"},              // [3] 2022
};

// data/terms.yaml, reported at its own lines when malformed.
std::vector<TermRule> site_terms(const FileSystem& site, Diagnostics& diags) {
  std::vector<TermRule> out;
  auto text = site.read(kTermsFile);
  if (!text) return out;
  YamlSource src{kTermsFile, 0, ""};
  src.text = std::make_shared<const std::string>(*text);
  auto doc = parse_yaml(*text, src, diags);
  if (!doc || doc->IsNull()) return out;
  const YAML::Node root = *doc;  // const: a lookup never throws or inserts
  const YAML::Node terms = root.IsMap() ? root["terms"] : YAML::Node();
  if (!terms.IsDefined() || !terms.IsSequence()) {
    diags.error(src.at(terms.IsDefined() && !terms.IsNull() ? terms : root),
                _("data/terms.yaml must hold a list `terms:` of {wrong, right} pairs"),
                _("write it like `terms: [{wrong: 扫黑险恶, right: 扫黑除恶}]`"));
    return out;
  }
  for (const auto& t : terms) {
    if (!t.IsMap()) {
      diags.error(src.at(t), _("each term must be a pair like {wrong: 扫黑险恶, right: 扫黑除恶}"));
      continue;
    }
    auto wrong = yaml_string(t, "wrong", src, diags);
    auto right = yaml_string(t, "right", src, diags);
    if (!wrong || trim(*wrong).empty() || !right) {
      diags.error(src.at(t), _("a term needs both `wrong:` and `right:`"),
                  _("write it like {wrong: 扫黑险恶, right: 扫黑除恶}"));
      continue;
    }
    out.push_back({std::string(trim(*wrong)), std::string(trim(*right))});
  }
  return out;
}

// Every occurrence of every rule in one file's text.
void scan(const std::string& file, std::string_view text, const std::vector<TermRule>& rules,
          Diagnostics& diags) {
  for (const auto& r : rules) {
    // A right form that contains the wrong one ("X" inside "XY") is not a hit.
    std::size_t at = 0;
    while ((at = text.find(r.wrong, at)) != std::string_view::npos) {
      bool inside_right = false;
      for (std::size_t k = r.right.find(r.wrong); k != std::string::npos; k = r.right.find(r.wrong, k + 1))
        if (at >= k && text.substr(at - k, r.right.size()) == r.right) inside_right = true;
      if (!inside_right) {
        TextPos pos = text_position(text, at);
        diags.error({file, pos.line, pos.col}, tr("wrong form of an official expression: '{}'", r.wrong),
                    tr("write '{}' (inspectors fail a site for this kind of error)", r.right));
      }
      at += r.wrong.size();
    }
  }
}

bool scanned_file(const std::string& f) {
  return ends_with(f, ".md") || ends_with(f, ".yaml") || ends_with(f, ".yml") || ends_with(f, ".csv") ||
         ends_with(f, ".txt");
}

}  // namespace

const std::vector<TermRule>& builtin_terms() { return kBuiltin; }

void check_terms(const CheckContext& ctx, Diagnostics& diags) {
  std::vector<TermRule> rules = kBuiltin;
  for (auto& t : site_terms(*ctx.site, diags)) rules.push_back(std::move(t));
  // Every file whose words reach the portal: content (drafts and scheduled
  // pages too, since they will be published), data and site.yaml.
  std::vector<std::string> files = walk_files(*ctx.site, "content");
  for (auto& f : walk_files(*ctx.site, "data"))
    if (f != kTermsFile) files.push_back(std::move(f));
  files.push_back(kConfigFile);
  for (const auto& f : files) {
    if (!scanned_file(f)) continue;
    if (auto text = ctx.site->read(f)) scan(f, *text, rules, diags);
  }
}

}  // namespace hongfan
