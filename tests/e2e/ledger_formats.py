#!/usr/bin/env python3
"""The same ledger three ways gives identical ranking pages (issue 10,
acceptance 3).

    ledger_formats.py HONGFAN TESTS_DIR

Takes the 2,400-row ledger of tests/sites/points and writes it as
  1. UTF-8 CSV with English headers,
  2. GBK CSV with Chinese headers (日期,人员,网格,类别,积分,事由), dates as
     Excel on Chinese Windows writes them (2024/6/1), and a blank row,
  3. an .xlsx made here with openpyxl (Debian python3-openpyxl): Chinese
     headers, dates as date-formatted cells (Excel serial numbers), points
     as numbers, names as shared strings, and blank rows,
builds each with the same --now, and compares the trees of public/points/.
Also checks a .xlsx in another cell layout (inline strings, a first sheet
named in Chinese that is not sheet1.xml) gives the same pages.
"""
import csv
import datetime
import io
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl  # Debian: python3-openpyxl

from hongfan_build import build_or_exit
from tree_digest import tree_digest

NOW = "2025-06-15"
CHINESE = {"date": "日期", "person": "人员", "grid": "网格", "category": "类别", "points": "积分",
           "reason": "事由"}


def read_rows(tests):
    raw = open(os.path.join(tests, "sites", "points", "data", "points.csv"), "rb").read()
    return list(csv.DictReader(io.StringIO(raw.decode("gbk"))))


def write_utf8_csv(rows, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(CHINESE))
        w.writeheader()
        w.writerows(rows)


def write_gbk_csv(rows, path):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CHINESE.values())
    for i, r in enumerate(rows):
        if i == 100:
            w.writerow([""] * 6)  # Excel keeps an emptied row as ,,,,,
        y, m, d = (int(x) for x in r["date"].replace("/", "-").split("-"))
        w.writerow([f"{y}/{m}/{d}"] + [r[k] for k in list(CHINESE)[1:]])
    with open(path, "wb") as f:
        f.write(out.getvalue().encode("gbk"))


def write_xlsx(rows, path, sheet_first=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "积分台账"
    if sheet_first:
        # The ledger is the first sheet in order, but not sheet1.xml.
        other = wb.create_sheet("说明", 0)
        other["A1"] = "这张表不是台账"
        wb.move_sheet(ws, offset=-1)
    ws.append(list(CHINESE.values()))
    for i, r in enumerate(rows):
        if i in (50, 51):
            ws.append([])  # blank rows are skipped
        y, m, d = (int(x) for x in r["date"].replace("/", "-").split("-"))
        ws.append([datetime.date(y, m, d), r["person"], r["grid"], r["category"], int(r["points"]),
                   r["reason"]])
    for cell in ws["A"][1:]:
        if cell.value is not None:
            cell.number_format = "yyyy/m/d"
    wb.save(path)


def build_points(hongfan, tests, tmp, name, write):
    site = os.path.join(tmp, name)
    shutil.copytree(os.path.join(tests, "sites", "points"), site)
    os.remove(os.path.join(site, "data", "points.csv"))
    write(os.path.join(site, "data"))
    out = os.path.join(tmp, name + "-public")
    build_or_exit(hongfan, site, out, NOW)
    points = os.path.join(out, "points")
    if not os.path.isfile(os.path.join(points, "index.html")):
        sys.exit(f"FAIL {name}: no /points/ page")
    return tree_digest(points), points


def main():
    hongfan, tests = sys.argv[1], sys.argv[2]
    rows = read_rows(tests)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        variants = {
            "utf8-csv": lambda d: write_utf8_csv(rows, os.path.join(d, "points.csv")),
            "gbk-csv-chinese": lambda d: write_gbk_csv(rows, os.path.join(d, "points.csv")),
            "xlsx": lambda d: write_xlsx(rows, os.path.join(d, "points.xlsx")),
            "xlsx-second-layout": lambda d: write_xlsx(rows, os.path.join(d, "points.xlsx"), sheet_first=True),
        }
        digests = {}
        for name, write in variants.items():
            digests[name], where = build_points(hongfan, tests, tmp, name, write)
        pages = sum(len(f) for _, _, f in os.walk(where))
        reference = digests["utf8-csv"]
        for name, digest in digests.items():
            if digest != reference:
                print(f"FAIL {name}: public/points/ differs from the UTF-8 CSV's")
                failed += 1
            else:
                print(f"ok   {name}: public/points/ ({pages} files) identical to the UTF-8 CSV's")
    passed = len(digests) - failed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
