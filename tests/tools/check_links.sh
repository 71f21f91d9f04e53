#!/usr/bin/env bash
# check_links.sh DIR [MIN_URLS]
#
# Serves a copy of the built site DIR under a sub-path
# (http://127.0.0.1:PORT/portal/sub/) and crawls it with Debian's linkchecker.
# Internal URLs (anything on 127.0.0.1:PORT, including links that escape the
# sub-path such as "/css/x.css") are fetched; every other URL (https://...,
# mailto:, ...) is only syntax-checked, so no network is needed.
#
# Fails (exit 1) on: a broken internal link, a missing #fragment target, an
# HTML file that was never fetched, or fewer than MIN_URLS internal URLs
# (default: HONGFAN_LINKS_MIN_URLS or 2).  Exit 2: usage / setup problem.
#
# Environment:
#   HONGFAN_LINKS_SUBPATH       sub-path to serve under (default portal/sub;
#                               set but empty = serve at the server root)
#   HONGFAN_LINKS_MIN_URLS      minimum internal URLs (default 2)
#   HONGFAN_LINKS_ANCHORS=0     missing anchors are warnings, not failures
#   HONGFAN_LINKS_FAIL_ORPHANS=1  fail when an HTML file is unreachable from
#                               index.html (default: report, and still check
#                               its links in a second pass)
#   HONGFAN_LINKS_KEEP=1        keep the temp dir (CSV output, server log)
set -u -o pipefail

usage() { echo "usage: $0 DIR [MIN_URLS]" >&2; exit 2; }
if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
SITE=$1
MIN_URLS=${2:-${HONGFAN_LINKS_MIN_URLS:-2}}
SUBPATH=${HONGFAN_LINKS_SUBPATH-portal/sub}
SUBPATH=${SUBPATH#/}; SUBPATH=${SUBPATH%/}

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=$(command -v python3 || true)
[ -n "$PY" ] || { echo "check_links: python3 not found" >&2; exit 2; }
command -v linkchecker >/dev/null 2>&1 || { echo "check_links: linkchecker not found (apt-get install linkchecker)" >&2; exit 2; }
[ -d "$SITE" ] || { echo "check_links: not a folder: $SITE" >&2; exit 2; }
[ -f "$SITE/index.html" ] || { echo "check_links: FAIL: $SITE/index.html missing" >&2; exit 1; }

# UTF-8 everywhere: file names with Chinese characters, CSV output.
export LC_ALL=C.UTF-8 LANG=C.UTF-8 PYTHONUTF8=1 PYTHONIOENCODING=utf-8
# never send loopback requests through a proxy from the environment
export no_proxy="127.0.0.1,localhost,::1${no_proxy:+,$no_proxy}" NO_PROXY="127.0.0.1,localhost,::1${NO_PROXY:+,$NO_PROXY}"

T=$(mktemp -d "${TMPDIR:-/tmp}/check_links.XXXXXX")
SERVER_PID=
LC_PID=
# shellcheck disable=SC2317  # invoked from the EXIT trap
cleanup() {
    if [ -n "$LC_PID" ]; then
        kill "$LC_PID" 2>/dev/null
        wait "$LC_PID" 2>/dev/null
    fi
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null
        wait "$SERVER_PID" 2>/dev/null
    fi
    if [ "${HONGFAN_LINKS_KEEP:-0}" = 1 ]; then echo "check_links: kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# linkchecker drops privileges to "nobody" when run as root: the config it
# reads must be world-readable.
chmod 755 "$T"
mkdir -p "$T/www/$SUBPATH"
cp -a "$SITE/." "$T/www/$SUBPATH/"

cat >"$T/linkcheckerrc" <<'EOF'
[checking]
# linkchecker sleeps 0.1-0.6 s between requests to one host unless the server
# sends a "LinkChecker" header (serve_static.py does); then this rate applies.
maxrequestspersecond=1000
threads=8
timeout=15
[AnchorCheck]
EOF
chmod 644 "$T/linkcheckerrc"

start=$(date +%s.%N)
"$PY" "$SCRIPT_DIR/serve_static.py" "$T/www" --bind 127.0.0.1 --port 0 \
    --port-file "$T/port" --log "$T/server.log" 2>"$T/server.err" &
SERVER_PID=$!
for _ in $(seq 1 100); do
    [ -s "$T/port" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.05
done
if [ ! -s "$T/port" ]; then
    echo "check_links: could not start the HTTP server:" >&2; cat "$T/server.err" >&2; exit 2
fi
PORT=$(cat "$T/port")
HOST="http://127.0.0.1:$PORT/"
BASE="${HOST}${SUBPATH:+$SUBPATH/}"
echo "check_links: serving $SITE at $BASE"

run_linkchecker() { # OUT.csv URL...
    local out=$1; shift
    # --check-extern + --ignore-url: every URL on our server is fetched (even
    # outside the sub-path, where it 404s); anything else is syntax-only.
    # --no-robots: our robots.txt sits under the sub-path anyway, but a
    # "Disallow" must never make the crawl skip pages.
    linkchecker -f "$T/linkcheckerrc" --no-robots --check-extern \
        --ignore-url "^(?!http://127\\.0\\.0\\.1:$PORT/)" \
        --no-status -v -o csv/utf-8 "$@" >"$out" 2>"$out.err" &
    # background + wait: a TERM/INT (ctest timeout, ^C) is handled at once and
    # the EXIT trap stops linkchecker and the server.
    LC_PID=$!
    wait "$LC_PID"
    local rc=$?
    LC_PID=
    # exit 1 = broken links found (reported later); anything else is a crash
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        echo "check_links: linkchecker failed (exit $rc):" >&2
        grep -v 'dropping privileges' "$out.err" >&2
        exit 2
    fi
}

starts=("$BASE")
[ -f "$SITE/404.html" ] && starts+=("${BASE}404.html")
run_linkchecker "$T/pass1.csv" "${starts[@]}"

# Second pass for HTML files the crawl never reached, so their links are
# checked too (they are reported as unreachable).
mapfile -t orphans < <("$PY" "$SCRIPT_DIR/linkcheck_report.py" orphans "$SITE" "$BASE" "$T/pass1.csv")
csvs=("$T/pass1.csv")
if [ "${#orphans[@]}" -gt 0 ]; then
    run_linkchecker "$T/pass2.csv" "${orphans[@]}"
    csvs+=("$T/pass2.csv")
fi

"$PY" "$SCRIPT_DIR/linkcheck_report.py" report "$SITE" "$BASE" "$MIN_URLS" "${csvs[@]}"
rc=$?
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" -v n="$(wc -l <"$T/server.log")" \
    'BEGIN{printf "check_links: %d HTTP request(s) served, %.1fs\n", n, b-a}'
exit "$rc"
