#!/usr/bin/env bash
# The command line: version, usage errors (exit 2), `new site` gives a site
# that builds as is, `new news|notice` fill in front matter and never
# overwrite, and a build from another folder finds the site with -s.
#   cli.sh HONGFAN
set -uo pipefail
hongfan=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); echo "ok   $name"; else fail=$((fail + 1)); echo "FAIL $name"; fi
}
status_is() { local want=$1; shift; "$@" >/dev/null 2>&1; [ $? -eq "$want" ]; }

check "--version prints the version" bash -c "'$hongfan' --version | grep -qE '^hongfan [0-9]+\.[0-9]+\.[0-9]+$'"
check "no command is a usage error (2)" status_is 2 "$hongfan"
check "an unknown option is a usage error (2)" status_is 2 "$hongfan" build --bogus
check "a bad --now is a usage error (2)" status_is 2 "$hongfan" build --now yesterday
check "building a folder without site.yaml is an input error (1)" status_is 1 "$hongfan" build -s "$tmp"
check "check --format xml is a usage error (2)" status_is 2 "$hongfan" check --format xml
check "checking a folder without site.yaml is an input error (1)" status_is 1 "$hongfan" check -s "$tmp"

check "new site creates a starter site" "$hongfan" new site "$tmp/site" --now 2026-11-22
check "the starter site carries the default theme" test -f "$tmp/site/themes/default/templates/single.html"
check "the starter site builds as is" "$hongfan" build -s "$tmp/site" -q --now 2026-11-22
check "the starter site has a home page and an article" \
  test -f "$tmp/site/public/index.html" -a -f "$tmp/site/public/news/welcome/index.html"
# One of each feature, with sample data, reached from the menu.
for f in data/org.yaml data/grids.yaml data/stations.yaml data/people.yaml data/points.csv \
         content/activities/stair-cleaning.md content/notices/office-hours.md content/pages/about.md; do
  check "the starter has $f" test -s "$tmp/site/$f"
done
check "the starter's files explain themselves in Chinese" \
  bash -c "grep -q '^# 组织架构' '$tmp/site/data/org.yaml' && grep -q '^# 网格' '$tmp/site/data/grids.yaml' \
           && grep -q '冒号用英文冒号' '$tmp/site/site.yaml'"
for page in org/ org/qinghe/ grids/ grids/g01/ grids/g01/card/ stations/ stations/qh-center/ \
            activities/ activities/stair-cleaning/ points/ news/welcome/ notices/office-hours/ pages/about/; do
  check "  → the starter has /$page" test -f "$tmp/site/public/${page}index.html"
done
for url in /org/ /grids/ /stations/ /activities/ /points/ /news/ /notices/ /pages/about/; do
  check "  → the menu links to $url" grep -q "{name: [^,]*, url: $url}" "$tmp/site/site.yaml"
done
check "the starter's activity is upcoming (a week after --now)" \
  grep -q '^start: 2026-11-29T09:00:00+08:00' "$tmp/site/content/activities/stair-cleaning.md"
check "the starter's ledger counts this month" bash -c "grep -q '^2026-11-22,p001,' '$tmp/site/data/points.csv'"
check "check on the untouched starter: no errors, no warnings" \
  bash -c "'$hongfan' check -s '$tmp/site' --now 2026-11-22 --format json >'$tmp/check.json' \
           && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(1 if d[\"diagnostics\"] else 0)' '$tmp/check.json'"
check "new site refuses a folder that is not empty" status_is 1 "$hongfan" new site "$tmp/site"

# Names staff recognise: the date and the Chinese title; ASCII web addresses.
check "new news with a Chinese title" "$hongfan" new news "社区开展消防演练" -s "$tmp/site" --now 2026-11-22
f=2026-11-22-社区开展消防演练.md
check "  → its file is content/news/$f" test -f "$tmp/site/content/news/$f"
check "  → its front matter has the title and date" \
  grep -q '^title: "社区开展消防演练"$' "$tmp/site/content/news/$f"
check "  → its web address is written down as its slug" \
  grep -qE '^slug: 20261122-[0-9a-f]{6}$' "$tmp/site/content/news/$f"
check "a second title sharing 2026 does not collide" \
  bash -c "'$hongfan' new news '2026年元旦游园活动' -s '$tmp/site' --now 2026-11-22 >/dev/null \
           && '$hongfan' new news '2026年春节慰问困难党员活动' -s '$tmp/site' --now 2026-11-22 >/dev/null"
check "  → both files are there, named by their titles" \
  test -f "$tmp/site/content/news/2026-11-22-2026年元旦游园活动.md" \
    -a -f "$tmp/site/content/news/2026-11-22-2026年春节慰问困难党员活动.md"
check "a title with characters Windows forbids is made safe" \
  "$hongfan" new notice ' 关于“停水”的通知：3/5栋*注意? ' -s "$tmp/site" --now 2026-11-22
check "  → content/notices/2026-11-22-关于“停水”的通知：35栋注意.md" \
  test -f "$tmp/site/content/notices/2026-11-22-关于“停水”的通知：35栋注意.md"
long=$(printf '社区%.0s' $(seq 1 40))
check "a long title is cut in the file name" "$hongfan" new news "$long" -s "$tmp/site" --now 2026-11-22
check "  → to 40 characters" test -f "$tmp/site/content/news/2026-11-22-$(printf '社区%.0s' $(seq 1 20)).md"
check "the same title again gets a file and a web address of its own" \
  "$hongfan" new news "社区开展消防演练" -s "$tmp/site" --now 2026-11-22
check "  → content/news/2026-11-22-社区开展消防演练-2.md with a slug" \
  grep -qE '^slug: 20261122-[0-9a-f]{6}-2$' "$tmp/site/content/news/2026-11-22-社区开展消防演练-2.md"
check "  → the first file was not touched" grep -q '^title: "社区开展消防演练"$' "$tmp/site/content/news/$f"
check "new notice with an ASCII title keeps its words" \
  "$hongfan" new notice "Water Outage" -s "$tmp/site" --now 2026-11-22
check "  → content/notices/2026-11-22-water-outage.md" test -f "$tmp/site/content/notices/2026-11-22-water-outage.md"
check "new activity" "$hongfan" new activity "重阳节敬老包饺子" -s "$tmp/site" --now 2026-11-22
check "an empty title is refused" status_is 1 "$hongfan" new news "  " -s "$tmp/site" --now 2026-11-22
check "new news outside a site says where to run it, in Chinese" \
  bash -c "LC_ALL=C.UTF-8 '$hongfan' new news 标题 -s '$tmp' 2>&1 >/dev/null | grep -q '没有 site.yaml'"
# Their bodies are still the placeholder, so they are drafts until written.
check "the site still builds with the new pages" "$hongfan" build -s "$tmp/site" -q --now 2026-11-22
check "  → a page still holding the placeholder is not published" \
  test ! -e "$tmp/site/public/notices/water-outage/index.html"
check "  … and with --drafts it is" "$hongfan" build -s "$tmp/site" -q --drafts --now 2026-11-22
check "  → the notice is at /notices/water-outage/" test -f "$tmp/site/public/notices/water-outage/index.html"
ls "$tmp/site/public/news/" > "$tmp/news-urls"
check "  → every news address is ASCII" bash -c "! LC_ALL=C grep -q '[^ -~]' '$tmp/news-urls'"
check "  → the Chinese titles are at date-and-hash addresses" \
  test "$(grep -cE '^20261122-[0-9a-f]{6}(-2)?$' "$tmp/news-urls")" -eq 5
# /news/2026/ is the year's archive (issue 12), never an article whose title was cut to its digits.
check "  → no title was cut down to its digits (/news/2026/)" \
  bash -c "! grep -q 'class=\"article' '$tmp/site/public/news/2026/index.html' 2>/dev/null"
# A typo in a Chinese title corrected later: the page stays where links
# already shared in WeChat groups point.
address=$(sed -n 's/^slug: //p' "$tmp/site/content/news/$f")
sed -i 's/^title: "社区开展消防演练"$/title: "社区开展消防安全演练"/' "$tmp/site/content/news/$f"
check "a corrected title keeps the page's web address" "$hongfan" build -s "$tmp/site" -q --drafts --now 2026-11-22
check "  → /news/$address/ shows the new title" grep -q 社区开展消防安全演练 "$tmp/site/public/news/$address/index.html"

# The language of messages: Chinese by default, even with no locale at all
# (env -i); English with --lang en or LANG=en_*. One mistake, four ways.
printf -- '---\ndate: 2026-11-22\n---\n正文\n' >"$tmp/site/content/news/untitled.md"
english="content/news/untitled.md:2:1: front matter: 'title' is required"
chinese="content/news/untitled.md:2:1: 文章开头缺少 title（标题）"
says() {  # says TEXT ENV... [-- OPTIONS...]: the build fails (1) and its stderr has TEXT
  local text=$1 envs=() opts=(); shift
  while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift && opts=("$@")
  env "${envs[@]}" "$hongfan" "${opts[@]}" build -s "$tmp/site" -q --now 2026-11-22 2>"$tmp/err"
  local status=$?
  [ $status -eq 1 ] && grep -qF -- "$text" "$tmp/err" || { echo "exit $status:"; cat "$tmp/err"; false; }
}
has_all() {  # has_all FILE TEXT...: FILE has every TEXT
  local f=$1; shift
  for t in "$@"; do grep -qF -- "$t" "$f" || return 1; done
}
check "no locale at all (env -i): the error is Chinese" says "$chinese" -i
check "  → its hint and summary too" has_all "$tmp/err" "    提示：在开头两行 --- 之间加一行：title:" "共 1 个错误；"
check "LC_ALL=C.UTF-8 (as the tests run): Chinese" says "$chinese" -i LC_ALL=C.UTF-8
check "LANG=zh_CN.UTF-8: Chinese" says "$chinese" -i LANG=zh_CN.UTF-8
check "--lang en: English" says "$english" -i -- --lang en
check "  → its hint and summary too" has_all "$tmp/err" "    hint: add a line like" "1 error; "
check "LANG=en_US.UTF-8: English" says "$english" -i LANG=en_US.UTF-8
check "LC_ALL=en_GB.UTF-8 over LANG=zh_CN.UTF-8: English" says "$english" -i LANG=zh_CN.UTF-8 LC_ALL=en_GB.UTF-8
check "--lang zh over LANG=en_US.UTF-8: Chinese" says "$chinese" -i LANG=en_US.UTF-8 -- --lang zh
rm -f "$tmp/site/content/news/untitled.md"

# libvips comes as a module (hongfan-vips.so beside the program, or where
# it was installed), loaded only when a photo needs work: a program copied
# without it still runs, and a build with a photo to process says what to do.
mkdir -p "$tmp/alone"
cp "$hongfan" "$tmp/alone/hongfan"
cp -r "$(dirname "$hongfan")/locale" "$tmp/alone/"
installed=$(strings "$hongfan" | grep -m1 '/hongfan$' | grep '/lib' || true)
if [ -n "$installed" ] && [ -e "$installed/hongfan-vips.so" ]; then
  echo "skip the missing photo module: one is installed in $installed"
elif readelf -d "$hongfan" | grep -q 'libvips'; then
  echo "skip the missing photo module: this build links libvips in (the sanitizer build)"
else
  check "a copy without its photo module still runs" bash -c "'$tmp/alone/hongfan' --version >/dev/null"
  mkdir -p "$tmp/alone-out/public" && echo kept >"$tmp/alone-out/public/keep.txt"
  check "  → a site with a photo to process does not build (1)" status_is 1 \
    "$tmp/alone/hongfan" build -s "$tmp/site" -o "$tmp/alone-out/public" --now 2026-11-22
  "$tmp/alone/hongfan" build -s "$tmp/site" -o "$tmp/alone-out/public" --now 2026-11-22 2>"$tmp/err" >/dev/null
  check "  → it says which module is missing, and where it looked" \
    grep -qF "缺少图片处理模块：hongfan-vips.so 既不在 $tmp/alone 里，也不在 " "$tmp/err"
  check "  → and what to do" grep -qE "^    提示：请重新安装红帆（图片处理模块应在 hongfan 程序旁边，或在 .+ 里）$" "$tmp/err"
  check "  → one error, the last good site kept" \
    bash -c "grep -qF '共 1 个错误；' '$tmp/err' && [ \"\$(cat '$tmp/alone-out/public/keep.txt')\" = kept ]"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
