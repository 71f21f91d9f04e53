#!/usr/bin/env bash
# Large inputs: generates an N-article corpus (default 100,000) with the
# shared generator and measures one hongfan build's wall time and peak
# memory (peak RSS from wait4, via ../shared/bench/timeit.py). DESIGN's
# budget is 2 GB.
#   bench/large.sh [N] [HONGFAN]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${1:-100000}
HONGFAN=${2:-$ROOT/build/hongfan}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
WORK=${BENCH_WORK:-/tmp/hongfan-large-$N}
[ -x "$HONGFAN" ] || { echo "build first: scripts/dev.sh build" >&2; exit 2; }

if [ ! -f "$WORK/.complete" ]; then
  echo "generating $N articles into $WORK"
  # The generator stops at 99,999 articles: copies of the first ones, under
  # other file names (so other slugs), make up the rest.
  GEN=$(( N > 99999 ? 99999 : N ))
  python3 "$SHARED/gen_corpus.py" --n "$GEN" --out "$WORK" --clean >/dev/null
  if [ "$N" -gt "$GEN" ]; then
    find "$WORK/content/news" -name '*.md' | sort | sed -n "1,$(( N - GEN ))p" |
      while read -r f; do cp "$f" "$(dirname "$f")/x$(basename "$f")"; done
  fi
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
# … then the measured one.
python3 "$SHARED/timeit.py" -n "${RUNS:-1}" --warmup 0 -- "$HONGFAN" build -s "$WORK" --now 2026-11-22 -q
