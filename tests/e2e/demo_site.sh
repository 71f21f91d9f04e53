#!/usr/bin/env bash
# The bundled demo site: two builds with the same --now are byte-identical,
# and the output passes the Nu HTML checker, a real link checker under a
# sub-path, the sitemaps.org schema and an Atom feed check.
#   demo_site.sh HONGFAN REPO_ROOT
set -euo pipefail
hongfan=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$hongfan" build -s "$root" -o "$tmp/one" --now 2026-11-22 -q
"$hongfan" build -s "$root" -o "$tmp/two" --now 2026-11-22 -q
if ! diff -r "$tmp/one" "$tmp/two" >/dev/null; then
  echo "FAIL: two builds with the same --now differ:"
  diff -rq "$tmp/one" "$tmp/two" | head -20
  exit 1
fi
echo "ok   deterministic: $(find "$tmp/one" -type f | wc -l) files identical in two builds"

# A different "today" changes the pages (so the test above could fail): the
# rankings say 统计截至 that day. The feed's <updated> does not: it is the
# newest entry's date, so rebuilding unchanged content rewrites no file.
SOURCE_DATE_EPOCH=1700000000 "$hongfan" build -s "$root" -o "$tmp/three" -q
grep -rq '统计截至2023年11月' "$tmp/three/points/" ||
  { echo "FAIL: SOURCE_DATE_EPOCH is not used as today"; exit 1; }
if ! cmp -s "$tmp/one/feed.xml" "$tmp/three/feed.xml"; then
  echo "FAIL: the feed depends on the day of the build:"
  diff "$tmp/one/feed.xml" "$tmp/three/feed.xml" | head -5
  exit 1
fi
echo "ok   today comes from --now, else SOURCE_DATE_EPOCH"

tools="$root/tests/tools"
"$tools/check_html.sh" "$tmp/one" | tail -2
# The stylesheets too: one unbalanced brace silently drops every rule after it.
css_files=$(find "$tmp/one" -name '*.css')
LC_ALL=C.UTF-8 java -jar "$root/node_modules/vnu-jar/build/dist/vnu.jar" --css --errors-only $css_files ||
  { echo "FAIL: the stylesheets have CSS errors"; exit 1; }
echo "ok   CSS: $(echo "$css_files" | wc -w) stylesheet(s) without errors"
"$tools/check_links.sh" "$tmp/one" | tail -2
"$tools/check_sitemap.sh" "$tmp/one/sitemap.xml"
python3 "$tools/check_feed.py" "$tmp/one/feed.xml" --min-entries 20
echo "demo site: all checks passed"
