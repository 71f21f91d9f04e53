#!/usr/bin/env bash
# Photos as staff have them (issue 14): the fixture of make_photos_site.sh is
# built; every published image and video carries no EXIF/GPS/location; HEIC
# is published as JPEG and WebP and never as HEIC; every generated name is
# ASCII; every <img> has width, height and (for photos) srcset; the WeChat
# name with a space shows as a picture; the gallery has 12 photos that each
# open large; the video has a poster frame, its size and the WeChat note.
#   photos.sh HONGFAN REPO_ROOT
set -euo pipefail
hongfan=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

bash "$root/tests/e2e/make_photos_site.sh" "$root" "$tmp/site"
exiftool -s -GPSLatitude "$tmp/site/static/images/IMG_4021.HEIC" | grep -q GPSLatitude || fail "the HEIC input has no GPS"
"$hongfan" build -s "$tmp/site" -o "$tmp/out/public" --now 2026-12-02 -q
out=$tmp/out/public

n=0
while IFS= read -r -d '' f; do
  tags=$(exiftool -s -s -s -EXIF:all -GPS:all -XMP:all -IPTC:all -Location:all -UserData:all -ItemList:all "$f" |
         grep -v -E '^Lavf[0-9.]*$' || true)
  [ -z "$tags" ] || fail "$f still carries metadata: $tags"
  n=$((n + 1))
done < <(find "$out" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' -o -iname '*.webp' -o -iname '*.mp4' \) -print0)
[ "$n" -gt 100 ] || fail "only $n images and videos published"
echo "ok   $n published images and videos carry no EXIF/GPS/XMP/IPTC/location"

[ -z "$(find "$out" -iname '*.heic')" ] || fail "a HEIC file was published"
heic_jpeg=$(grep -o 'images/IMG_4021\.1080\.jpg' "$out/news/yizhen/index.html" | head -1)
[ -n "$heic_jpeg" ] || fail "the HEIC photo is not shown as JPEG"
[ "$(exiftool -s -s -s -MIMEType "$out/images/IMG_4021.720.webp")" = image/webp ] || fail "no WebP of the HEIC photo"
[ "$(exiftool -s -s -s -MIMEType "$out/images/IMG_4021.jpg")" = image/jpeg ] || fail "the HEIC original is not a JPEG"
echo "ok   HEIC is published as JPEG and WebP, never as HEIC"

# Generated names are ASCII: only the files staff named themselves keep their names.
bad=$(cd "$out" && find . -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' -o -iname '*.webp' -o -iname '*.mp4' \) |
      LC_ALL=C grep -v '^[./A-Za-z0-9_-]*$' |
      grep -v -F -e './images/社区义诊合影.jpg' -e './images/微信图片_20261201 (2).JPG' || true)
[ -z "$bad" ] || fail "generated files with non-ASCII names: $bad"
if grep -rlE '(src|srcset|poster)="[^"]*%E[0-9A-F]' "$out" --include=index.html | grep -q .; then
  fail "a page shows a percent-encoded path: $(grep -rlE '(src|srcset|poster)="[^"]*%E[0-9A-F]' "$out" --include=index.html | head -1)"
fi
echo "ok   every generated file name and image link is ASCII"

# Every <img>: width and height; photos (all but the favicon-like SVGs) a srcset.
python3 - "$out" <<'PY' || fail "images without width/height/srcset"
import re, sys, pathlib
bad = []
for page in pathlib.Path(sys.argv[1]).rglob("*.html"):
    for tag in re.findall(r"<img\b[^>]*>", page.read_text()):
        if not re.search(r'\bwidth="\d+"', tag) or not re.search(r'\bheight="\d+"', tag):
            bad.append((str(page), tag))
        elif ".svg" not in tag and "srcset=" not in tag:
            bad.append((str(page), tag))
for p, t in bad[:5]:
    print(p, t)
sys.exit(1 if bad else 0)
PY
echo "ok   every <img> has width and height, every photo a srcset"

page=$out/news/yizhen/index.html
grep -q '!\[' "$page" && fail "a Markdown image was printed as text"
grep -q 'alt="志愿者合影" width="1080" height="810" loading="lazy"' "$page" || fail "the WeChat-named .JPG is not a lazy picture"
grep -q 'alt="" width="1080" height="810" fetchpriority="high"' "$page" || fail "the cover does not load at once"
[ "$(grep -o 'fetchpriority="high"' "$page" | wc -l)" -eq 1 ] || fail "more than one image is eager"
echo "ok   the WeChat name with a space shows; the cover is eager, the rest lazy"

[ "$(grep -o 'class="gallery-thumb" href="#hf-photo-[0-9]*"' "$page" | wc -l)" -eq 12 ] || fail "the gallery has not 12 thumbnails"
[ "$(grep -o '<figure class="lightbox" id="hf-photo-[0-9]*"' "$page" | wc -l)" -eq 12 ] || fail "not 12 large photos"
grep -q 'href="#hf-photo-2">.*href="#hf-photo-10">' "$page" || fail "the folder is not in name order (2 before 10)"
g=$out/news/gallery/index.html
grep -q '美化前的楼院' "$g" && grep -q 'alt="志愿者在清理"' "$g" || fail "gallery captions missing"
echo "ok   a folder gallery of 12 in name order, a list gallery with captions, each photo opens large"

act=$out/activities/jishi/index.html
video=$(grep -o '<video [^>]*>' "$act" | head -1)
[[ "$video" == *'controls preload="none" playsinline width="480" height="270" poster="'* ]] || fail "video tag: $video"
poster=$(sed 's/.*poster="\.\.\/\.\.\/\([^"]*\)".*/\1/' <<<"$video")
[ "$(vipsheader -f width "$out/$poster")" = 480 ] || fail "poster $poster missing"
[ "$(grep -o "<video " "$act" | wc -l)" -eq 2 ] || fail "front matter and Markdown videos: not two"
grep -q '视频无法播放时，请点右上角“…”在浏览器中打开' "$act" || fail "no WeChat note"
grep -q '<p><figure' "$act" && fail "a video inside a paragraph"
echo "ok   videos have a poster frame, their size, and the WeChat note"

grep -q '<section class="lead"' "$out/index.html" || fail "no lead story on the home page"
grep -q 'class="card has-thumb"' "$out/news/index.html" || fail "no thumbnails in the news list"
grep -q 'class="card activity-card has-thumb"' "$out/activities/index.html" || fail "no thumbnail in the activity list"
echo "ok   the featured article leads the home page; lists have thumbnails"
echo "photos: all checks passed"
