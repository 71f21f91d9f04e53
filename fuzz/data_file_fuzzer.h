// A harness for one data file: the fuzz input becomes that file of the
// minimal site, which is then loaded, linked, planned and rendered through
// the default theme. A loader gets its harness with a two-line file
// fuzz/data_NAME_fuzzer.cc:
//
//   #define HONGFAN_FUZZ_DATA_FILE "data/grids.yaml"
//   #include "data_file_fuzzer.h"
//
// run.sh seeds it from the demo's data/NAME.* files.
#pragma once

#include "fuzz_util.h"

#ifndef HONGFAN_FUZZ_DATA_FILE
#error "define HONGFAN_FUZZ_DATA_FILE before including data_file_fuzzer.h"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto site = hongfan::fuzz::base_site();
  site.add(HONGFAN_FUZZ_DATA_FILE, std::string(reinterpret_cast<const char*>(data), size));
  hongfan::fuzz::prepare_and_render(site, true);
  return 0;
}
