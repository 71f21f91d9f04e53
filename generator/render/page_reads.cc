#include "render/page_reads.h"

namespace hongfan::page_reads {

namespace {
// One render runs on one worker thread from start to end.
thread_local std::vector<const Page*>* current = nullptr;
}  // namespace

Scope::Scope(std::vector<const Page*>* into) { current = into; }
Scope::~Scope() { current = nullptr; }

void note(const Page& page) {
  if (current) current->push_back(&page);
}

}  // namespace hongfan::page_reads
