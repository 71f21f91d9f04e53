#!/usr/bin/env bash
# Builds every libFuzzer harness into build-fuzz/ with clang, ASan and UBSan:
#   fuzz/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build-fuzz}
CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S . -B "$BUILD_DIR" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHONGFAN_FUZZ=ON -DHONGFAN_WERROR=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build "$BUILD_DIR" -j "${JOBS:-2}"
ls "$BUILD_DIR"/fuzz/*_fuzzer
