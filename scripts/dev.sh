#!/usr/bin/env bash
# One entry point for setting up, building and testing hongfan on Debian 12.
#
#   scripts/dev.sh demo   install what is missing, build, render the demo to public/
#   scripts/dev.sh test   the same set-up, then every test through ctest, then the
#                         tests again on a build with ASan and UBSan (build-asan/)
#   scripts/dev.sh build  install what is missing and build (no demo, no tests)
#   scripts/dev.sh fuzz [SECONDS]  install clang, build the libFuzzer harnesses and
#                         run each for SECONDS (default 60); not part of `test`
#
# Run as root (or with sudo available) on a fresh machine: it installs only
# the Debian packages that are missing and the pinned npm test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
ASAN_DIR=${ASAN_DIR:-$ROOT/build-asan}

# What building needs, and what the tests need on top (browsers, checkers).
BUILD_PACKAGES=(g++ cmake ninja-build pkg-config python3 gettext ccache
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libfmt-dev doctest-dev
  libkainjow-mustache-dev nlohmann-json3-dev libcli11-dev libcpp-httplib-dev libqrencode-dev libjemalloc-dev
  libvips-dev libfyaml-dev libzip-dev libexpat1-dev libgit2-dev libsodium-dev
  libheif1 ffmpeg)  # libheif1: HEIC photos from iPhones; ffmpeg: video posters, metadata removal
TEST_PACKAGES=(python3-polib python3-openpyxl python3-docx openjdk-17-jre-headless libxml2-utils linkchecker chromium fonts-noto-cjk
  zbar-tools poppler-utils libimage-exiftool-perl libvips-tools
  pandoc rclone)
FUZZ_PACKAGES=(clang libclang-rt-14-dev)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_node_tools() {
  if ! command -v npm >/dev/null; then install_packages nodejs npm; fi
  # Reinstall when package-lock.json changed since the last install.
  local stamp=node_modules/.hongfan-lock
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    log "installing pinned npm test tools (package-lock.json)"
    PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
  fi
}

# ccache (Debian) keeps compiled objects between builds, worktrees and clones:
# paths under the checkout are hashed relative to it.
export CCACHE_BASEDIR=$ROOT
LAUNCHER=()
if command -v ccache >/dev/null; then LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

build() {
  log "building into $BUILD_DIR"
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "${LAUNCHER[@]}" "$@" >/dev/null
  cmake --build "$BUILD_DIR"
}

# The whole suite again on a build with AddressSanitizer and UBSan, except
# tests labelled `slow` (see tests/CMakeLists.txt).
sanitizer_tests() {
  log "building with AddressSanitizer and UndefinedBehaviorSanitizer into $ASAN_DIR"
  cmake -S . -B "$ASAN_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHONGFAN_SANITIZE=ON "${LAUNCHER[@]}" >/dev/null
  cmake --build "$ASAN_DIR"
  log "running the tests under the sanitizers (all but label slow)"
  (cd "$ASAN_DIR" &&
    ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1} \
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/lsan.supp:print_suppressions=0} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    ctest --output-on-failure -j "$(nproc)" -LE slow)
}

case "${1:-}" in
  demo)
    install_packages "${BUILD_PACKAGES[@]}"
    build
    log "rendering the demo site into public/"
    "$BUILD_DIR/hongfan" build
    log "open public/index.html, or serve public/ with any static web server"
    ;;
  test)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    install_node_tools
    build
    log "running every test"
    (cd "$BUILD_DIR" && ctest --output-on-failure -j "$(nproc)")
    sanitizer_tests
    ;;
  fuzz)
    install_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
    fuzz/build.sh
    fuzz/run.sh "${2:-60}"
    ;;
  build)
    install_packages "${BUILD_PACKAGES[@]}"
    build
    ;;
  *)
    echo "usage: scripts/dev.sh demo|test|build|fuzz [SECONDS]" >&2
    exit 2
    ;;
esac
