#!/usr/bin/env bash
# The printable 网格连心服务卡 (acceptance 3 of issue 3): for every grid of
# the demo, the card printed by headless Chromium on A6 paper is exactly one
# page, and its QR code decodes to the grid page's absolute URL.
#   grid_card.sh HONGFAN REPO_ROOT
set -euo pipefail
hongfan=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for tool in pdfinfo pdftoppm zbarimg node; do
  command -v "$tool" >/dev/null || { echo "grid_card: $tool missing (scripts/dev.sh test installs it)"; exit 2; }
done

"$hongfan" build -s "$root" -o "$tmp/site" --now 2026-11-22 -q
base=$(sed -n 's/^base_url: *\([^ #]*\).*/\1/p' "$root/site.yaml")
base=${base%/}/
grids=$(sed -n 's/^  - id: \(g[0-9a-z-]*\)$/\1/p' "$root/data/grids.yaml")
[ -n "$grids" ] || { echo "FAIL: no grids found in data/grids.yaml"; exit 1; }
mkdir -p "$tmp/pdf"
node "$root/tests/e2e/print_cards.js" "$tmp/site" "$tmp/pdf" $grids

fail=0
for id in $grids; do
  for variant in a6 a6-edge; do
    pdf="$tmp/pdf/$id-$variant.pdf"
    pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
    size=$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')
    if [ "$pages" != 1 ]; then echo "FAIL $id ($variant): $pages pages, want 1"; fail=1; fi
    case "$size" in 298*x\ 420*) ;; *) echo "FAIL $id ($variant): page size $size is not A6"; fail=1 ;; esac
  done
  pdftoppm -r 300 -png -singlefile "$tmp/pdf/$id-a6.pdf" "$tmp/pdf/$id"
  got=$(zbarimg -q --raw -Sdisable -Sqrcode.enable "$tmp/pdf/$id.png" 2>/dev/null || true)
  want="${base}grids/$id/"
  if [ "$got" != "$want" ]; then echo "FAIL $id: QR code says '$got', want '$want'"; fail=1
  else echo "ok   $id: one A6 page, QR code opens $got"; fi
done

# The same card through Chromium's own --print-to-pdf (its default paper).
first=$(echo "$grids" | head -1)
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$tmp/cli.pdf" "file://$tmp/site/grids/$first/card/index.html" >/dev/null 2>&1
pages=$(pdfinfo "$tmp/cli.pdf" | sed -n 's/^Pages: *//p')
if [ "$pages" != 1 ]; then echo "FAIL $first: --print-to-pdf gave $pages pages"; fail=1
else echo "ok   $first: --print-to-pdf gives one page"; fi
exit $fail
