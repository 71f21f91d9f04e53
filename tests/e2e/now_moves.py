#!/usr/bin/env python3
""""Today" is an input (docs/content/reference/format.md): with --now fixed the demo builds to the
same bytes; moving --now on by a month moves activities from upcoming to
past and changes this month's ranking.

    now_moves.py HONGFAN REPO_ROOT
"""
import filecmp
import os
import re
import sys
import tempfile

from hongfan_build import build_or_exit


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def section_titles(html, heading_id):
    m = re.search(r'id="%s".*?</section>' % heading_id, html, re.S)
    return re.findall(r'<span class="card-title">([^<]*)</span>', m.group(0)) if m else []


def ranking(html, period):
    m = re.search(r'<table class="ranking" data-category="先锋指数" data-period="%s">.*?</table>' % period, html, re.S)
    return m.group(0) if m else None


def same_tree(a, b):
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(os.path.join(a, d), os.path.join(b, d))
                                               for d in cmp.common_dirs)


def main():
    hongfan, root = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        one, two, later = (os.path.join(tmp, n) for n in ("one", "two", "later"))
        build_or_exit(hongfan, root, one, "2026-11-22")
        build_or_exit(hongfan, root, two, "2026-11-22")
        build_or_exit(hongfan, root, later, "2026-12-22")
        if not same_tree(one, two):
            failures.append("two builds with --now 2026-11-22 differ")
        if same_tree(one, later):
            failures.append("moving --now by a month changed nothing")
        before = read(os.path.join(one, "activities", "index.html"))
        after = read(os.path.join(later, "activities", "index.html"))
        up_before = set(section_titles(before, "upcoming-title"))
        past_after = set(section_titles(after, "past-title"))
        moved = up_before & past_after
        if not up_before:
            failures.append("no upcoming activities on 2026-11-22")
        if not moved:
            failures.append("no activity moved from upcoming to past")
        if up_before & set(section_titles(before, "past-title")):
            failures.append("an activity is both upcoming and past")
        p_before = read(os.path.join(one, "points", "index.html"))
        p_after = read(os.path.join(later, "points", "index.html"))
        nov, dec = ranking(p_before, "2026-11"), ranking(p_after, "2026-12")
        if nov is None or dec is None:
            failures.append("this month's ranking table is missing")
        elif "<td>1</td>" not in nov:
            failures.append("November's ranking is empty: the test could not see a change")
        elif nov.replace("2026-11", "") == dec.replace("2026-12", ""):
            failures.append("this month's ranking did not change")
        if ranking(p_after, "2026-11") is not None:
            failures.append("a month later, /points/ still shows November as this month")
    for f in failures:
        print("FAIL " + f)
    if not failures:
        print(f"ok   deterministic; {len(moved)} activities moved from upcoming to past; this month's ranking changed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
