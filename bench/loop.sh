#!/usr/bin/env bash
# Usage: bench/loop.sh [N=10000] [RUNS=5]
#
# The loop users run (see bench/loop.py): cold, no-change, one-edit and next-edit builds
# into the same output folder, default settings — hongfan with its search
# index, Hugo with its comparable full-text JSON index (bench/hugo-search/) —
# the two tools alternated in one run. Prints medians and ratios to Hugo.
# Environment:
#   HONGFAN     hongfan binary      (default: REPO/build/hongfan)
#   HUGO        hugo binary         (default: hugo on PATH; Debian's is 0.111)
#   GEN         corpus generator    (default: REPO/bench/gen_corpus.py)
#   BENCH_WORK  scratch directory   (default: /tmp/hongfan-loop; use the disk
#               users build on, not tmpfs, for the figure that counts)
#   NOW         hongfan --now       (default: 2026-01-01)
#   SETTLE      seconds to wait after deleting the last run's scratch
#               (default: 370 on ext4 without a journal, else 0)
set -euo pipefail
N=${1:-10000}
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
HONGFAN=${HONGFAN:-$ROOT/build/hongfan}
HUGO=${HUGO:-hugo}
GEN=${GEN:-$HERE/gen_corpus.py}
WORK=${BENCH_WORK:-/tmp/hongfan-loop}
NOW=${NOW:-2026-01-01}
[ -x "$HONGFAN" ] || { echo "loop.sh: build hongfan first (scripts/dev.sh build), or set HONGFAN" >&2; exit 1; }
command -v "$HUGO" >/dev/null || { echo "loop.sh: hugo not found; Debian: apt-get install -y hugo" >&2; exit 1; }
[ -f "$GEN" ] || { echo "loop.sh: corpus generator not found: $GEN" >&2; exit 1; }

# The last run's scratch (300,000 files) is deleted before anything is
# timed, and on ext4 without a journal that deletion would be timed anyway:
# the kernel does not reuse an inode freed in the last 60 s, or 360 s while
# its inode table block is unwritten (fs/ext4/ialloc.c, recently_deleted),
# and every file created meanwhile first steps over all of them. The first
# rounds of both tools would measure this script's clean-up, hongfan's most
# (it makes more files). So after deleting, wait that out. SETTLE=seconds
# overrides the wait (0: none).
unjournaled_ext4() {
  local dev
  dev=$(basename "$(df --output=source "$1" | tail -1)")
  [ -d "/proc/fs/ext4/$dev" ] && ! ls -d /proc/fs/jbd2/"$dev"-* >/dev/null 2>&1
}
if [ -e "$WORK" ]; then
  rm -rf "$WORK"
  settle=${SETTLE:-}
  if [ -z "$settle" ]; then
    settle=0
    unjournaled_ext4 "$(dirname "$WORK")" && settle=370
  fi
  if [ "$settle" -gt 0 ]; then
    echo "loop.sh: deleted the last run's files on an ext4 without a journal; waiting ${settle} s" \
         "until the kernel reuses their inodes (SETTLE=0 to skip)" >&2
    sleep "$settle"
  fi
fi
mkdir -p "$WORK"
python3 "$GEN" --n "$N" --out "$WORK/corpus" >&2

HF=$WORK/hongfan-site
HU=$WORK/hugo-site
for d in "$HF" "$HU"; do
  mkdir -p "$d"
  cp -r "$WORK/corpus/content" "$d/content"
  for s in news notices; do cp "$HERE/hugo-site/content/$s/_index.md" "$d/content/$s/_index.md"; done
done
# hongfan: the defaults a site gets (search on).
cat > "$HF/site.yaml" <<'YAML'
title: 幸福街道社区门户
base_url: https://bench.example.org/
language: zh-CN
pagination: 10
menu:
  - {name: 首页, url: /}
  - {name: 新闻动态, url: /news/}
  - {name: 通知公告, url: /notices/}
YAML
cp -r "$HERE/hugo-site/." "$HU/"
cp -r "$HERE/hugo-search/." "$HU/"

# Staff build at a terminal, where hongfan makes the spare tree in the
# background after a first build (site/spare_tree.h); the benchmark's
# stderr is a file, so it asks for that by name. loop.py waits for it before
# the next build of either tool and reports its time.
export HONGFAN_SPARE_HELPER=1
python3 "$HERE/loop.py" -n "$RUNS" \
  --tool hongfan "$HF" "$WORK/out-hongfan" "$HONGFAN build -s $HF -o $WORK/out-hongfan --now $NOW" \
  --tool hugo "$HU" "$WORK/out-hugo" "$HUGO --quiet -s $HU -d $WORK/out-hugo --config hugo.yaml,search.yaml"
