// The form for a data/*.yaml file: its tree as nested fieldsets (lists of
// maps, like the org tree's children, nest as deep as the file does), one
// field per value, and the edits a submitted form asks for. Internal to
// generator/studio/.
#pragma once

#include <httplib.h>

#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "studio/yaml_spans.h"

namespace hongfan::studio {

/// The fields of `root` as HTML. Field `n<I>` is the I-th node in document
/// order; `errors` (field name → messages) are shown under their field and
/// named by its aria-describedby.
/// A top-level list longer than kDataPage items shows the items from `from`
/// on, kDataPage of them (cpp-httplib takes at most 1024 fields a request).
std::string data_fields_html(const YamlNode& root, const std::map<std::string, std::vector<std::string>>& errors,
                             std::size_t from = 0);

inline constexpr std::size_t kDataPage = 50;

/// The number of items in the root's longest list.
std::size_t longest_list(const YamlNode& root);

/// The edits that turn `text` (whose tree is `root`) into what the submitted
/// form says. An unchanged form gives none.
std::vector<YamlEdit> data_form_edits(const YamlNode& root, std::string_view text, const httplib::Request& req);

/// The submitted fields that differ from `root` (the version the form was
/// made from), as a request holding only those: applied to a newer version
/// of the same shape, they change only what this person changed.
httplib::Request changed_fields(const YamlNode& root, std::string_view text, const httplib::Request& req);

/// The tree's keys and kinds in order: two versions with the same shape
/// number their fields alike.
std::string yaml_shape(const YamlNode& root);

/// The field a problem at `line`:`column` (1-based, characters) belongs to,
/// or "" when no value is on that line.
std::string data_field_at(const YamlNode& root, std::string_view text, int line, int column);

/// The Chinese name of a data file (grids.yaml → 网格), or the file name.
std::string data_file_title(const std::string& path);

}  // namespace hongfan::studio
