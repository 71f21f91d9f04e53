#!/usr/bin/env python3
"""`hongfan build --offline`: the demo opened from disk (file://, a USB stick).

Every internal href, src and form action of every page must name a file
that exists in the output: a link to a folder opens a directory listing in
a browser, not the page. The normal build must still link to folders (clean
URLs on a web server), and --offline must change nothing but links.

    offline.py HONGFAN REPO_ROOT
"""
import html.parser
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

hongfan, root = sys.argv[1], sys.argv[2]


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is not None and (name in ("href", "src", "action") or (tag == "img" and name == "srcset")):
                if name == "srcset":
                    self.urls += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
                else:
                    self.urls.append(value)


def internal(url):
    if not url or url.startswith(("#", "//", "?")):
        return False
    return not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url)


def scan(out):
    """(pages, links checked, [problems])"""
    pages = links = 0
    problems = []
    for dirpath, _dirs, files in os.walk(out):
        for f in files:
            if not f.endswith(".html"):
                continue
            page = os.path.join(dirpath, f)
            pages += 1
            parser = Links()
            with open(page, encoding="utf-8") as fh:
                parser.feed(fh.read())
            for url in parser.urls:
                if not internal(url):
                    continue
                links += 1
                path = urllib.parse.unquote(url.split("#")[0].split("?")[0])
                target = os.path.normpath(os.path.join(dirpath, path))
                if not os.path.isfile(target):
                    kind = "a folder" if os.path.isdir(target) else "missing"
                    problems.append(f"{os.path.relpath(page, out)}: {url} ({kind})")
    return pages, links, problems


def main():
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        normal, offline = os.path.join(tmp, "normal"), os.path.join(tmp, "offline")
        for out, extra in ((normal, []), (offline, ["--offline"])):
            subprocess.run([hongfan, "build", "-s", root, "-o", out, "--now", "2026-11-22", "-q", *extra], check=True)

        pages, links, problems = scan(offline)
        if problems or links < 1000:
            failed += 1
            print(f"FAIL --offline: {len(problems)} of {links} internal links do not name a file:")
            for p in problems[:20]:
                print("     " + p)
        else:
            print(f"ok   --offline: all {links} internal links on {pages} pages name a file")

        _, _, folder_links = scan(normal)
        if not any("(a folder)" in p for p in folder_links):
            failed += 1
            print("FAIL the normal build should link to folders (clean URLs)")
        else:
            print(f"ok   the normal build links to folders ({len(folder_links)} such links)")

        # Same files; pages differ only in links.
        def files(d):
            return sorted(os.path.relpath(os.path.join(p, f), d) for p, _, fs in os.walk(d) for f in fs)
        if files(normal) != files(offline):
            failed += 1
            print("FAIL --offline writes other files than a normal build")
        else:
            with open(os.path.join(normal, "index.html"), encoding="utf-8") as a, \
                 open(os.path.join(offline, "index.html"), encoding="utf-8") as b:
                same = a.read() == re.sub(r'((?:href|action)=")([^"]*?)index\.html', r"\1\2", b.read())
            if same:
                print("ok   --offline writes the same files; the home page differs only by index.html in links")
            else:
                failed += 1
                print("FAIL the offline home page differs by more than its links")
    print(f"{3 - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
