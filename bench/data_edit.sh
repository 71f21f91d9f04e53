#!/usr/bin/env bash
# Usage: bench/data_edit.sh [N=10000] [RUNS=5]
#
# An edit of data/ in the loop users run: N generated articles plus the
# demo site's data/ (35 org units, 8 grids, stations, people, a points
# ledger), built once, then RUNS times: change one grid's `households:` and
# build into the same output folder. For comparison the same number of
# builds after an edit of site.yaml (a comment added), which renders every
# file. Prints each build's wall time and the medians; at the end the output
# is compared with a clean build of the same site (it must be identical).
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
printf 'title: 数据改动测试\nbase_url: https://bench.example.org/\nlanguage: zh-CN\n' > "$WORK/site/site.yaml"
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

echo "first build: $(build) s"
data=() config=()
for i in $(seq 1 "$RUNS"); do
  sed -i -E "0,/households: [0-9]+/s//households: $((430 + i))/" "$WORK/site/data/grids.yaml"
  data+=("$(build)")
  echo "# edit $i" >> "$WORK/site/site.yaml"
  config+=("$(build)")
  echo "round $i: data/grids.yaml ${data[-1]} s, site.yaml ${config[-1]} s"
done
dm=$(printf '%s\n' "${data[@]}" | median)
cm=$(printf '%s\n' "${config[@]}" | median)
echo "median: after a data/ edit $dm s, after a site.yaml edit (every file) $cm s, ratio $(python3 -c "print(f'{$dm / $cm:.3f}')")"

# One more data edit (the last build was a whole one), then a clean build to compare.
sed -i -E "0,/households: [0-9]+/s//households: 429/" "$WORK/site/data/grids.yaml"
build >/dev/null
"$HONGFAN" build -s "$WORK/site" -o "$WORK/clean" --now "$NOW" >/dev/null 2>&1
diff -r -q "$WORK/public" "$WORK/clean" && echo "the output after a data/ edit is identical to a clean build"
