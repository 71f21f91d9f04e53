#include "studio/data_form.h"

#include <algorithm>
#include <functional>

#include "core/text.h"
#include "core/utf8.h"
#include "studio/page_text.h"

namespace hongfan::studio {

namespace {

// The keys of docs/content/reference/format.md §四 in staff's words; a key
// not here is shown as written (the site may have its own).
const std::map<std::string, std::string>& labels() {
  static const std::map<std::string, std::string> m = {
      {"id", "编号"}, {"name", "名称"}, {"role", "职务"}, {"phone", "电话"}, {"duty", "分工"},
      {"kind", "类型"}, {"community", "社区"}, {"branch", "党支部"}, {"area", "范围"}, {"buildings", "楼栋"},
      {"households", "户数"}, {"population", "人口"}, {"staff", "网格人员"}, {"grids", "网格"},
      {"units", "组织"}, {"children", "下级组织"}, {"secretary", "书记"}, {"address", "地址"},
      {"members", "党员数"}, {"intro", "简介"}, {"levels", "组织层级"}, {"stations", "服务阵地"},
      {"org", "所属组织"}, {"location", "坐标（经度, 纬度）"}, {"hours", "开放时间"}, {"services", "服务项目"},
      {"people", "居民与党员"}, {"grid", "网格"}, {"member", "党员"}, {"public", "同意公开全名"},
      {"hotlines", "服务热线"}, {"figures", "数据看板"}, {"label", "名称"}, {"value", "数值"}, {"unit", "单位"},
      {"as_of", "截至"}, {"honors", "荣誉"}, {"title", "标题"}, {"year", "年份"}, {"awardees", "获奖者"},
      {"stars", "星级"}, {"story", "事迹"}, {"shop", "兑换超市"}, {"station", "阵地"}, {"rewards", "兑换物品"},
      {"points", "积分"}, {"stock", "库存"}, {"photo", "照片"}, {"url", "网址"}, {"note", "备注"},
      {"household", "按户登记"}, {"level", "层级"}, {"parent", "上级组织"}, {"wechat_qr", "微信群二维码"},
      {"image", "图片"}};
  return m;
}

std::string label_of(const std::string& key) {
  auto it = labels().find(key);
  return it == labels().end() ? key : it->second;
}

// Optional yes/no keys the form offers even where the file leaves them out:
// list key → item keys (consent to show a full name is the one that matters).
const std::map<std::string, std::vector<std::string>>& optional_flags() {
  static const std::map<std::string, std::vector<std::string>> m = {{"people", {"public", "member"}}};
  return m;
}

bool is_bool(const std::string& v) { return v == "true" || v == "false"; }

bool scalar_list(const YamlNode& n) {
  if (n.kind != YamlNode::Kind::seq || !n.flow) return false;
  for (const auto& c : n.children)
    if (c.kind != YamlNode::Kind::scalar || !c.editable || c.block) return false;
  return true;
}

std::string joined(const YamlNode& n) {
  std::string out;
  for (const auto& c : n.children) out += (out.empty() ? "" : ", ") + c.value;
  return out;
}

const YamlNode* child(const YamlNode& map, const std::string& key) {
  for (const auto& c : map.children)
    if (c.key == key && c.kind == YamlNode::Kind::scalar) return &c;
  return nullptr;
}

// What a list item is called in its legend: its role and name, title or id.
std::string item_name(const YamlNode& item, std::size_t i) {
  std::string out = "第" + std::to_string(i + 1) + "项";
  if (item.kind != YamlNode::Kind::map) return out;
  std::string name;
  for (const char* k : {"name", "title", "label", "id"})
    if (const YamlNode* c = child(item, k); c && !c->value.empty()) {
      name = c->value;
      break;
    }
  if (const YamlNode* r = child(item, "role")) name = r->value + " " + name;
  return name.empty() ? out : out + "：" + name;
}

// A list whose items are maps written as block lines: items can be added
// (with the last item's simple keys) and deleted.
bool editable_list(const YamlNode& n) {
  if (n.kind != YamlNode::Kind::seq || n.flow || n.children.empty()) return false;
  for (const auto& c : n.children)
    if (c.kind != YamlNode::Kind::map) return false;
  return true;
}

std::vector<std::string> new_item_keys(const YamlNode& list) {
  std::vector<std::string> out;
  for (const auto& c : list.children.back().children)
    if (c.kind == YamlNode::Kind::scalar && !c.block) out.push_back(c.key);
  return out;
}

// How many field numbers `n` takes (itself and everything inside).
int count_nodes(const YamlNode& n) {
  if (scalar_list(n)) return 1 + static_cast<int>(n.children.size());
  int out = 1;
  for (const auto& c : n.children) out += count_nodes(c);
  return out;
}

struct Walker {
  const std::map<std::string, std::vector<std::string>>* errors = nullptr;
  std::string html;
  int next = 0;
  std::size_t from = 0;  ///< first item shown of a long top-level list
  int depth = 0;
  std::vector<std::string> deletable;  ///< the next item's id when it may be deleted

  std::string described(const std::string& id, const std::string& hint_id) {
    std::string ids = hint_id;
    std::string out;
    auto it = errors->find(id);
    if (it != errors->end()) {
      for (const auto& e : it->second) out += "<p class=\"error\" id=\"" + id + "-error\">" + html_escape(e) + "</p>";
      ids += (ids.empty() ? "" : " ") + id + "-error";
    }
    html += out;
    std::string attrs = " id=\"" + id + "\" name=\"" + id + "\"";
    if (!ids.empty()) attrs += " aria-describedby=\"" + ids + "\"";
    if (it != errors->end()) attrs += " aria-invalid=\"true\"";
    return attrs;
  }

  void scalar_field(const YamlNode& n, const std::string& label, const std::string& id) {
    html += "<div class=\"field\"><label for=\"" + id + "\">" + html_escape(label) + "</label>";
    if (!n.editable) {
      std::string attrs = described(id, "");
      html += "<input type=\"text\"" + attrs + " disabled value=\"" + html_escape(n.value) +
              "\"><p class=\"hint\">此项写法较复杂，请在文件中修改</p></div>";
      return;
    }
    if (n.block) {
      std::string attrs = described(id, "");
      html += "<textarea" + attrs + " rows=\"4\">\n" + html_escape(n.value) + "</textarea></div>";
      return;
    }
    if (is_bool(n.value) && !n.quote) {
      std::string attrs = described(id, "");
      html += "<select" + attrs + "><option value=\"true\"" + (n.value == "true" ? " selected" : "") +
              ">是</option><option value=\"false\"" + (n.value == "false" ? " selected" : "") + ">否</option></select></div>";
      return;
    }
    std::string attrs = described(id, "");
    html += "<input type=\"text\"" + attrs + " value=\"" + html_escape(n.value) + "\"></div>";
  }

  void node(const YamlNode& n, const std::string& label, const std::string& list_key) {
    std::string id = "n" + std::to_string(next++);
    if (n.kind == YamlNode::Kind::scalar) return scalar_field(n, label, id);
    if (scalar_list(n)) {
      next += static_cast<int>(n.children.size());
      html += "<div class=\"field\"><label for=\"" + id + "\">" + html_escape(label) + "</label>";
      html += "<p class=\"hint\" id=\"" + id + "-hint\">多项用逗号分开</p>";
      std::string attrs = described(id, id + "-hint");
      html += "<input type=\"text\"" + attrs + " value=\"" + html_escape(joined(n)) + "\"></div>";
      return;
    }
    bool can_delete = !deletable.empty() && deletable.back() == id;
    if (can_delete) deletable.pop_back();
    html += "<fieldset id=\"" + id + "\"><legend>" + html_escape(label) + "</legend>";
    if (errors->count(id)) described(id, "");

    if (n.kind == YamlNode::Kind::map) {
      ++depth;
      for (const auto& c : n.children) node(c, label_of(c.key), c.key);
      --depth;
      if (auto flags = optional_flags().find(list_key); flags != optional_flags().end())
        for (const auto& key : flags->second)
          if (!child(n, key)) {
            std::string fid = id + "-" + key;
            html += "<div class=\"field\"><label for=\"" + fid + "\">" + html_escape(label_of(key)) + "</label><select id=\"" +
                    fid + "\" name=\"" + fid + "\"><option value=\"\" selected>（未填，按否）</option>"
                    "<option value=\"true\">是</option><option value=\"false\">否</option></select></div>";
          }
    } else {
      // A long list at the top (people) is shown a page at a time: fields
      // not sent are left as they are.
      bool paged = depth == 0 && n.children.size() > kDataPage;
      ++depth;
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        if (paged && (i < from || i >= from + kDataPage)) {
          next += count_nodes(n.children[i]);
          continue;
        }
        if (editable_list(n)) deletable.push_back("n" + std::to_string(next));
        node(n.children[i], item_name(n.children[i], i), n.children[i].kind == YamlNode::Kind::map ? list_key : "");
      }
      --depth;
      if (editable_list(n) && (!paged || from + kDataPage >= n.children.size())) {
        html += "<fieldset class=\"new\" id=\"" + id + "-new\"><legend>添加一项（" + html_escape(label) +
                "）</legend><p class=\"hint\">填写后保存即添加到最后；不填则不添加。</p>";
        for (const auto& key : new_item_keys(n)) {
          std::string fid = id + "-new-" + key;
          html += "<div class=\"field\"><label for=\"" + fid + "\">" + html_escape(label_of(key)) + "</label>";
          const YamlNode* like = child(n.children.back(), key);
          if (like && is_bool(like->value) && !like->quote)  // a yes/no like the last item's
            html += "<select id=\"" + fid + "\" name=\"" + fid + "\"><option value=\"\" selected>（不填）</option>"
                    "<option value=\"true\">是</option><option value=\"false\">否</option></select></div>";
          else
            html += "<input type=\"text\" id=\"" + fid + "\" name=\"" + fid + "\" value=\"\"></div>";
        }
        html += "</fieldset>";
      }
    }
    // Last in the item, after its values: deleting is the rarer act.
    if (can_delete)
      html += "<div class=\"field delete\"><input type=\"checkbox\" id=\"" + id + "-delete\" name=\"" + id +
              "-delete\" value=\"1\"><label for=\"" + id + "-delete\">删除这一项</label></div>";
    html += "</fieldset>";
  }
};

std::string submitted(const httplib::Request& req, const std::string& name, bool* present) {
  // Multipart fields arrive as httplib "files"; urlencoded ones as params.
  *present = req.has_param(name.c_str()) || req.has_file(name.c_str());
  std::string v = req.has_param(name.c_str()) ? req.get_param_value(name.c_str())
                  : *present                  ? req.get_file_value(name.c_str()).content
                                              : std::string();
  std::string out;  // the browser sends CRLF from a textarea
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!(v[i] == '\r' && i + 1 < v.size() && v[i + 1] == '\n')) out += v[i];
  return out;
}

}  // namespace

std::size_t longest_list(const YamlNode& root) {
  std::size_t out = 0;
  for (const auto& c : root.children)
    if (c.kind == YamlNode::Kind::seq) out = std::max(out, c.children.size());
  return out;
}

std::string data_fields_html(const YamlNode& root, const std::map<std::string, std::vector<std::string>>& errors,
                             std::size_t from) {
  Walker w;
  w.errors = &errors;
  w.from = from;
  if (root.kind == YamlNode::Kind::map) {
    ++w.next;  // the root is n0
    for (const auto& c : root.children) w.node(c, label_of(c.key), c.key);
  } else {
    w.node(root, "内容", "");
  }
  return w.html;
}

std::vector<YamlEdit> data_form_edits(const YamlNode& root, std::string_view text, const httplib::Request& req) {
  std::vector<YamlEdit> edits;
  int next = 0;
  std::function<void(const YamlNode&, const std::string&)> walk = [&](const YamlNode& n, const std::string& list_key) {
    std::string id = "n" + std::to_string(next++);
    bool present = false;
    if (n.kind == YamlNode::Kind::scalar) {
      std::string v = submitted(req, id, &present);
      std::string was = n.value;
      if (n.block) {  // the textarea's first line end is HTML's, and a block keeps one final line end
        while (!v.empty() && v.back() == '\n') v.pop_back();
        while (!was.empty() && was.back() == '\n') was.pop_back();
      }
      if (present && n.editable && v != was) edits.push_back({n.start, n.end, rewrite_scalar(n, v)});
      return;
    }
    if (scalar_list(n)) {
      next += static_cast<int>(n.children.size());
      std::string v = submitted(req, id, &present);
      if (!present || v == joined(n)) return;
      std::string out = "[";
      YamlNode probe;
      probe.flow = true;
      for (const auto& item : split_list(v)) out += (out.size() > 1 ? ", " : "") + rewrite_scalar(probe, item);
      edits.push_back({n.start, n.close + 1, out + "]"});
      return;
    }
    for (std::size_t i = 0; i < n.children.size(); ++i) {
      const YamlNode& c = n.children[i];
      if (editable_list(n) && submitted(req, "n" + std::to_string(next) + "-delete", &present) == "1") {
        // A deleted item's own fields are not edited: its lines go.
        if (auto e = remove_item(c, text)) {
          edits.push_back(*e);
          next += count_nodes(c);
          continue;
        }
      }
      walk(c, n.kind == YamlNode::Kind::map ? c.key : (c.kind == YamlNode::Kind::map ? list_key : ""));
    }
    if (editable_list(n)) {
      std::vector<std::pair<std::string, std::string>> fields;
      for (const auto& key : new_item_keys(n)) {
        std::string v = std::string(trim(submitted(req, id + "-new-" + key, &present)));
        if (!v.empty()) fields.emplace_back(key, v);
      }
      if (!fields.empty())
        if (auto e = append_item(n, text, fields)) edits.push_back(*e);
    }
    if (n.kind == YamlNode::Kind::map)
      if (auto flags = optional_flags().find(list_key); flags != optional_flags().end())
        for (const auto& key : flags->second) {
          if (child(n, key)) continue;
          std::string v = submitted(req, id + "-" + key, &present);
          if (present && is_bool(v)) edits.push_back(insert_key(n, text, key, v));
        }
  };
  walk(root, "");
  return edits;
}

httplib::Request changed_fields(const YamlNode& root, std::string_view text, const httplib::Request& req) {
  httplib::Request only;
  auto names = [&](const auto& container) {
    for (const auto& [name, value] : container) {
      (void)value;
      httplib::Request one;  // this field alone: does it change the file?
      bool present = false;
      std::string v = submitted(req, name, &present);
      one.params.emplace(name, v);
      if (!data_form_edits(root, text, one).empty()) only.params.emplace(name, v);
    }
  };
  names(req.params);
  names(req.files);
  return only;
}

std::string yaml_shape(const YamlNode& root) {
  std::string out = std::to_string(static_cast<int>(root.kind)) + root.key + "(";
  for (const auto& c : root.children) out += yaml_shape(c);
  return out + ")";
}

std::string data_field_at(const YamlNode& root, std::string_view text, int line, int column) {
  // The byte the problem points at, from its line and character column.
  std::size_t pos = 0;
  for (int l = 1; l < line && pos != std::string_view::npos; ++l) {
    pos = text.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  if (pos == std::string_view::npos) return {};
  std::size_t eol = text.find('\n', pos);
  std::string_view row = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
  std::size_t at = pos;
  for (std::size_t i = 0; i < row.size(); ++i)
    if (utf8::column_of(row, i) >= column) {
      at = pos + i;
      break;
    }
  std::string best;
  std::size_t best_start = 0;
  int next = 0;
  bool found = false;
  std::function<void(const YamlNode&, const std::string&)> walk = [&](const YamlNode& n, const std::string& owner) {
    std::string id = "n" + std::to_string(next++);
    if (scalar_list(n)) {
      next += static_cast<int>(n.children.size());
      if (n.line == line && (!found || n.start <= at)) best = id, best_start = n.start, found = true;
      return;
    }
    if (n.kind == YamlNode::Kind::scalar) {
      if (n.line == line && (!found || (n.start <= at && n.start >= best_start))) {
        best = owner.empty() ? id : owner;
        best_start = n.start;
        found = true;
      }
      return;
    }
    for (const auto& c : n.children) walk(c, "");
    // A problem on the line of a collection's start (a missing key) goes to
    // the collection's own fieldset when no value is there.
    if (!found && n.line == line) best = id, found = true;
  };
  walk(root, "");
  return best;
}

std::string data_file_title(const std::string& path) {
  static const std::map<std::string, std::string> titles = {
      {"data/grids.yaml", "网格"}, {"data/org.yaml", "组织架构"}, {"data/stations.yaml", "服务阵地"},
      {"data/people.yaml", "居民与党员"}, {"data/honors.yaml", "荣誉"}, {"data/figures.yaml", "数据看板"},
      {"data/contacts.yaml", "服务热线"}, {"data/rewards.yaml", "积分兑换"}, {"data/points.yaml", "积分台账"},
      {"data/community.yaml", "社区"}};
  auto it = titles.find(path);
  return it == titles.end() ? path : it->second;
}

}  // namespace hongfan::studio
