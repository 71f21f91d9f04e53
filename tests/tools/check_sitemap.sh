#!/usr/bin/env bash
# check_sitemap.sh FILE [BASE_URL SITE_DIR]
#
# 1. Validates FILE against the sitemaps.org 0.9 schema shipped by the npm
#    package "sitemap" (node_modules/sitemap/schema/sitemap.xsd) with
#    xmllint --nonet (never fetches anything).
# 2. Checks what the schema does not: every <loc> is an absolute http(s) URL,
#    URL-escaped (no raw non-ASCII / spaces: escape "志愿服务" as
#    %E5%BF%97...), no duplicates, at least one <url>.
# 3. With BASE_URL and SITE_DIR: every <loc> starts with BASE_URL and maps to
#    a file in SITE_DIR (".../" -> index.html), and every index.html page
#    except 404 pages is listed (missing ones are only reported).
#
# Exit 0 OK, 1 invalid, 2 usage/setup problem.
# Environment:
#   HONGFAN_NODE_MODULES         node_modules folder (default <repo>/node_modules)
#   HONGFAN_SITEMAP_XSD          explicit schema path
#   HONGFAN_SITEMAP_ALLOW_IRI=1  accept raw non-ASCII characters in <loc>
#   HONGFAN_SITEMAP_REQUIRE_ALL=1  fail if an index.html page is not listed
set -u -o pipefail

usage() { echo "usage: $0 SITEMAP.xml [BASE_URL SITE_DIR]" >&2; exit 2; }
[ $# -eq 1 ] || [ $# -eq 3 ] || usage
FILE=$1
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
NM=${HONGFAN_NODE_MODULES:-$REPO_ROOT/node_modules}
XSD=${HONGFAN_SITEMAP_XSD:-$NM/sitemap/schema/sitemap.xsd}

[ -f "$FILE" ] || { echo "check_sitemap: FAIL: no such file: $FILE" >&2; exit 1; }
[ -f "$XSD" ] || { echo "check_sitemap: schema not found at $XSD (run 'npm ci' in $REPO_ROOT)" >&2; exit 2; }
command -v xmllint >/dev/null 2>&1 || { echo "check_sitemap: xmllint not found (apt-get install libxml2-utils)" >&2; exit 2; }
export LC_ALL=C.UTF-8 PYTHONUTF8=1 PYTHONIOENCODING=utf-8

T=$(mktemp -d "${TMPDIR:-/tmp}/check_sitemap.XXXXXX")
trap 'rm -rf "$T"' EXIT

fail=0
if ! xmllint --nonet --noout "$FILE" 2>"$T/wf"; then
    echo "check_sitemap: FAIL: $FILE is not well-formed XML:"; cat "$T/wf"; exit 1
fi

root=$(xmllint --nonet --xpath 'local-name(/*)' "$FILE" 2>/dev/null)
if [ "$root" != urlset ]; then
    echo "check_sitemap: FAIL: root element is <$root>, expected <urlset> (sitemap index files are not supported by sitemap.xsd)"
    exit 1
fi

# The schema allows extension elements (xhtml:link, image:image, ...) through
# a processContents="strict" wildcard, i.e. it demands their schemas, which
# live on the network.  If such elements are present, validate with a copy
# whose wildcards are "lax" (core structure still fully checked).
schema=$XSD
foreign=$(xmllint --nonet --xpath 'count(//*[namespace-uri() != "http://www.sitemaps.org/schemas/sitemap/0.9"])' "$FILE" 2>/dev/null || echo 0)
if [ "${foreign:-0}" != 0 ]; then
    sed 's/processContents="strict"/processContents="lax"/g' "$XSD" >"$T/sitemap-lax.xsd"
    schema=$T/sitemap-lax.xsd
    echo "check_sitemap: note: $foreign extension element(s) (e.g. xhtml:link) not validated: their schemas are online-only"
fi

if xmllint --nonet --noout --schema "$schema" "$FILE" >"$T/xsd" 2>&1; then
    :
else
    echo "check_sitemap: FAIL: schema validation against $(basename "$XSD"):"
    grep -v ' validates$' "$T/xsd"
    fail=1
fi

python3 - "$FILE" "${2:-}" "${3:-}" <<'PYEOF' || fail=1
import os, sys, urllib.parse
import xml.etree.ElementTree as ET
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
path, base, site = sys.argv[1], sys.argv[2], sys.argv[3]
allow_iri = os.environ.get("HONGFAN_SITEMAP_ALLOW_IRI") == "1"
require_all = os.environ.get("HONGFAN_SITEMAP_REQUIRE_ALL") == "1"
errors, notes = [], []
locs = [(e.text or "").strip() for e in ET.parse(path).getroot().iter(NS + "loc")]
if not locs:
    errors.append("no <url><loc> entries")
seen = set()
for loc in locs:
    p = urllib.parse.urlsplit(loc)
    if p.scheme not in ("http", "https") or not p.netloc:
        errors.append("not an absolute http(s) URL: %r" % loc)
    if not allow_iri and any(ord(c) > 126 or c.isspace() for c in loc):
        errors.append("not URL-escaped (raw non-ASCII or space): %r -> %s" % (
            loc, urllib.parse.quote(loc, safe=":/?#[]@!$&'()*+,;=%~")))
    if loc in seen:
        errors.append("duplicate <loc>: %s" % loc)
    seen.add(loc)
if base:
    if not base.endswith("/"):
        base += "/"
    listed = set()
    for loc in locs:
        if not loc.startswith(base):
            errors.append("<loc> outside BASE_URL %s: %s" % (base, loc))
            continue
        rel = urllib.parse.unquote(urllib.parse.urlsplit(loc[len(base):]).path)
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        rel = os.path.normpath(rel)
        listed.add(rel)
        if not os.path.isfile(os.path.join(site, rel)):
            errors.append("<loc> has no file in %s: %s (expected %s)" % (site, loc, rel))
    missing = []
    for dp, _d, files in os.walk(site):
        for f in files:
            if f == "index.html":
                rel = os.path.normpath(os.path.relpath(os.path.join(dp, f), site))
                if rel not in listed and not rel.startswith("404"):
                    missing.append(rel)
    if missing:
        msg = "%d page(s) not in the sitemap: %s" % (len(missing), ", ".join(sorted(missing)[:20]))
        (errors if require_all else notes).append(msg)
for n in notes:
    print("check_sitemap: note: " + n)
for e in errors:
    print("check_sitemap: FAIL: " + e)
print("check_sitemap: %d <loc> entries" % len(locs))
sys.exit(1 if errors else 0)
PYEOF

[ "$fail" -eq 0 ] && echo "check_sitemap: OK ($FILE)"
exit "$fail"
