#!/usr/bin/env bash
# Save → reload latency of `hongfan serve` on the 10,000-article corpus
# (bench/gen_corpus.py), measured in headless Chromium.
#   bench/serve_latency.sh [HONGFAN] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
hongfan=${1:-build/hongfan}
n=${2:-10000}
site=$(mktemp -d /tmp/hongfan-serve-bench.XXXXXX)
trap 'rm -rf "$site"' EXIT
python3 bench/gen_corpus.py --n "$n" --out "$site" >/dev/null
printf 'title: 测试站\nbase_url: https://example.org/\nlanguage: zh-CN\ntheme: default\n' > "$site/site.yaml"
node bench/serve_latency.js "$(realpath "$hongfan")" "$site" "${EDITS:-7}"
