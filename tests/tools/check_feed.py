#!/usr/bin/env python3
"""check_feed.py FEED.xml [--min-entries N] [--base URL]

Offline Atom (RFC 4287) sanity check, Python stdlib only.

Fails (exit 1) unless:
  * the file is well-formed XML whose root is <feed xmlns="http://www.w3.org/2005/Atom">
  * the feed has exactly one non-empty id, title and updated, and a <link>
    with an absolute http(s) href (rel="self" recommended: reported if absent)
  * the feed has an author, or every entry has one (RFC 4287 4.1.1)
  * every <entry> has exactly one non-empty id, title and updated, and a
    rel="alternate" (or rel-less) <link> whose href is an absolute http(s) URL
  * every updated/published is an RFC 3339 date-time (2025-01-02T10:00:00+08:00)
  * entry ids are unique; feed/entry ids are absolute IRIs (scheme:...)
  * at least --min-entries entries (default 1)
  * with --base URL: every http(s) link href starts with URL
Exit 2 on usage errors.
"""
import argparse
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(
    r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)"
    r"(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def text(el):
    return "".join(el.itertext()).strip() if el is not None else ""


def is_abs_http(href):
    p = urllib.parse.urlsplit(href or "")
    return p.scheme in ("http", "https") and bool(p.netloc)


def check_common(el, what, errors):
    """id/title/updated present exactly once and valid. Returns id."""
    for tag in ("id", "title", "updated"):
        found = el.findall(A + tag)
        if len(found) != 1:
            errors.append("%s: expected exactly one <%s>, found %d" % (what, tag, len(found)))
        elif not text(found[0]):
            errors.append("%s: <%s> is empty" % (what, tag))
    for tag in ("updated", "published"):
        for d in el.findall(A + tag):
            if text(d) and not RFC3339.match(text(d)):
                errors.append("%s: <%s> %r is not an RFC 3339 date-time" % (what, tag, text(d)))
    ident = text(el.find(A + "id"))
    if ident and not SCHEME.match(ident):
        errors.append("%s: <id> %r is not an absolute IRI" % (what, ident))
    return ident


def main():
    ap = argparse.ArgumentParser(description="Offline Atom feed checker")
    ap.add_argument("feed")
    ap.add_argument("--min-entries", type=int, default=1)
    ap.add_argument("--base", help="every http(s) href must start with this URL")
    a = ap.parse_args()

    errors, notes = [], []
    try:
        root = ET.parse(a.feed).getroot()
    except (ET.ParseError, OSError) as e:
        print("check_feed: FAIL: %s is not well-formed XML: %s" % (a.feed, e))
        return 1
    if root.tag != A + "feed":
        print("check_feed: FAIL: root element is %s, expected {http://www.w3.org/2005/Atom}feed" % root.tag)
        return 1

    check_common(root, "feed", errors)
    links = root.findall(A + "link")
    if not links:
        errors.append("feed: no <link>")
    for l in links:
        if not is_abs_http(l.get("href")):
            errors.append("feed: <link rel=%r> href %r is not an absolute http(s) URL" % (l.get("rel"), l.get("href")))
    if not any(l.get("rel") == "self" for l in links):
        notes.append("feed has no <link rel=\"self\"> (recommended)")

    entries = root.findall(A + "entry")
    feed_author = root.find(A + "author") is not None
    ids = {}
    for i, e in enumerate(entries, 1):
        what = "entry %d (%s)" % (i, text(e.find(A + "title"))[:40] or "untitled")
        ident = check_common(e, what, errors)
        if ident:
            if ident in ids:
                errors.append("%s: duplicate <id> %r (also entry %d)" % (what, ident, ids[ident]))
            ids.setdefault(ident, i)
        alts = [l for l in e.findall(A + "link") if l.get("rel", "alternate") == "alternate"]
        if not alts:
            errors.append("%s: no <link> (rel=alternate)" % what)
        for l in e.findall(A + "link"):
            if not is_abs_http(l.get("href")):
                errors.append("%s: <link> href %r is not an absolute http(s) URL" % (what, l.get("href")))
        if not feed_author and e.find(A + "author") is None:
            errors.append("%s: no <author> and the feed has none (RFC 4287 4.1.1)" % what)
        for c in e.findall(A + "content") + e.findall(A + "summary"):
            if c.get("type") == "xhtml" and c.find("{http://www.w3.org/1999/xhtml}div") is None:
                errors.append("%s: type=\"xhtml\" <%s> must wrap an xhtml <div>" % (what, c.tag[len(A):]))
    if not entries and not feed_author:
        errors.append("feed: no <author>")
    if len(entries) < a.min_entries:
        errors.append("feed: %d entries, expected at least %d" % (len(entries), a.min_entries))

    if a.base:
        for l in root.iter(A + "link"):
            h = l.get("href") or ""
            if is_abs_http(h) and not h.startswith(a.base):
                errors.append("<link> href %r does not start with --base %s" % (h, a.base))

    for n in notes:
        print("check_feed: note: " + n)
    for e in errors:
        print("check_feed: FAIL: " + e)
    print("check_feed: %d entr%s, %d error(s)" % (len(entries), "y" if len(entries) == 1 else "ies", len(errors)))
    if errors:
        return 1
    print("check_feed: OK (%s)" % a.feed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
