#!/usr/bin/env bash
# Makes the photo fixture site (issue 14) in DIR: what staff really have — a
# JPEG named in Chinese, WeChat's "微信图片_… (2).JPG" with a space, an
# iPhone HEIC carrying GPS, a gallery folder of 12, an .mp4 with a location —
# and pages that use them, over tests/sites/minimal with a ten-item menu.
#   make_photos_site.sh REPO_ROOT DIR
set -euo pipefail
root=$1
site=$2
cp -r "$root/tests/sites/minimal" "$site"
img=$site/static/images
mkdir -p "$img/yard" "$site/static/videos" "$site/content/activities" "$site/content/pages"

gps() { exiftool -q -overwrite_original -GPSLatitude=35.4153 -GPSLatitudeRef=N -GPSLongitude=116.5871 \
          -GPSLongitudeRef=E -Make=TestCam -Artist=Resident "$@"; }
# A photo-sized picture: coloured noise, softened so that it compresses
# like a phone photo (raw per-pixel noise is incompressible: a 1080 px
# version weighed 270 KB, three times a real photo's).
photo() {  # out width height hue
  local t
  t=$(mktemp -d)
  vips gaussnoise "$t/r.v" "$2" "$3" --mean 128 --sigma 40
  vips gaussblur "$t/r.v" "$t/n.v" 1.2
  vips linear "$t/n.v" "$1" "1 0.8 0.6" "$4 20 10" --uchar
  rm -rf "$t"
}
photo "$img/社区义诊合影.jpg" 1600 1200 30
photo "$img/微信图片_20261201 (2).JPG" 1280 960 60
photo "$site/iphone.jpg" 1200 900 90
vips copy "$site/iphone.jpg" "$img/IMG_4021.HEIC"
rm "$site/iphone.jpg"
for i in $(seq 1 12); do photo "$img/yard/$(printf '%d' "$i").jpeg" 1024 768 $((i * 15)); done
gps "$img/社区义诊合影.jpg" "$img/微信图片_20261201 (2).JPG" "$img/IMG_4021.HEIC" "$img"/yard/*.jpeg
ffmpeg -nostdin -v error -f lavfi -i testsrc=size=480x270:rate=12 -t 2 -c:v libx264 -pix_fmt yuv420p \
  -metadata location="+35.4153+116.5871/" -metadata title="居民拍摄" "$site/static/videos/集市.mp4"

cat > "$site/site.yaml" <<'YAML'
title: 测试社区党建网
subtitle: 端到端测试用的小站点
base_url: https://example.org/test/
pagination: 5
menu:
  - {name: 首页, url: /}
  - {name: 新闻动态, url: /news/}
  - {name: 通知公告, url: /notices/}
  - {name: 志愿活动, url: /activities/}
  - {name: 组织架构, url: /news/}
  - {name: 网格服务, url: /news/}
  - {name: 服务阵地, url: /news/}
  - {name: 积分榜, url: /news/}
  - {name: 三务公开, url: /news/}
  - {name: 关于我们, url: /pages/about/}
YAML
cat > "$site/content/pages/about.md" <<'MD'
---
title: 关于我们
---

测试社区。
MD
cat > "$site/content/news/2026-12-01-yizhen.md" <<'MD'
---
title: 社区开展“健康进万家”义诊活动，六十余位居民在家门口看上专家门诊
date: 2026-12-01
featured: true
cover: /images/社区义诊合影.jpg
gallery: /images/yard/
---

12月1日上午，社区党委联合街道卫生服务中心在小区广场开展义诊。

![志愿者合影](/images/微信图片_20261201 (2).JPG)

![居民用手机拍的照片](/images/IMG_4021.HEIC)
MD
cat > "$site/content/news/2026-11-20-gallery.md" <<'MD'
---
title: 楼院美化图集
date: 2026-11-20
gallery:
  - {src: /images/yard/1.jpeg, caption: 美化前的楼院}
  - /images/yard/2.jpeg
  - {src: "/images/微信图片_20261201 (2).JPG", caption: 志愿者在清理}
---

居民一起动手美化楼院。
MD
cat > "$site/content/activities/2026-11-28-jishi.md" <<'MD'
---
title: 周末公益集市
start: 2026-11-28T09:00
end: 2026-11-28T11:30
place: 社区广场
video: /videos/集市.mp4
---

集市现场视频。

![集市的摊位](/images/yard/3.jpeg)

![集市一角](/videos/集市.mp4)
MD
