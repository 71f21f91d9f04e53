#include "render/templates.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "core/i18n.h"
#include "core/text.h"
#include "render/page_reads.h"

namespace hongfan {

namespace {

using Mustache = kainjow::mustache::mustache;

std::atomic<std::uint64_t> g_generation{0};

// kainjow's own context splits every dotted name (`site.title`) through a
// std::stringstream, which cost a fifth of all render time. This one splits
// in place and keeps the layers in a vector searched from the top.
class LayeredContext final : public kainjow::mustache::basic_context<std::string> {
 public:
  void push(const Data::Base* data) override { layers_.push_back(data); }
  void pop() override { layers_.pop_back(); }

  const Data::Base* get(const std::string& name) const override {
    if (name.size() == 1 && name[0] == '.') return layers_.back();
    auto dot = name.find('.');
    if (dot == std::string::npos) return get_partial(name);
    thread_local std::vector<std::string> parts;
    parts.clear();
    for (std::size_t start = 0;;) {
      auto end = name.find('.', start);
      parts.emplace_back(name, start, end == std::string::npos ? std::string::npos : end - start);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) {
      const Data::Base* var = *it;
      for (const auto& part : parts) {
        var = var->get(part);
        if (!var) break;
      }
      if (var) return var;
    }
    return nullptr;
  }

  const Data::Base* get_partial(const std::string& name) const override {
    for (auto it = layers_.rbegin(); it != layers_.rend(); ++it)
      if (const Data::Base* var = (*it)->get(name)) return var;
    return nullptr;
  }

 private:
  std::vector<const Data::Base*> layers_;
};

// kainjow writes to a stream; this one appends to a string without copying.
struct StringSink {
  std::string& out;
  StringSink& operator<<(const std::string& s) {
    out += s;
    return *this;
  }
};

SourceLoc loc_at(const std::string& file, const std::string& text, std::size_t pos) {
  int line = 1, col = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {file, line, col};
}

// kainjow reports "... at 123": turn the offset into a location.
SourceLoc loc_from_message(const std::string& file, const std::string& text, const std::string& msg) {
  auto at = msg.rfind(" at ");
  if (at != std::string::npos) {
    std::size_t pos = 0;
    bool digits = at + 4 < msg.size();
    for (std::size_t i = at + 4; i < msg.size(); ++i) {
      if (msg[i] < '0' || msg[i] > '9') {
        digits = false;
        break;
      }
      pos = pos * 10 + static_cast<std::size_t>(msg[i] - '0');
    }
    if (digits) return loc_at(file, text, pos);
  }
  return {file, 1, 1};
}

// kainjow's parse errors in the reader's words: "Unclosed section \"x\" at
// 12" names the section; anything else is shown as kainjow wrote it.
std::string template_problem(const std::string& msg) {
  auto quoted = [&] {
    auto a = msg.find('"'), b = msg.rfind('"');
    return a != std::string::npos && b > a ? msg.substr(a + 1, b - a - 1) : std::string();
  };
  if (starts_with(msg, "Unclosed tag")) return _("template: a `{{` tag is not closed with `}}`");
  if (starts_with(msg, "Invalid set delimiter tag"))
    return _("template: a `{{=...=}}` tag that changes the delimiters is not valid");
  if (starts_with(msg, "Unopened section"))
    return tr("template: `{{{{/{}}}}}` closes a section that was never opened", quoted());
  if (starts_with(msg, "Unclosed section"))
    return tr("template: section `{{{{#{}}}}}` is never closed", quoted());
  return tr("template: {}", msg);
}

struct PartialTag {
  std::size_t begin = 0, end = 0;  // [begin, end) of the whole tag
  std::string name;
};

// Finds the next `{{> name}}` at or after `from`.
std::optional<PartialTag> next_partial(const std::string& text, std::size_t from) {
  for (std::size_t p = text.find("{{", from); p != std::string::npos; p = text.find("{{", p + 2)) {
    std::size_t q = p + 2;
    while (q < text.size() && text[q] == ' ') ++q;
    if (q >= text.size() || text[q] != '>') continue;
    std::size_t close = text.find("}}", q);
    if (close == std::string::npos) return std::nullopt;
    PartialTag tag{p, close + 2, std::string(trim(std::string_view(text).substr(q + 1, close - q - 1)))};
    return tag;
  }
  return std::nullopt;
}

}  // namespace

std::optional<TemplateSet> TemplateSet::load(const std::vector<TemplateDir>& dirs, Diagnostics& diags) {
  TemplateSet set;
  set.generation_ = ++g_generation;
  for (const auto& d : dirs) {
    if (!d.fs->is_dir(d.dir)) continue;
    for (const auto& file : walk_files(*d.fs, d.dir)) {
      if (!ends_with(file, ".html")) continue;
      std::string name = file.substr(d.dir.size() + 1);
      auto text = d.fs->read(file);
      if (!text) continue;
      set.sources_[name] = {std::move(*text), path_join(d.display, name), d.in_site ? file : std::string()};
    }
  }

  bool ok = true;
  // Check each file's own syntax first, so errors point into that file.
  for (const auto& [name, src] : set.sources_) {
    Mustache m(src.text);
    if (!m.is_valid()) {
      diags.error(loc_from_message(src.display_path, src.text, m.error_message()),
                  template_problem(m.error_message()));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;

  // Inline partials into every top-level (non-partial) template.
  std::function<bool(const std::string&, Expanded&, int)> expand =
      [&](const std::string& name, Expanded& out, int depth) -> bool {
    const Source& src = set.sources_.at(name);
    if (!src.site_path.empty() &&
        std::find(out.made_of.begin(), out.made_of.end(), &src.site_path) == out.made_of.end())
      out.made_of.push_back(&src.site_path);
    if (depth > 16) {
      diags.error({src.display_path, 1, 1}, _("template: partials include each other in a loop"),
                  _("remove the `{{> name}}` that leads back to this file"));
      return false;
    }
    std::size_t pos = 0;
    bool fine = true;
    while (auto tag = next_partial(src.text, pos)) {
      out.text.append(src.text, pos, tag->begin - pos);
      std::string target = "partials/" + tag->name + ".html";
      if (!set.sources_.count(target)) target = tag->name + ".html";
      if (!set.sources_.count(target)) {
        diags.error(loc_at(src.display_path, src.text, tag->begin),
                    tr("template: partial '{}' not found", tag->name),
                    tr("create templates/partials/{}.html or fix the name", tag->name));
        fine = false;
      } else if (!expand(target, out, depth + 1)) {
        fine = false;
      }
      pos = tag->end;
    }
    out.text.append(src.text, pos, std::string::npos);
    return fine;
  };
  for (const auto& [name, src] : set.sources_) {
    if (starts_with(name, "partials/")) continue;
    Expanded made;
    if (!expand(name, made, 0)) {
      ok = false;
      continue;
    }
    set.expanded_[name] = std::move(made);
  }
  if (!ok) return std::nullopt;
  return set;
}

Mustache& TemplateSet::compiled(const std::string& name) const {
  struct Cache {
    std::uint64_t generation = 0;
    std::unordered_map<std::string, std::unique_ptr<Mustache>> compiled;
  };
  thread_local Cache cache;
  if (cache.generation != generation_) {
    cache.compiled.clear();
    cache.generation = generation_;
  }
  auto& slot = cache.compiled[name];
  if (!slot) {
    auto it = expanded_.find(name);
    if (it == expanded_.end()) throw std::runtime_error(tr("template '{}' does not exist", name));
    slot = std::make_unique<Mustache>(it->second.text);
    slot->set_custom_escape([](const std::string& s) { return html_escape(s); });
  }
  return *slot;
}

void TemplateSet::note_sources(const std::string& name) const {
  auto it = expanded_.find(name);
  if (it == expanded_.end()) return;
  for (const std::string* path : it->second.made_of) page_reads::note_template(*path);
}

void TemplateSet::render(const std::string& name, const Data& data, std::string& out) const {
  Mustache& m = compiled(name);
  note_sources(name);
  LayeredContext ctx;
  ctx.push(&data);
  StringSink sink{out};
  m.render(ctx, sink);
  if (!m.is_valid()) throw std::runtime_error(tr("template {}: {}", name, m.error_message()));
}

void TemplateSet::render(const std::string& name, const Data& shared, const Data& page,
                         std::string& out) const {
  Mustache& m = compiled(name);
  note_sources(name);
  LayeredContext ctx;
  ctx.push(&shared);
  ctx.push(&page);
  StringSink sink{out};
  m.render(ctx, sink);
  if (!m.is_valid()) throw std::runtime_error(tr("template {}: {}", name, m.error_message()));
}

}  // namespace hongfan
