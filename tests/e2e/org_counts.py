#!/usr/bin/env python3
"""Every count shown on /org/ and /org/ID/ equals an independent count of
the data (acceptance 1 of issue 3).

    org_counts.py HONGFAN SITE_DIR

SITE_DIR holds org.json beside data/org.yaml (the same tree, written by
tests/sites/make_org_large.py). The built pages show counts in
<span class="rollup" data-unit="ID">网格党支部29个、…</span> and
<span class="members" data-unit="ID">N</span>; data-unit="" is the whole
site. Each one is checked, and every unit with units below it must show
its counts on /org/ and on its own page. The pages also pass the Nu HTML
checker."""
import json
import os
import re
import subprocess
import sys
import tempfile

from hongfan_build import build_or_exit

ROLLUP = re.compile(r'<span class="rollup" data-unit="([^"]*)">([^<]*)</span>')
MEMBERS = re.compile(r'<span class="members" data-unit="([^"]*)">(\d+)</span>')
PART = re.compile(r"^(\D+?)(\d+)(个|户)$")


def count(node, expected_counts, expected_members, level_of):
    """Counts by level below `node` and members in and below it."""
    below, members = {}, node.get("members", 0)
    for child in node["children"]:
        below[level_of[child["id"]]] = below.get(level_of[child["id"]], 0) + 1
        sub, m = count(child, expected_counts, expected_members, level_of)
        for k, v in sub.items():
            below[k] = below.get(k, 0) + v
        members += m
    expected_counts[node["id"]] = below
    expected_members[node["id"]] = members
    return below, members


def assign_levels(node, depth, levels, level_of):
    level_of[node["id"]] = levels[depth]
    for c in node["children"]:
        assign_levels(c, depth + 1, levels, level_of)


def parse_phrase(phrase):
    out = {}
    for part in phrase.split("、"):
        m = PART.match(part)
        if not m:
            raise ValueError(f"cannot read the count '{part}'")
        measure = "户" if m.group(1).endswith("户") else "个"
        if m.group(3) != measure:
            raise ValueError(f"'{part}' should be counted in {measure}")
        out[m.group(1)] = int(m.group(2))
    return out


def main():
    hongfan, site = sys.argv[1], sys.argv[2]
    with open(os.path.join(site, "org.json"), encoding="utf-8") as f:
        org = json.load(f)
    level_of, counts, members = {}, {}, {}
    for root in org["roots"]:
        assign_levels(root, 0, org["levels"], level_of)
        count(root, counts, members, level_of)
    # The whole site: every root counts itself too.
    total = {}
    for root in org["roots"]:
        total[level_of[root["id"]]] = total.get(level_of[root["id"]], 0) + 1
        for k, v in counts[root["id"]].items():
            total[k] = total.get(k, 0) + v
    counts[""] = total
    members[""] = sum(members[r["id"]] for r in org["roots"])

    failures = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "public")
        build_or_exit(hongfan, site, out, "2024-07-01")

        def check_page(rel, must_show):
            nonlocal checked
            path = os.path.join(out, rel)
            if not os.path.exists(path):
                failures.append(f"{rel}: page missing")
                return
            with open(path, encoding="utf-8") as f:
                html = f.read()
            shown = set()
            for unit, phrase in ROLLUP.findall(html):
                shown.add(unit)
                checked += 1
                try:
                    got = parse_phrase(phrase)
                except ValueError as e:
                    failures.append(f"{rel}: unit '{unit}': {e}")
                    continue
                want = {k: v for k, v in counts.get(unit, {}).items() if v}
                if got != want:
                    failures.append(f"{rel}: unit '{unit}' shows {got}, the data has {want}")
            for unit, n in MEMBERS.findall(html):
                checked += 1
                if int(n) != members.get(unit, -1):
                    failures.append(f"{rel}: unit '{unit}' shows {n} members, the data has {members.get(unit)}")
            for unit in must_show:
                if unit not in shown:
                    failures.append(f"{rel}: the counts of '{unit}' are missing")

        with_children = [u for u, c in counts.items() if u and c]
        check_page("org/index.html", with_children + [""])
        for unit in level_of:
            check_page(f"org/{unit}/index.html", [unit] if counts[unit] else [])
        # Every page of a big tree is valid HTML too (the Nu checker).
        checker = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "check_html.sh")
        html = subprocess.run(["bash", checker, os.path.join(out, "org")], capture_output=True, text=True)
        if html.returncode != 0:
            failures.append("the Nu HTML checker failed:\n" + html.stdout[-3000:] + html.stderr[-1000:])
        else:
            print(html.stdout.strip().splitlines()[-2])
        # The press phrasing, literally, on the street's page.
        with open(os.path.join(out, "org", "hd", "index.html"), encoding="utf-8") as f:
            if "社区大党委3个、网格党支部29个、楼栋党小组252个、党员中心户514户" not in f.read():
                failures.append("org/hd/: the street's counts are not phrased like the press")

    for f in failures[:30]:
        print("FAIL " + f)
    print(f"{checked} counts checked on {len(level_of) + 1} pages, {len(failures)} wrong")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
