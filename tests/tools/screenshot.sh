#!/usr/bin/env bash
# screenshot.sh URL_OR_FILE OUT.png [WIDTH=375] [HEIGHT=812]
#
# Headless Chromium screenshot of one page at phone size (default 375x812,
# device scale factor 1, so OUT.png is exactly WIDTHxHEIGHT pixels).
# URL_OR_FILE: an http(s)/file URL, an .html file, or a folder (its
# index.html).  Local paths become percent-encoded file:// URLs, so Chinese
# folder names work.  An http(s) URL is fetched first and must answer < 400.
#
# Exit 0 and prints "screenshot: OUT.png WxH" on success; 1 on failure (with
# Chromium's log); 2 on usage errors.
# Environment:
#   CHROMIUM                   browser binary (default /usr/bin/chromium)
#   HONGFAN_SCREENSHOT_TIMEOUT seconds before giving up (default 60)
#   HONGFAN_SCREENSHOT_WAIT_MS virtual-time budget for loading (default 3000)
#   HONGFAN_SCREENSHOT_SCALE   device scale factor (default 1)
set -u -o pipefail

usage() { echo "usage: $0 URL_OR_FILE OUT.png [WIDTH=375] [HEIGHT=812]" >&2; exit 2; }
if [ $# -lt 2 ] || [ $# -gt 4 ]; then usage; fi
TARGET=$1; OUT=$2; W=${3:-375}; H=${4:-812}
[[ "$W" =~ ^[0-9]+$ && "$H" =~ ^[0-9]+$ ]] || usage
SCALE=${HONGFAN_SCREENSHOT_SCALE:-1}

CHROMIUM=${CHROMIUM:-}
if [ -z "$CHROMIUM" ]; then
    for c in /usr/bin/chromium chromium chromium-browser google-chrome; do
        if command -v "$c" >/dev/null 2>&1; then CHROMIUM=$(command -v "$c"); break; fi
    done
fi
[ -n "$CHROMIUM" ] || { echo "screenshot: chromium not found (apt-get install chromium)" >&2; exit 2; }
export LC_ALL=C.UTF-8 PYTHONUTF8=1
# never send loopback requests through a proxy from the environment
export no_proxy="127.0.0.1,localhost,::1${no_proxy:+,$no_proxy}" NO_PROXY="127.0.0.1,localhost,::1${NO_PROXY:+,$NO_PROXY}"

# Local file/folder -> file:// URL (Path.as_uri percent-encodes UTF-8).
if [ -d "$TARGET" ]; then
    [ -f "$TARGET/index.html" ] || { echo "screenshot: FAIL: $TARGET/index.html missing" >&2; exit 1; }
    TARGET=$TARGET/index.html
fi
if [ -f "$TARGET" ]; then
    URL=$(python3 -c 'import pathlib,sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$TARGET")
elif [[ "$TARGET" =~ ^(https?|file|data|about): ]]; then
    URL=$TARGET
    if [[ "$URL" =~ ^https?: ]]; then
        # Chromium happily screenshots its own error page; refuse instead.
        if ! python3 - "$URL" <<'PYEOF'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1], timeout=15) as r:
        sys.exit(0)
except urllib.error.HTTPError as e:
    print("screenshot: FAIL: %s answered %d %s" % (sys.argv[1], e.code, e.reason), file=sys.stderr)
except Exception as e:
    print("screenshot: FAIL: cannot fetch %s: %s" % (sys.argv[1], e), file=sys.stderr)
sys.exit(1)
PYEOF
        then exit 1; fi
    fi
else
    echo "screenshot: FAIL: no such file and not a URL: $TARGET" >&2; exit 1
fi

mkdir -p "$(dirname "$OUT")"
OUT_ABS=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")
rm -f "$OUT_ABS"

T=$(mktemp -d "${TMPDIR:-/tmp}/screenshot.XXXXXX")
trap 'rm -rf "$T"' EXIT

start=$(date +%s.%N)
timeout --kill-after=5 "${HONGFAN_SCREENSHOT_TIMEOUT:-60}" "$CHROMIUM" \
    --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --disable-dev-shm-usage --disable-extensions --mute-audio \
    --no-default-browser-check --password-store=basic \
    --user-data-dir="$T/profile" \
    --window-size="$W,$H" --force-device-scale-factor="$SCALE" \
    --virtual-time-budget="${HONGFAN_SCREENSHOT_WAIT_MS:-3000}" \
    --screenshot="$OUT_ABS" "$URL" >"$T/chromium.log" 2>&1
rc=$?
end=$(date +%s.%N)

if [ "$rc" -ne 0 ] || [ ! -s "$OUT_ABS" ]; then
    echo "screenshot: FAIL: chromium exit $rc, no image at $OUT_ABS. Log (dbus noise removed):" >&2
    grep -v -e 'dbus/' -e 'unexpected operator' "$T/chromium.log" | tail -n 40 >&2
    exit 1
fi

# Verify it is a PNG of the expected size (IHDR width/height).
dims=$(python3 - "$OUT_ABS" <<'PYEOF'
import struct, sys
b = open(sys.argv[1], "rb").read(24)
if b[:8] != b"\x89PNG\r\n\x1a\n":
    print("not-a-png"); sys.exit(0)
print("%dx%d" % struct.unpack(">II", b[16:24]))
PYEOF
)
want="$(awk -v w="$W" -v s="$SCALE" 'BEGIN{printf "%d", w*s}')x$(awk -v h="$H" -v s="$SCALE" 'BEGIN{printf "%d", h*s}')"
if [ "$dims" != "$want" ]; then
    echo "screenshot: FAIL: $OUT_ABS is $dims, expected $want" >&2
    exit 1
fi
awk -v a="$start" -v b="$end" -v o="$OUT" -v d="$dims" -v u="$URL" \
    'BEGIN{printf "screenshot: %s %s (%s, %.1fs)\n", o, d, u, b-a}'
