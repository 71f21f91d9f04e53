#!/usr/bin/env python3
"""The home page's charts are drawn at build time as SVG that is valid XML
and readable without sight: a <title> and a data table with every value.

    home_charts.py HONGFAN REPO_ROOT
"""
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

from hongfan_build import build_or_exit

SVG = "{http://www.w3.org/2000/svg}"


def main():
    hongfan, root = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        build_or_exit(hongfan, root, tmp + "/p", "2026-11-22")
        html = open(tmp + "/p/index.html", encoding="utf-8").read()
    figures = re.findall(r'<figure class="chart" id="([^"]+)">(.*?)</figure>', html, re.S)
    if len(figures) < 2:
        failures.append(f"{len(figures)} charts on the home page, want at least 2")
    for chart_id, body in figures:
        svg_text = re.search(r"<svg.*?</svg>", body, re.S)
        if not svg_text:
            failures.append(f"{chart_id}: no <svg>")
            continue
        try:
            svg = ET.fromstring(svg_text.group(0))
        except ET.ParseError as e:
            failures.append(f"{chart_id}: not valid XML: {e}")
            continue
        title = svg.find(SVG + "title")
        if title is None or not (title.text or "").strip():
            failures.append(f"{chart_id}: no <title> as the svg's first text alternative")
        labelled = svg.get("aria-labelledby")
        if svg.get("role") != "img" or not labelled or title is None or title.get("id") != labelled:
            failures.append(f"{chart_id}: role=img and aria-labelledby pointing at the <title> are missing")
        bars = [g.find(SVG + "title").text for g in svg.findall(SVG + "g")]
        cells = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td></tr>", body)
        if not cells or len(cells) != len(bars):
            failures.append(f"{chart_id}: the data table has {len(cells)} rows for {len(bars)} bars")
        for (label, value), bar in zip(cells, bars):
            if not bar.startswith(f"{label}：{value}"):
                failures.append(f"{chart_id}: table row {label}={value} does not match bar '{bar}'")
        if all(v == "0" for _, v in cells):
            failures.append(f"{chart_id}: every value is 0")
    for f in failures:
        print("FAIL " + f)
    if not failures:
        print(f"ok   {len(figures)} charts: valid XML, titled, with matching data tables")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
