#!/usr/bin/env bash
# Builds the demo and runs the building-lookup browser test on it.
#   grid_lookup.sh HONGFAN REPO_ROOT
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$1" build -s "$2" -o "$tmp/site" --now 2026-11-22 -q
node "$2/tests/e2e/grid_lookup.js" "$tmp/site" "$2"
