#include "render/page_reads.h"

namespace hongfan::page_reads {

namespace {

// One render runs on one worker thread from start to end.
thread_local std::vector<const std::string*>* current = nullptr;
thread_local bool rendering = false;

// kDataSource as a string that lives as long as the program.
const std::string& data_source() {
  static const std::string source = kDataSource;
  return source;
}

}  // namespace

bool is_template_file(std::string_view path) {
  if (path.size() <= 5 || path.substr(path.size() - 5) != ".html") return false;
  if (path.substr(0, 10) == "templates/") return true;
  if (path.substr(0, 7) != "themes/") return false;  // themes/NAME/templates/…
  auto slash = path.find('/', 7);
  return slash != std::string_view::npos && path.substr(slash, 11) == "/templates/";
}

bool is_content_page(std::string_view path) {
  return path.substr(0, 8) == "content/" && path.size() > 3 && path.substr(path.size() - 3) == ".md";
}

std::string source_of_edit(std::string_view path) {
  if (is_content_page(path) || is_template_file(path)) return std::string(path);
  if (is_data_file(path)) return kDataSource;
  return {};
}

Scope::Scope(std::vector<const std::string*>* into) {
  current = into;
  rendering = true;
}
Scope::~Scope() {
  current = nullptr;
  rendering = false;
}

void note(const Page& page) {
  if (current) current->push_back(&page.source);
}

bool note_data() {
  if (current) current->push_back(&data_source());
  return rendering;
}

void note_template(const std::string& path) {
  if (current) current->push_back(&path);
}

}  // namespace hongfan::page_reads
