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
check "new site refuses a folder that is not empty" status_is 1 "$hongfan" new site "$tmp/site"

check "new news with a Chinese title" "$hongfan" new news "社区开展消防演练" -s "$tmp/site" --now 2026-11-22
f=$(ls "$tmp/site/content/news/" | grep -E '^20261122-[0-9a-f]{6}\.md$' | head -1)
check "its file name is the date and a short hash" test -n "$f"
check "its front matter has the title and date" \
  grep -q '^title: "社区开展消防演练"$' "$tmp/site/content/news/$f"
check "the same title again is refused, not overwritten" \
  status_is 1 "$hongfan" new news "社区开展消防演练" -s "$tmp/site" --now 2026-11-22
check "new notice with an ASCII title keeps its words" \
  "$hongfan" new notice "Water Outage" -s "$tmp/site" --now 2026-11-22
check "  → content/notices/2026-11-22-water-outage.md" test -f "$tmp/site/content/notices/2026-11-22-water-outage.md"
check "the site still builds with the new pages" "$hongfan" build -s "$tmp/site" -q --now 2026-11-22
check "  → the notice is at /notices/water-outage/" test -f "$tmp/site/public/notices/water-outage/index.html"
check "  → the news is at its date-and-hash slug" test -f "$tmp/site/public/news/${f%.md}/index.html"

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

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
