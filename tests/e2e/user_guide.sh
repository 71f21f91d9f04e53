#!/usr/bin/env bash
# The user guide (docs/) is a hongfan site. It builds with this hongfan,
# `check` finds nothing, and the output passes the validators the demo
# passes: the Nu HTML checker, linkchecker under a sub-path and the
# sitemaps.org schema. It covers what the guide promises staff: install,
# writing, every data file, the error messages, publishing, and the
# file-format reference.
#   user_guide.sh HONGFAN REPO_ROOT
set -euo pipefail
hongfan=$1
root=$2
docs=$root/docs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$hongfan" build -s "$docs" -o "$tmp/out" --now 2026-12-02 -q
echo "ok   docs/ builds: $(find "$tmp/out" -name '*.html' | wc -l) pages"
"$hongfan" check -s "$docs" --now 2026-12-02 --format json > "$tmp/check.json" || fail "hongfan check docs/ failed"
python3 - "$tmp/check.json" <<'PY' || fail "hongfan check reports problems in docs/"
import json, sys
d = json.load(open(sys.argv[1]))
for p in d["diagnostics"]:
    print("  ", p)
sys.exit(1 if d["errors"] or d["warnings"] else 0)
PY
echo "ok   hongfan check: no errors, no warnings"

# The chapters the guide must have, each reachable from the menu.
for page in guide/install guide/writing guide/data guide/errors guide/publish reference/format reference/urls; do
  [ -f "$tmp/out/$page/index.html" ] || fail "no page /$page/"
  grep -q "url: /$page/}" "$docs/site.yaml" || fail "the menu does not reach /$page/"
done
echo "ok   every chapter is built and in the menu"
# Every data file has a worked example; every way to publish is covered.
for f in org.yaml grids.yaml stations.yaml people.yaml points.csv points.xlsx rewards.yaml honors.yaml \
         contacts.yaml figures.yaml; do
  grep -q "data/$f" "$docs/content/guide/data.md" || fail "guide/data.md does not cover data/$f"
done
for tool in rsync scp rclone OSS COS --offline; do
  grep -q -- "$tool" "$docs/content/guide/publish.md" || fail "guide/publish.md does not cover $tool"
done
# The command-line messages quoted in the errors chapter are the catalogue's.
python3 - "$root/po/zh_CN.po" "$docs/content/guide/errors.md" <<'PY' || fail "guide/errors.md quotes a message the catalogue does not have"
import re, sys
po = open(sys.argv[1], encoding="utf-8").read()
guide = open(sys.argv[2], encoding="utf-8").read()
msgs = set(re.findall(r'^msgstr(?:\[0\])? "(.*)"$', po, re.M))
quoted = re.findall(r"\| `错误: ([^`]*)`", guide)
missing = [q for q in quoted if q not in msgs]
for q in missing:
    print("   not in po/zh_CN.po:", q)
sys.exit(1 if missing or not quoted else 0)
PY
echo "ok   the errors chapter covers every kind of mistake and quotes the catalogue"

tools="$root/tests/tools"
"$tools/check_html.sh" "$tmp/out" | tail -2
"$tools/check_links.sh" "$tmp/out" | tail -2
"$tools/check_sitemap.sh" "$tmp/out/sitemap.xml"
echo "user guide: all checks passed"
