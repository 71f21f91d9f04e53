#!/usr/bin/env bash
# check_html.sh DIR [DIR|FILE ...]
#
# Validates every .html/.htm/.xhtml/.xht file under the given folders with the
# Nu HTML Checker (vnu.jar from the npm package vnu-jar), in ONE JVM start.
# Exit 0: no errors.  Exit 1: HTML errors (or files the checker silently
# skipped).  Exit 2: usage / setup problem.
#
# Environment:
#   HONGFAN_NODE_MODULES  node_modules folder (default: <repo>/node_modules)
#   HONGFAN_VNU_JAR       explicit path to vnu.jar (overrides the above)
#   HONGFAN_HTML_WERROR=1 also fail on warnings
#   HONGFAN_HTML_CHECK_CSS=1  also validate *.css files (vnu --also-check-css)
#   JAVA                  java executable (default: java)
#   HONGFAN_VNU_JAVA_OPTS JVM options (default: -Xss2m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
set -u -o pipefail

usage() { echo "usage: $0 DIR [DIR|FILE ...]" >&2; exit 2; }
[ $# -ge 1 ] || usage

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
NM=${HONGFAN_NODE_MODULES:-$REPO_ROOT/node_modules}
JAR=${HONGFAN_VNU_JAR:-$NM/vnu-jar/build/dist/vnu.jar}
JAVA=${JAVA:-java}

if [ ! -f "$JAR" ]; then
    echo "check_html: vnu.jar not found at $JAR" >&2
    echo "check_html: run 'npm ci' in $REPO_ROOT (or set HONGFAN_NODE_MODULES / HONGFAN_VNU_JAR)" >&2
    exit 2
fi
command -v "$JAVA" >/dev/null 2>&1 || { echo "check_html: '$JAVA' not found (apt-get install default-jre-headless)" >&2; exit 2; }

for d in "$@"; do
    [ -e "$d" ] || { echo "check_html: no such file or folder: $d" >&2; exit 2; }
done

# GOTCHA: without a UTF-8 locale (ctest / env -i / cron have none) the JVM's
# sun.jnu.encoding is ASCII and vnu silently SKIPS every file below a Chinese
# folder name ("File not found" info warning, exit 0).  Force UTF-8.
export LC_ALL=C.UTF-8 LANG=C.UTF-8

css_opt=()
css_find=()
if [ "${HONGFAN_HTML_CHECK_CSS:-0}" = 1 ]; then
    css_opt=(--also-check-css)
    css_find=(-o -name '*.css')
fi
expected=$(find "$@" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.xhtml' -o -name '*.xht' "${css_find[@]}" \) | wc -l)
if [ "$expected" -eq 0 ]; then
    echo "check_html: FAIL: no HTML files found under: $*" >&2
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_html.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

start=$(date +%s.%N)
# --verbose prints each checked file on stdout (used to detect silent skips);
# messages go to stderr in gnu format.  -Xss: vnu recommends a larger stack
# for deeply nested documents.
# Client-compiler-only + serial GC: ~35% faster start on a busy 2-core box.
# shellcheck disable=SC2086
"$JAVA" ${HONGFAN_VNU_JAVA_OPTS:--Xss2m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} \
    -Dfile.encoding=UTF-8 -jar "$JAR" \
    --skip-non-html "${css_opt[@]}" --format gnu --verbose --asciiquotes "$@" \
    >"$tmp/checked" 2>"$tmp/messages"
rc=$?
end=$(date +%s.%N)

# Drop the noise from --verbose about non-HTML files.
grep -v 'info warning: File was not checked\.' "$tmp/messages" >"$tmp/report" || true

checked=$(grep -c . "$tmp/checked" || true)
errors=$(grep -c -E ': (error|fatal|non-document-error)' "$tmp/report" || true)
warnings=$(grep -c -E ': (info )?warning:' "$tmp/report" || true)
notfound=$(grep -c 'File not found' "$tmp/report" || true)

if [ -s "$tmp/report" ]; then
    echo "---- Nu HTML checker report ----"
    cat "$tmp/report"
    echo "--------------------------------"
fi
printf 'check_html: %d file(s) found, %d checked, %d error(s), %d warning(s), %.1fs\n' \
    "$expected" "$checked" "$errors" "$warnings" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')"

fail=0
if [ "$checked" -ne "$expected" ] || [ "$notfound" -ne 0 ]; then
    echo "check_html: FAIL: vnu checked $checked of $expected files (encoding/locale problem?)" >&2
    fail=1
fi
if [ "$errors" -ne 0 ] || [ "$rc" -ne 0 ]; then
    echo "check_html: FAIL: HTML errors (vnu exit $rc)" >&2
    fail=1
fi
if [ "${HONGFAN_HTML_WERROR:-0}" = 1 ] && [ "$warnings" -ne 0 ]; then
    echo "check_html: FAIL: warnings present and HONGFAN_HTML_WERROR=1" >&2
    fail=1
fi
[ "$fail" -eq 0 ] && echo "check_html: OK"
exit "$fail"
