#!/usr/bin/env bash
# Images: a JPEG with GPS EXIF goes in under static/ and as a cover and a
# Markdown image; every published image carries no EXIF/GPS, the variants
# have the declared widths and formats, pages use <picture> with srcset,
# sizes, width/height and lazy loading, and a second build reuses the cache.
#   images.sh HONGFAN REPO_ROOT
set -euo pipefail
hongfan=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

site=$tmp/site
cp -r "$root/tests/sites/minimal" "$site"
mkdir -p "$site/static/photos"
vips black "$site/static/photos/yard.jpg" 1600 1000 --bands 3
vips black "$site/static/photos/small.jpg" 200 100 --bands 3
for f in "$site"/static/photos/*.jpg; do
  exiftool -q -overwrite_original -GPSLatitude=35.4153 -GPSLatitudeRef=N -GPSLongitude=116.5871 \
    -GPSLongitudeRef=E -Make=TestCam -Artist=Resident "$f"
done
exiftool -s -GPSLatitude "$site/static/photos/yard.jpg" | grep -q GPSLatitude || fail "the input has no GPS"
cat > "$site/content/news/2024-06-05-photo.md" <<'MD'
---
title: 院里的照片
date: 2024-06-05
cover: /photos/yard.jpg
---

居民在院里合影。

![合影 "全体"](/photos/yard.jpg)

![小图](/photos/small.jpg)
MD

"$hongfan" build -s "$site" -o "$tmp/out/public" --now 2026-11-22 -q
out=$tmp/out/public

# No EXIF or GPS in any published image.
while IFS= read -r img; do
  tags=$(exiftool -s -s -s -EXIF:all -GPS:all -XMP:all -IPTC:all "$img")
  [ -z "$tags" ] || fail "$img still carries metadata: $tags"
done < <(find "$out" -type f \( -name '*.jpg' -o -name '*.jpeg' -o -name '*.png' -o -name '*.webp' \))
echo "ok   $(find "$out" -type f \( -name '*.jpg' -o -name '*.png' -o -name '*.webp' \) | wc -l) published images carry no EXIF/GPS/XMP/IPTC"

# Widths and formats as declared.
check() {  # file width format
  [ -f "$out/$1" ] || fail "missing $1"
  local w fmt
  w=$(vipsheader -f width "$out/$1")
  fmt=$(exiftool -s -s -s -MIMEType "$out/$1")
  [ "$w" = "$2" ] && [ "$fmt" = "$3" ] || fail "$1 is $w px $fmt, expected $2 px $3"
}
for w in 360 720 1080; do
  check "photos/yard.$w.webp" $w image/webp
  check "photos/yard.$w.jpg" $w image/jpeg
done
check photos/yard.jpg 1600 image/jpeg
check photos/small.200.webp 200 image/webp
check photos/small.200.jpg 200 image/jpeg
[ ! -e "$out/photos/small.360.webp" ] || fail "a small image was upscaled"
echo "ok   variants 360/720/1080 as WebP and JPEG, never upscaled"

page=$out/news/photo/index.html
[ -f "$page" ] || page=$(grep -rl '院里的照片' "$out/news" | grep index.html | head -1)
grep -q '<source type="image/webp" srcset="[^"]*photos/yard.360.webp 360w, [^"]*photos/yard.720.webp 720w, [^"]*photos/yard.1080.webp 1080w" sizes="' "$page" ||
  fail "no WebP srcset in $page"
grep -q '<img src="[^"]*photos/yard.1080.jpg" srcset="[^"]*yard.360.jpg 360w' "$page" || fail "no JPEG fallback srcset"
grep -q 'alt="合影 &quot;全体&quot;" width="1080" height="675" loading="lazy"' "$page" || fail "Markdown image lacks alt/width/height/lazy"
[ "$(grep -o 'loading="lazy"' "$page" | wc -l)" -ge 2 ] || fail "the Markdown images are not lazy"
[ "$(grep -o 'fetchpriority="high"' "$page" | wc -l)" -eq 1 ] || fail "the cover (first image) does not load at once"
echo "ok   cover and Markdown images use <picture>, srcset, sizes, width/height; the cover loads at once, the rest lazily"
grep -q 'og:image" content="https://[^"]*photos/yard.jpg"' "$page" || fail "the cover is not the share image"
grep -q 'og:image:width" content="1600"' "$page" || fail "og:image:width missing"
echo "ok   the cover is the absolute og:image with its size"

# The cache: a second build processes nothing, and gives the same bytes.
cache=$tmp/out/.hongfan-cache/images
[ "$(ls "$cache" | wc -l)" -ge 2 ] || fail "no cache in $cache"
touch -d '2000-01-01' "$cache"/*/meta
stamp=$(stat -c %Y "$cache"/*/meta | sort -u)
"$hongfan" build -s "$site" -o "$tmp/out/public" --now 2026-11-22 -q
[ "$(stat -c %Y "$cache"/*/meta | sort -u)" = "$stamp" ] || fail "cached images were processed again"
[ "$(ls "$cache" | wc -l)" -eq 2 ] || fail "the cache grew on an unchanged build"
cmp -s "$out/photos/yard.720.webp" "$tmp/out/public/photos/yard.720.webp"
echo "ok   unchanged images come from the cache"
echo "images: all checks passed"
