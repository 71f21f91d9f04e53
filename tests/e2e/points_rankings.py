#!/usr/bin/env python3
"""Every ranking table hongfan writes agrees with an independent computation.

    points_rankings.py HONGFAN TESTS_DIR

Builds tests/sites/points (a 2,400-row ledger saved as GBK, names only, no
people.yaml) with a fixed --now, computes each ranking here from the CSV
with nothing but the standard library — earned points per person and
period, redemptions ignored, ties sharing a rank (1, 2, 2, 4) in order of full name,
names masked as docs/content/reference/format.md, 隐私规则 says — and compares every <table class="ranking">
on every page, row by row. Also checks that every year and month with data
has its page.
"""
import csv
import io
import os
import sys
import tempfile
from html.parser import HTMLParser

from hongfan_build import build_or_exit

NOW = (2025, 6)  # --now 2025-06-15
TOP = 10
CATEGORIES = ["先锋指数", "文明积分"]


def mask(name):
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def read_ledger(path):
    raw = open(path, "rb").read()
    try:
        raw.decode("utf-8")
        raise SystemExit("FAIL: the fixture ledger is valid UTF-8; it must be GBK")
    except UnicodeDecodeError:
        pass
    rows = []
    for r in csv.DictReader(io.StringIO(raw.decode("gbk"))):
        y, m, _ = (int(x) for x in r["date"].replace("/", "-").split("-"))
        rows.append({"year": y, "month": m, "grid": r["grid"], "name": r["person"],
                     "category": r["category"], "points": int(r["points"])})
    return rows


def in_period(row, period):
    if period == "all":
        return True
    if "-Q" in period:
        y, q = period.split("-Q")
        return row["year"] == int(y) and (row["month"] - 1) // 3 + 1 == int(q)
    if "-" in period:
        y, m = period.split("-")
        return row["year"] == int(y) and row["month"] == int(m)
    return row["year"] == int(period)


def ranking(rows, category, period, top):
    totals = {}
    for r in rows:
        if r["points"] < 0 or r["category"] != category or not in_period(r, period):
            continue
        key = r["grid"] + "/" + r["name"]
        totals.setdefault(key, [r["name"], r["grid"], 0])[2] += r["points"]
    # Ties in order of the full name (never shown), then the key.
    people = [(-pts, name, key, mask(name), grid, pts) for key, (name, grid, pts) in totals.items() if pts > 0]
    people.sort()
    out, rank = [], 0
    for i, (_, _, _, shown, grid, pts) in enumerate(people):
        if i == 0 or pts != people[i - 1][5]:
            rank = i + 1
        if rank > top:
            break
        out.append((str(rank), shown, grid, str(pts)))
    return out


class Tables(HTMLParser):
    """Collects every <table class="ranking" data-category=…> and its body rows."""

    def __init__(self):
        super().__init__()
        self.tables, self.table, self.row, self.cell, self.in_body = [], None, None, None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and "ranking" in (a.get("class") or "").split() and "data-category" in a:
            self.table = {"category": a["data-category"], "period": a["data-period"], "rows": []}
        elif self.table is not None and tag == "tbody":
            self.in_body = True
        elif self.table is not None and self.in_body and tag == "tr":
            self.row = []
        elif self.row is not None and tag == "td":
            self.cell = ""

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if len(self.row) >= 4:
                self.table["rows"].append(tuple(self.row[:4]))
            self.row = None
        elif tag == "table" and self.table is not None:
            self.tables.append(self.table)
            self.table, self.in_body = None, False


def main():
    hongfan, tests = sys.argv[1], sys.argv[2]
    site = os.path.join(tests, "sites", "points")
    rows = read_ledger(os.path.join(site, "data", "points.csv"))
    failures, checked = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "public")
        build_or_exit(hongfan, site, out, "2025-06-15")
        months = {(x["year"], x["month"]) for x in rows if x["points"] >= 0}
        pages = {"index.html": 5, "points/index.html": TOP}
        for y in {m[0] for m in months}:
            pages[f"points/{y}/index.html"] = TOP
        for y, m in months:
            pages[f"points/{y}/{m:02}/index.html"] = TOP
        expected_tables = {
            "points/index.html": {f"{NOW[0]}-{NOW[1]:02}", f"{NOW[0]}-Q{(NOW[1] - 1) // 3 + 1}", str(NOW[0]), "all"},
        }
        for page, top in sorted(pages.items()):
            path = os.path.join(out, page)
            if not os.path.exists(path):
                failures.append(f"{page}: missing")
                continue
            parser = Tables()
            parser.feed(open(path, encoding="utf-8").read())
            if not parser.tables:
                failures.append(f"{page}: no ranking tables")
            seen = set()
            for t in parser.tables:
                seen.add(t["period"])
                want = ranking(rows, t["category"], t["period"], top)
                got = t["rows"]
                if not want:
                    got = [g for g in got if g[0].isdigit()]  # the "本期暂无积分记录" row
                checked += 1
                if got != want:
                    failures.append(f"{page} {t['category']} {t['period']}: got {got[:4]}…, want {want[:4]}…")
            for period in expected_tables.get(page, set()) - seen:
                failures.append(f"{page}: no table for {period}")
    for f in failures:
        print("FAIL " + f)
    ties = sum(1 for c in CATEGORIES for row in ranking(rows, c, "all", 10**6) if row[0] != "1") and \
        any(len({r[0] for r in ranking(rows, c, "2025-06", 10**6)}) < len(ranking(rows, c, "2025-06", 10**6))
            for c in CATEGORIES)
    if not ties:
        print("FAIL the fixture has no ties, so tie handling is not tested")
        return 1
    print(f"{checked} ranking tables on {len(pages)} pages agree with the independent computation"
          if not failures else f"{len(failures)} failure(s)")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
