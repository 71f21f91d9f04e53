#!/usr/bin/env bash
# Usage: bench/data_edit.sh [N=10000] [RUNS=5]
#
# Edits other than of articles, in the loop users run: N generated articles
# plus the demo site's data/ (35 org units, 8 grids, stations, people, a
# points ledger) and the site's own copy of the tag-page template
# (templates/term.html), built once, then RUNS times, each build into the
# same output folder:
#   - change one grid's `households:` in data/grids.yaml;
#   - change templates/term.html (the tag and category pages);
#   - add a comment to site.yaml, which changes no value: nothing is written;
#   - change site.yaml's subtitle, which renders every file (for comparison).
# Prints each build's wall time and the medians; at the end the output is
# compared with a clean build of the same site (it must be identical).
# hongfan only: Hugo rebuilds everything after any edit (see bench/loop.sh).
# Environment: HONGFAN (default REPO/build/hongfan), BENCH_WORK (default
# /tmp/hongfan-data-edit; use the disk users build on), NOW (2026-01-01).
set -euo pipefail
N=${1:-10000}
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
HONGFAN=${HONGFAN:-$ROOT/build/hongfan}
WORK=${BENCH_WORK:-/tmp/hongfan-data-edit}
NOW=${NOW:-2026-01-01}
[ -x "$HONGFAN" ] || { echo "data_edit.sh: build hongfan first (scripts/dev.sh build), or set HONGFAN" >&2; exit 1; }

rm -rf "$WORK"
mkdir -p "$WORK/site"
python3 "$HERE/gen_corpus.py" --n "$N" --out "$WORK/corpus" >&2
cp -r "$WORK/corpus/content" "$WORK/site/content"
cp -r "$ROOT/data" "$WORK/site/data"
# Not an example.org address: the grids' QR cards would be warned about at
# base_url's line, and a comment edit above a line a build speaks about is
# built again (the message moves).
printf 'title: 数据改动测试\nsubtitle: 第0版\nbase_url: https://bench.hongfan-demo.cn/\nlanguage: zh-CN\n' \
  > "$WORK/site/site.yaml"
mkdir -p "$WORK/site/templates"
cp "$ROOT/themes/default/templates/term.html" "$WORK/site/templates/term.html"
# Like staff at a terminal: the spare tree is made in the background after
# a whole build (bench/loop.py waits for it the same way).
export HONGFAN_SPARE_HELPER=1

build() {
  local t0 t1
  t0=$(date +%s.%N)
  "$HONGFAN" build -s "$WORK/site" -o "$WORK/public" --now "$NOW" >/dev/null 2>"$WORK/err" ||
    { cat "$WORK/err" >&2; exit 1; }
  t1=$(date +%s.%N)
  # The background helper, when the build left one, before the next build.
  for lock in "$WORK"/.hongfan-cache/*.lock; do [ -e "$lock" ] && flock "$lock" true; done
  python3 -c "print(f'{$t1 - $t0:.3f}')"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

# The tag pages' heading gets a new attribute each time.
edit_template() {
  sed -i -E "s/<h1 class=\"page-title\"( data-edit=\"[0-9]+\")?>/<h1 class=\"page-title\" data-edit=\"$1\">/" \
    "$WORK/site/templates/term.html"
}

echo "first build: $(build) s"
data=() template=() comment=() config=()
for i in $(seq 1 "$RUNS"); do
  sed -i -E "0,/households: [0-9]+/s//households: $((430 + i))/" "$WORK/site/data/grids.yaml"
  data+=("$(build)")
  edit_template "$i"
  template+=("$(build)")
  echo "# edit $i" >> "$WORK/site/site.yaml"
  comment+=("$(build)")
  grep -q "只改了注释" "$WORK/err" || { echo "data_edit.sh: the comment edit was not taken for one" >&2; exit 1; }
  sed -i -E "s/^subtitle: .*/subtitle: 第${i}版/" "$WORK/site/site.yaml"
  config+=("$(build)")
  echo "round $i: data/grids.yaml ${data[-1]} s, templates/term.html ${template[-1]} s," \
       "site.yaml comment ${comment[-1]} s, site.yaml subtitle ${config[-1]} s"
done
dm=$(printf '%s\n' "${data[@]}" | median)
tm=$(printf '%s\n' "${template[@]}" | median)
om=$(printf '%s\n' "${comment[@]}" | median)
cm=$(printf '%s\n' "${config[@]}" | median)
ratio() { python3 -c "print(f'{$1 / $2:.3f}')"; }
echo "median: after a data/ edit $dm s, after a template edit $tm s, after a site.yaml comment $om s," \
     "after a site.yaml value (every file) $cm s"
echo "ratios to the site.yaml value edit: data/ $(ratio "$dm" "$cm"), template $(ratio "$tm" "$cm")," \
     "comment $(ratio "$om" "$cm")"

# One more data and template edit (the last build was a whole one), then a
# clean build to compare.
sed -i -E "0,/households: [0-9]+/s//households: 429/" "$WORK/site/data/grids.yaml"
build >/dev/null
edit_template 0
build >/dev/null
"$HONGFAN" build -s "$WORK/site" -o "$WORK/clean" --now "$NOW" >/dev/null 2>&1
diff -r -q "$WORK/public" "$WORK/clean" && echo "the output after data/ and template edits is identical to a clean build"
grep -rq 'data-edit="0"' "$WORK/public/tags" && echo "the tag pages show the last template edit"
