#include "render/page_reads.h"

namespace hongfan::page_reads {

namespace {
// One render runs on one worker thread from start to end.
thread_local std::vector<const Page*>* current = nullptr;
thread_local bool rendering = false;
}  // namespace

Scope::Scope(std::vector<const Page*>* into) {
  current = into;
  rendering = true;
}
Scope::~Scope() {
  current = nullptr;
  rendering = false;
}

void note(const Page& page) {
  if (current) current->push_back(&page);
}

bool note_data() {
  if (current) current->push_back(&data_source());
  return rendering;
}

const Page& data_source() {
  static const Page page = [] {
    Page p;
    p.source = kDataSource;
    return p;
  }();
  return page;
}

}  // namespace hongfan::page_reads
