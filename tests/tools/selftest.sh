#!/usr/bin/env bash
# selftest.sh — builds a tiny sample site (with Chinese folder names) in a temp
# dir and checks that every checker passes on it and fails on broken variants.
# Prints "N passed, M failed"; exit 0 only if all expectations hold.
#   HONGFAN_SELFTEST_SKIP="screenshot links"  skips the named groups
#   HONGFAN_SELFTEST_VERBOSE=1                 shows every checker's output
set -u -o pipefail
TOOLS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/hf-selftest.XXXXXX")
trap 'rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8
skip=" ${HONGFAN_SELFTEST_SKIP:-} "
pass=0; fail=0

expect() { # expect 0|1 NAME CMD...
    local want=$1 name=$2; shift 2
    local s e; s=$(date +%s.%N)
    "$@" >"$T/last.log" 2>&1
    local rc=$?; e=$(date +%s.%N)
    local t; t=$(awk -v a="$s" -v b="$e" 'BEGIN{printf "%.1f", b-a}')
    if { [ "$want" = 0 ] && [ "$rc" = 0 ]; } || { [ "$want" != 0 ] && [ "$rc" = 1 ]; }; then
        echo "ok   $name (exit $rc, ${t}s)"; pass=$((pass + 1))
        [ "${HONGFAN_SELFTEST_VERBOSE:-0}" = 1 ] && sed 's/^/     /' "$T/last.log"
    else
        echo "FAIL $name (exit $rc, wanted $want, ${t}s):"; sed 's/^/     /' "$T/last.log"; fail=$((fail + 1))
    fi
}

page() { # FILE TITLE BODY REL
    cat >"$1" <<EOF
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$2</title>
<link rel="stylesheet" href="$4css/site.css">
<link rel="alternate" type="application/atom+xml" href="$4feed.xml" title="Atom">
</head>
<body>
<header><nav><a href="$4">首页</a> <a href="$4tags/志愿服务/">志愿服务</a> <a href="$4posts/%E7%AC%AC%E4%B8%80%E7%AF%87/">第一篇</a></nav></header>
<main id="top">
<h1 id="简介">$2</h1>
$3
</main>
<footer><p>© 2025 红帆 · <a href="https://example.org/external">external</a> <a href="mailto:a@example.org">mail</a></p></footer>
</body>
</html>
EOF
}

S=$T/good
mkdir -p "$S/posts/hello" "$S/posts/第一篇" "$S/tags/志愿服务" "$S/css"
page "$S/index.html" "红帆首页" '<p><a href="posts/hello/">Hello</a> <a href="posts/第一篇/#简介">第一篇</a></p>' ""
page "$S/posts/hello/index.html" "Hello" '<p><a href="../../tags/志愿服务/">志愿服务</a> <a href="#top">top</a></p>' "../../"
page "$S/posts/第一篇/index.html" "第一篇" '<p><a href="../../tags/%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1/">志愿服务</a></p>' "../../"
page "$S/tags/志愿服务/index.html" "标签：志愿服务" '<ul><li><a href="../../posts/hello/">Hello</a></li><li><a href="../../posts/第一篇/">第一篇</a></li></ul>' "../../"
page "$S/404.html" "页面未找到" '<p>找不到页面。</p>' ""
printf 'body{font-family:sans-serif;max-width:40em;margin:auto;padding:1em}\n' >"$S/css/site.css"
printf 'User-agent: *\nAllow: /\n' >"$S/robots.txt"
cat >"$S/sitemap.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.org/hf/</loc><lastmod>2025-01-02</lastmod></url>
  <url><loc>https://example.org/hf/posts/hello/</loc><lastmod>2025-01-02T10:00:00+08:00</lastmod></url>
  <url><loc>https://example.org/hf/posts/%E7%AC%AC%E4%B8%80%E7%AF%87/</loc></url>
  <url><loc>https://example.org/hf/tags/%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1/</loc></url>
</urlset>
EOF
cat >"$S/feed.xml" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>https://example.org/hf/</id>
  <title>红帆</title>
  <updated>2025-01-02T10:00:00+08:00</updated>
  <link rel="self" href="https://example.org/hf/feed.xml"/>
  <link href="https://example.org/hf/"/>
  <author><name>红帆</name></author>
  <entry>
    <id>https://example.org/hf/posts/hello/</id>
    <title>Hello</title>
    <updated>2025-01-02T10:00:00+08:00</updated>
    <link href="https://example.org/hf/posts/hello/"/>
  </entry>
  <entry>
    <id>https://example.org/hf/posts/%E7%AC%AC%E4%B8%80%E7%AF%87/</id>
    <title>第一篇</title>
    <updated>2025-01-01T00:00:00Z</updated>
    <link rel="alternate" href="https://example.org/hf/posts/%E7%AC%AC%E4%B8%80%E7%AF%87/"/>
  </entry>
</feed>
EOF

# broken variants
cp -r "$S" "$T/badhtml"
sed -i 's|<main id="top">|<main id="top"><div><span>x</div><img src="css/site.css">|' "$T/badhtml/tags/志愿服务/index.html"
cp -r "$S" "$T/badlinks"
sed -i 's|</main>|<p><a href="../../posts/没有/">missing</a> <a href="/css/site.css">escapes sub-path</a></p></main>|' "$T/badlinks/tags/志愿服务/index.html"
cp -r "$S" "$T/badanchor"
sed -i 's|#简介|#不存在|' "$T/badanchor/index.html"
sed 's|<lastmod>2025-01-02</lastmod>|<lastmod>yesterday</lastmod>|' "$S/sitemap.xml" >"$T/bad-schema.xml"
sed 's|/hf/posts/%E7%AC%AC%E4%B8%80%E7%AF%87/|/hf/posts/第一篇/|' "$S/sitemap.xml" >"$T/bad-iri.xml"
sed 's|<link href="https://example.org/hf/posts/hello/"/>|<link href="posts/hello/"/>|; s|2025-01-01T00:00:00Z|2025-01-01|' "$S/feed.xml" >"$T/bad-feed.xml"

if [[ "$skip" != *" html "* ]]; then
    expect 0 "check_html good" "$TOOLS/check_html.sh" "$S"
    expect 1 "check_html broken" "$TOOLS/check_html.sh" "$T/badhtml"
fi
if [[ "$skip" != *" links "* ]]; then
    expect 0 "check_links good" "$TOOLS/check_links.sh" "$S" 6
    expect 1 "check_links broken" "$TOOLS/check_links.sh" "$T/badlinks"
    expect 1 "check_links bad anchor" "$TOOLS/check_links.sh" "$T/badanchor"
fi
if [[ "$skip" != *" sitemap "* ]]; then
    expect 0 "check_sitemap good" "$TOOLS/check_sitemap.sh" "$S/sitemap.xml" https://example.org/hf/ "$S"
    expect 1 "check_sitemap schema" "$TOOLS/check_sitemap.sh" "$T/bad-schema.xml"
    expect 1 "check_sitemap raw IRI" "$TOOLS/check_sitemap.sh" "$T/bad-iri.xml"
fi
if [[ "$skip" != *" feed "* ]]; then
    expect 0 "check_feed good" python3 "$TOOLS/check_feed.py" "$S/feed.xml" --min-entries 2 --base https://example.org/hf/
    expect 1 "check_feed broken" python3 "$TOOLS/check_feed.py" "$T/bad-feed.xml"
fi
if [[ "$skip" != *" screenshot "* ]]; then
    expect 0 "screenshot zh folder" "$TOOLS/screenshot.sh" "$S/tags/志愿服务" "$T/shot.png"
    expect 1 "screenshot missing" "$TOOLS/screenshot.sh" "$S/nope.html" "$T/nope.png"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
