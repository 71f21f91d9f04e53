#!/usr/bin/env python3
"""Summarise linkchecker CSV output for check_links.sh (stdlib only).

    linkcheck_report.py orphans SITE_DIR BASE_URL CSV...   -> prints URLs of HTML
        files under SITE_DIR that no crawl reached (one per line)
    linkcheck_report.py report  SITE_DIR BASE_URL MIN_URLS CSV...
        -> readable report; exit 0 if no broken link, 1 otherwise

BASE_URL is where SITE_DIR is served, ending in '/', e.g.
http://127.0.0.1:PORT/portal/sub/.

Environment: HONGFAN_LINKS_ANCHORS=0 turns missing #fragment targets from
failures into warnings; HONGFAN_LINKS_FAIL_ORPHANS=1 fails when an HTML file
is not reachable from the start page (otherwise it is only reported).
"""
import csv
import io
import os
import re
import sys
import urllib.parse

HTML_EXT = (".html", ".htm", ".xhtml")
# Fragments a browser resolves without any element: "#" and "#top" (HTML spec).
IMPLICIT_ANCHORS = {"", "top"}
COMMENT_RE = re.compile(r"# (Stopped checking at|created by LinkChecker|Read the documentation|Write comments and bugs)")


def read_rows(paths):
    rows = []
    for p in paths:
        with open(p, encoding="utf-8", errors="replace") as f:
            lines = f.readlines()
        # linkchecker frames its CSV with "# ..." comment lines; a data row can
        # also start with "#" (urlname "#anchor"), so only drop the frame.
        start = next((i for i, l in enumerate(lines) if l.startswith("urlname;")), len(lines))
        text = "".join(l for l in lines[start:] if not COMMENT_RE.match(l))
        if not text.strip():
            continue
        for row in csv.DictReader(io.StringIO(text), delimiter=";"):
            rows.append(row)
    return rows


def url_to_relpath(url, base):
    """Site-relative file path a crawled URL maps to, or None if outside."""
    url = url.split("#", 1)[0].split("?", 1)[0]
    if not url.startswith(base):
        return None
    rel = urllib.parse.unquote(url[len(base):], encoding="utf-8", errors="replace")
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return os.path.normpath(rel)


def html_files(site):
    out = []
    for dirpath, _dirs, files in os.walk(site):
        for name in files:
            if name.lower().endswith(HTML_EXT):
                out.append(os.path.normpath(os.path.relpath(os.path.join(dirpath, name), site)))
    return sorted(out)


def reached(rows, base):
    seen = set()
    for r in rows:
        if r.get("valid") == "True":
            rel = url_to_relpath(r.get("url") or "", base)
            if rel:
                seen.add(rel)
    return seen


def orphan_urls(site, base, rows):
    seen = reached(rows, base)
    for rel in html_files(site):
        if rel not in seen:
            yield base + urllib.parse.quote(rel.replace(os.sep, "/"), safe="/")


def nofollow_pages(site):
    pat = re.compile(r'<meta\b[^>]*name=["\']?robots["\']?[^>]*nofollow', re.I)
    for rel in html_files(site):
        try:
            with open(os.path.join(site, rel), encoding="utf-8", errors="replace") as f:
                if pat.search(f.read()):
                    yield rel
        except OSError:
            pass


def loc(r):
    where = urllib.parse.unquote(r.get("parentname") or "") or "(start URL)"
    if r.get("line"):
        where += " line %s" % r["line"]
        if r.get("column"):
            where += " col %s" % r["column"]
    return where


def report(site, base, min_urls, rows, orphans):
    host_prefix = base.split("/", 3)
    host_prefix = "/".join(host_prefix[:3]) + "/"  # http://127.0.0.1:PORT/
    anchors_fatal = os.environ.get("HONGFAN_LINKS_ANCHORS", "1") != "0"
    orphans_fatal = os.environ.get("HONGFAN_LINKS_FAIL_ORPHANS", "0") == "1"

    broken, bad_anchors, warnings = [], [], []
    internal, external = set(), set()
    for r in rows:
        url = r.get("url") or r.get("urlname") or ""
        nofrag = url.split("#", 1)[0]
        if url.startswith(host_prefix):
            internal.add(nofrag)
        else:
            external.add(nofrag)
        if r.get("valid") != "True":
            broken.append(r)
            continue
        for w in filter(None, (r.get("warningstring") or "").split("\n")):
            m = re.match(r"Anchor `(.*?)' \(decoded: `(.*?)'\) not found", w)
            if m:
                if m.group(2) in IMPLICIT_ANCHORS:
                    continue
                bad_anchors.append((r, w))
            else:
                warnings.append((r, w))

    pages = html_files(site)
    seen = reached(rows, base)
    crawled_pages = sum(1 for p in pages if p in seen)
    fail = []

    if broken:
        print("BROKEN LINKS (%d):" % len(broken))
        for r in broken:
            print("  %s\n      -> %s\n      in %s\n      result: %s%s" % (
                r.get("urlname"), urllib.parse.unquote(r.get("url") or ""), loc(r), r.get("result"),
                ("; " + r["infostring"].replace("\n", "; ")) if r.get("infostring") else ""))
        fail.append("%d broken link(s)" % len(broken))
    if bad_anchors:
        print("MISSING #FRAGMENT TARGETS (%d):" % len(bad_anchors))
        for r, w in bad_anchors:
            print("  %s in %s: %s" % (r.get("urlname"), loc(r), w))
        if anchors_fatal:
            fail.append("%d missing anchor(s)" % len(bad_anchors))
    if warnings:
        print("WARNINGS (%d, not fatal):" % len(warnings))
        for r, w in warnings:
            print("  %s in %s: %s" % (r.get("urlname"), loc(r), w))
    if orphans:
        print("HTML FILES NOT REACHABLE FROM THE START PAGE (%d, links checked in a 2nd pass):" % len(orphans))
        for u in orphans[:30]:
            print("  " + urllib.parse.unquote(u[len(base):]))
        if len(orphans) > 30:
            print("  ... and %d more" % (len(orphans) - 30))
        if orphans_fatal:
            fail.append("%d unreachable page(s)" % len(orphans))
    nf = list(nofollow_pages(site))
    if nf:
        print("NOTE: linkchecker does not follow links on pages with <meta name=robots content=nofollow>:")
        for p in nf:
            print("  " + p)

    print("check_links: %d internal URL(s) checked (%d of %d HTML pages), %d external/other URL(s) "
          "skipped (syntax only), %d broken, %d bad anchor(s), %d warning(s)" % (
              len(internal), crawled_pages, len(pages), len(external), len(broken),
              len(bad_anchors), len(warnings)))
    if len(internal) < min_urls:
        fail.append("only %d internal URL(s) crawled, expected at least %d" % (len(internal), min_urls))
    if crawled_pages < len(pages):
        missing = [p for p in pages if p not in seen]
        fail.append("%d HTML page(s) never fetched: %s" % (len(missing), ", ".join(missing[:10])))
    if fail:
        print("check_links: FAIL: " + "; ".join(fail))
        return 1
    print("check_links: OK")
    return 0


def main(argv):
    if len(argv) >= 4 and argv[1] == "orphans":
        site, base = argv[2], argv[3]
        for u in orphan_urls(site, base, read_rows(argv[4:])):
            print(u)
        return 0
    if len(argv) >= 5 and argv[1] == "report":
        site, base, min_urls = argv[2], argv[3], int(argv[4])
        csvs = argv[5:]
        rows = read_rows(csvs)
        # orphans = pages not reached by the first (start-page) crawl
        orphans = list(orphan_urls(site, base, read_rows(csvs[:1])))
        return report(site, base, min_urls, rows, orphans)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
