#!/usr/bin/env bash
# Usage: bench/run.sh [N=10000] [RUNS=5]
#
# Builds the same N-article synthetic corpus with hongfan and with Hugo,
# alternating the two, and prints medians and hongfan/hugo ratios
# (see bench/README.md). Environment:
#   HONGFAN      hongfan binary            (default: REPO/build/hongfan)
#   HUGO         hugo binary               (default: hugo on PATH)
#   BENCH_WORK   scratch directory         (default: /tmp/hongfan-bench)
#   SEED         corpus seed               (default: 42)
#   WARMUP       uncounted rounds          (default: 1)
#   NOW          hongfan --now             (default: 2026-01-01)
#   HUGO_ONLY=1  time Hugo alone (no hongfan needed)
#   HUGO_MINIFY=1  pass --minify to Hugo (use when hongfan minifies)
#   HUGO_SEARCH=1  both build a search page and index (Hugo: a full-text JSON
#                  index; hongfan: its sharded bigram index); otherwise
#                  hongfan gets `search: false`, as Hugo builds none
#                  (use when hongfan emits its /search/ index)
#   FRESH=1      regenerate the corpus even if WORK/site matches N and SEED
set -euo pipefail

N=${1:-10000}
RUNS=${2:-5}
case $N in ''|*[!0-9]*) echo "run.sh: N must be a positive integer, got '$N'" >&2; exit 2 ;; esac
case $RUNS in ''|*[!0-9]*) echo "run.sh: RUNS must be a positive integer, got '$RUNS'" >&2; exit 2 ;; esac

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(git -C "$HERE" rev-parse --show-toplevel 2>/dev/null || (cd "$HERE/.." && pwd))
WORK=${BENCH_WORK:-/tmp/hongfan-bench}
SEED=${SEED:-42}
WARMUP=${WARMUP:-1}
NOW=${NOW:-2026-01-01}
HONGFAN=${HONGFAN:-$ROOT/build/hongfan}
HUGO=${HUGO:-hugo}
HUGO_ONLY=${HUGO_ONLY:-0}

die() { echo "run.sh: $*" >&2; exit 1; }
q() { printf '%q' "$1"; }   # quote a path for compare.py's shlex.split

GEN=$HERE/gen_corpus.py
[ -f "$GEN" ] || die "corpus generator not found: $GEN"
command -v python3 >/dev/null || die "python3 not found"

if [ "$HUGO_ONLY" != 1 ]; then
  if [ ! -e "$HONGFAN" ]; then
    die "hongfan binary not found: $HONGFAN
  build it first (it is expected at REPO/build/hongfan), or set HONGFAN=/path/to/hongfan,
  or run with HUGO_ONLY=1 to time Hugo alone."
  fi
  [ -x "$HONGFAN" ] || die "hongfan binary is not executable: $HONGFAN"
  HONGFAN=$(cd "$(dirname "$HONGFAN")" && pwd)/$(basename "$HONGFAN")
fi
HUGO_BIN=$(command -v "$HUGO") || die "hugo not found ('$HUGO'); Debian: apt-get install -y hugo"
HUGO_VER=$("$HUGO_BIN" version 2>/dev/null | head -n1)
case $HUGO_VER in
  *v0.111.*) ;;
  *) echo "run.sh: warning: the Hugo skeleton is written for Hugo 0.111; found: $HUGO_VER" >&2 ;;
esac

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
case $WORK in /|"$HOME"|"$ROOT") die "refusing to use $WORK as the scratch directory" ;; esac

# Directories this script replaces are moved into $OLD and deleted only after
# the timing (a big delete just before a build slows the build down: see
# Trash in compare.py).
OLD=$WORK/.compare-trash-run
rm -rf "$OLD"
mkdir -p "$OLD"
discard() { if [ -e "$1" ]; then mv "$1" "$(mktemp -d "$OLD/XXXXXX")/"; fi; }

# 1. Corpus (deterministic for N and SEED: reused when the stamp matches).
SITE=$WORK/site
STAMP="n=$N seed=$SEED gen=$(cksum < "$GEN" | cut -d' ' -f1)"
if [ "${FRESH:-0}" = 1 ] || [ ! -f "$SITE/.bench-stamp" ] || [ "$(cat "$SITE/.bench-stamp")" != "$STAMP" ]; then
  echo "== generating corpus: N=$N seed=$SEED -> $SITE" >&2
  discard "$SITE"
  python3 "$GEN" --n "$N" --out "$SITE" --seed "$SEED" >&2
  echo "$STAMP" > "$SITE/.bench-stamp"
else
  echo "== reusing corpus $SITE ($STAMP)" >&2
fi

# A tool's copy of the corpus, plus the section front matter (titles
# 新闻动态 / 通知公告), given to both tools alike. Reused while the corpus is.
site_copy() {
  if [ ! -f "$1/.bench-stamp" ] || [ "$(cat "$1/.bench-stamp")" != "$STAMP" ]; then
    discard "$1"
    mkdir -p "$1"
    cp -r "$SITE/content" "$1/content"
    for s in news notices; do
      cp "$HERE/hugo-site/content/$s/_index.md" "$1/content/$s/_index.md"
    done
    echo "$STAMP" > "$1/.bench-stamp"
  fi
}

# 2. hongfan's copy: the corpus and a site.yaml.
HF_SITE=$WORK/hongfan-site
HF_OUT=$WORK/out-hongfan
if [ "$HUGO_ONLY" != 1 ]; then
  site_copy "$HF_SITE"
  cat > "$HF_SITE/site.yaml" <<'EOF'
title: 幸福街道社区门户
base_url: https://bench.example.org/
language: zh-CN
pagination: 10
menu:
  - {name: 首页, url: /}
  - {name: 新闻动态, url: /news/}
  - {name: 通知公告, url: /notices/}
EOF
  # Like for like: Hugo's skeleton has no search index, so hongfan builds
  # none either unless HUGO_SEARCH=1 asks both to (issue 5's /search/).
  if [ "${HUGO_SEARCH:-0}" != 1 ]; then echo "search: false" >> "$HF_SITE/site.yaml"; fi
fi

# 3. Hugo's copy: the corpus and bench/hugo-site/ (+ bench/hugo-search/).
HU_SITE=$WORK/hugo-site
HU_OUT=$WORK/out-hugo
site_copy "$HU_SITE"
rm -rf "$HU_SITE/layouts" "$HU_SITE/resources" "$HU_SITE/content/search.md"
rm -f "$HU_SITE/hugo.yaml" "$HU_SITE/search.yaml"
cp -r "$HERE/hugo-site/." "$HU_SITE/"
HUGO_CMD="$(q "$HUGO_BIN") --quiet -s $(q "$HU_SITE") -d $(q "$HU_OUT")"
if [ "${HUGO_SEARCH:-0}" = 1 ]; then
  cp -r "$HERE/hugo-search/." "$HU_SITE/"
  HUGO_CMD="$HUGO_CMD --config hugo.yaml,search.yaml"
fi
if [ "${HUGO_MINIFY:-0}" = 1 ]; then
  HUGO_CMD="$HUGO_CMD --minify"
fi

# 4. Time them, alternating.
echo "== N=$N runs=$RUNS warmup=$WARMUP  $(uname -srm), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs"
echo "== $HUGO_VER"
set -- -n "$RUNS" --warmup "$WARMUP" --json "$WORK/result-$N.json"
if [ "$HUGO_ONLY" != 1 ]; then
  set -- "$@" --tool hongfan "$HF_OUT" "$(q "$HONGFAN") build -s $(q "$HF_SITE") -o $(q "$HF_OUT") --now $(q "$NOW")"
fi
set -- "$@" --tool hugo "$HU_OUT" "$HUGO_CMD"
rc=0
python3 "$HERE/compare.py" "$@" || rc=$?
rm -rf "$OLD"
exit $rc
