#!/usr/bin/env bash
# Builds the demo and checks its iCalendar files with ical.js.
#   ics_check.sh HONGFAN REPO_ROOT
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$1" build -s "$2" -o "$tmp/public" --now 2026-11-22 -q
node "$2/tests/e2e/ics_check.mjs" "$tmp/public" "$2"
