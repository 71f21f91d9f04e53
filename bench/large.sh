#!/usr/bin/env bash
# Large inputs: generates an N-article corpus (default 100,000) with
# bench/gen_corpus.py and measures one hongfan build's wall time and peak
# memory (peak RSS from wait4, via bench/compare.py). The budget (issue 13) is 1 GB.
#   bench/large.sh [N] [HONGFAN]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${1:-100000}
HONGFAN=${2:-$ROOT/build/hongfan}
WORK=${BENCH_WORK:-/tmp/hongfan-large-$N}
[ -x "$HONGFAN" ] || { echo "build first: scripts/dev.sh build" >&2; exit 2; }
HONGFAN=$(cd "$(dirname "$HONGFAN")" && pwd)/$(basename "$HONGFAN")

if [ ! -f "$WORK/.complete" ]; then
  echo "generating $N articles into $WORK"
  python3 bench/gen_corpus.py --n "$N" --out "$WORK" --clean >/dev/null
  cat > "$WORK/site.yaml" <<YAML
title: 大规模测试社区
base_url: https://example.org/large/
pagination: 20
menu:
  - {name: 首页, url: /}
  - {name: 新闻动态, url: /news/}
  - {name: 通知公告, url: /notices/}
YAML
  touch "$WORK/.complete"
fi
echo "corpus: $(find "$WORK/content" -name '*.md' | wc -l) files, $(du -sh "$WORK/content" | cut -f1)"
rm -rf "$WORK/public"
# One build with the stage timings (output kept so its size can be shown) …
"$HONGFAN" build -s "$WORK" --now 2026-11-22 --timings
echo "output: $(find "$WORK/public" -type f | wc -l) files, $(du -sh "$WORK/public" | cut -f1)"
# … then the measured one(s).
python3 bench/compare.py -n "${RUNS:-1}" --warmup 0 \
  --tool hongfan "$WORK/public" "$(printf '%q build -s %q --now 2026-11-22 -q' "$HONGFAN" "$WORK")"
