#!/usr/bin/env python3
"""Hostile strings in every field the theme renders never become executable
markup: each string is placed into every site.yaml field and front-matter key
(tests/injection/*/, see its README), the site is built, and every HTML file
is parsed with html.parser. The build must either reject the input with a
`file:line:col:` error (a NUL byte, an unsafe slug) or produce pages with:

- no <script> element but the theme's own (by type and file name),
- no on* event attribute, and no element, attribute or script beyond what the
  same build with harmless text emits (a sign that a value broke out of its
  quotes); Markdown bodies may add plain Markdown markup,
- no javascript:/vbscript:/data: URL in href, src or similar,
- no Unicode bidi embedding/override/isolate control (they are dropped),
- the hostile string's marker visible, so the field really was rendered.

    injection.py HONGFAN TESTS_DIR
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# (id, string, how): "build" (must build; in the slug set it may instead be
# refused with a located error about the slug), "reject:WHY" (must fail with a
# located error mentioning WHY).
HOSTILE = [
    ("script", '<script>alert("HF01")</script>', "build"),
    ("img-onerror", '"><img src=x onerror=alert("HF02")>', "build"),
    ("single-quote", "' onmouseover='alert(\"HF03\")' x='", "build"),
    ("javascript-url", 'javascript:alert("HF04")', "build"),
    ("javascript-obfuscated", ' \tJaVa\nScRiPt:alert("HF05")', "build"),
    ("data-url", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==#HF06", "build"),
    ("vbscript-url", 'vbscript:msgbox("HF07")', "build"),
    ("mustache", "{{site.title}}{{{meta.title}}}{{#site}}HF08{{/site}}{{=<% %>=}}{{> head}}", "build"),
    ("bidi", "HF09\u202eevil\u202dgpj.exe\u2066x\u2069\u202a\u202b\u202c\u2067\u2068", "build"),
    ("nul", "HF10\u0000<script>alert(1)</script>", "reject:NUL"),
    ("close-title", '</title><script>alert("HF11")</script><!--', "build"),
    ("cdata", "]]></summary><script>HF12</script><![CDATA[", "build"),
    ("entities", "&lt;script&gt;HF13 &amp; &#x3C;img&#x3E;", "build"),
    ("path", "/news/../../../etc/passwd#HF14", "build"),
    ("svg", '<svg/onload=alert("HF16")>', "build"),
    ("anchor", "<a href=\"javascript:alert('HF17')\">x</a>", "build"),
    ("comment", "--><script>HF18</script><!--", "build"),
    ("huge-title", "HF15" + "党" * 350000, "build"),  # > 1 MB, titles only
]

# Markup a hostile string written into a Markdown body may legitimately
# produce (an indented line is a code block, `*x*` emphasis …): harmless.
MARKDOWN_TAGS = {"em", "strong", "code", "del", "a", "img", "br", "p", "pre", "ul", "ol", "li",
                 "blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}
MARKDOWN_ATTRS = {("a", "href"), ("a", "title"), ("img", "src"), ("img", "alt"), ("img", "title"),
                  ("ol", "start"), ("code", "class"), ("pre", "lang")} | {
                      (f"h{i}", "id") for i in range(1, 7)}
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "background", "xlink:href", "srcset"}
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
LOCATED = re.compile(r"^[^\s:][^:\n]*:\d+:\d+: ", re.M)


def dangerous(url):
    compact = re.sub(r"[\x00-\x20]", "", url).lower()
    return compact.startswith(("javascript:", "vbscript:", "data:"))


class Collector(html.parser.HTMLParser):
    """Elements, (element, attribute) pairs and scripts of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.scripts, self.urls, self.events = set(), set(), set(), [], []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attrs.add((tag, name))
            if name.startswith("on"):
                self.events.append(f"{name}= on <{tag}>")
            if name in URL_ATTRS and value:
                self.urls.append((tag, name, value))
        if tag == "script":
            src = dict(attrs).get("src") or ""
            # The theme's own scripts, by file name (paths differ per page).
            self.scripts.add((dict(attrs).get("type") or "", src.rsplit("/", 1)[-1].split(".")[0]))

    handle_startendtag = handle_starttag


def collect(public):
    """Parses every HTML file under `public`: {relative path: Collector}."""
    pages = {}
    for dirpath, _, filenames in os.walk(public):
        for name in filenames:
            if name.endswith(".html"):
                path = os.path.join(dirpath, name)
                with open(path, "rb") as f:
                    c = Collector()
                    c.feed(f.read().decode("utf-8", errors="replace"))
                    c.close()
                    pages[os.path.relpath(path, public)] = c
    return pages


class Baseline:
    """What the theme emits for the same fields filled with harmless text:
    anything beyond it in a hostile build was injected."""

    def __init__(self, public):
        self.tags, self.attrs, self.scripts = set(MARKDOWN_TAGS), set(), set()
        for c in collect(public).values():
            self.tags |= c.tags
            self.attrs |= c.attrs
            self.scripts |= c.scripts
        self.attrs |= MARKDOWN_ATTRS


def yaml_quoted(s):
    # JSON strings are YAML double-quoted scalars; YAML also reads \u0000.
    return json.dumps(s, ensure_ascii=False)


def lay_over(case_dir, site, string, title):
    for dirpath, _, filenames in os.walk(case_dir):
        for name in filenames:
            src = os.path.join(dirpath, name)
            with open(src, encoding="utf-8") as f:
                text = f.read()
            text = (text.replace("@HOSTILE@", yaml_quoted(string))
                        .replace("@TITLE@", yaml_quoted(title))
                        .replace("@RAW@", string)
                        .replace("@URL@", string.replace(" ", "%20").replace("\n", "")))
            dst = os.path.join(site, os.path.relpath(src, case_dir))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(dst, "w", encoding="utf-8") as f:
                f.write(text)


def check_output(public, marker, baseline):
    problems, seen_marker = [], False
    for dirpath, _, filenames in os.walk(public):
        for name in filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, public)
            with open(path, "rb") as f:
                data = f.read().decode("utf-8", errors="replace")
            if marker in data:
                seen_marker = True
            if BIDI.search(data):
                problems.append(f"{rel}: a bidi control character")
    for rel, c in collect(public).items():
        found = [f"an event attribute {e}" for e in c.events]
        found += [f"an element <{t}> the theme never emits here" for t in c.tags - baseline.tags]
        found += [f"an attribute {n}= on <{t}> the theme never emits (broke out of a value?)"
                  for t, n in c.attrs - baseline.attrs]
        found += [f"a <script> that is not the theme's: {s}" for s in c.scripts - baseline.scripts]
        found += [f'{n}="{v[:60]}" on <{t}>' for t, n, v in c.urls if dangerous(v)]
        problems += [f"{rel}: {p}" for p in sorted(set(found))]
    if not seen_marker:
        problems.append(f"marker {marker} appears in no output file (the field was not rendered?)")
    return problems


def build(hongfan, tests, case_dir, site, value, title):
    shutil.copytree(os.path.join(tests, "sites", "minimal"), site)
    lay_over(case_dir, site, value, title)
    return subprocess.run([hongfan, "--lang", "en", "build", "-s", site, "--now", "2024-07-01", "-q"],
                          capture_output=True, text=True, errors="replace")


def main():
    hongfan, tests = sys.argv[1], sys.argv[2]
    cases_root = os.path.join(tests, "injection")
    sets = sorted(d for d in os.listdir(cases_root) if os.path.isdir(os.path.join(cases_root, d)))
    passed = failed = 0
    for set_name in sets:
        case_dir = os.path.join(cases_root, set_name)
        with tempfile.TemporaryDirectory() as tmp:
            site = os.path.join(tmp, "site")
            r = build(hongfan, tests, case_dir, site, "普通文字HF00", "普通标题HF00")
            if r.returncode != 0:
                print(f"FAIL {set_name}: the harmless version does not build:\n{r.stderr}")
                failed += 1
                continue
            baseline = Baseline(os.path.join(site, "public"))
        for sid, string, how in HOSTILE:
            huge = sid == "huge-title"
            value = "普通文字HF15" if huge else string  # 1 MB goes into titles only
            title = string
            marker = re.search(r"HF\d\d", string).group(0)
            with tempfile.TemporaryDirectory() as tmp:
                site = os.path.join(tmp, "site")
                r = build(hongfan, tests, case_dir, site, value, title)
                problems = []
                rejected_why = how.split(":", 1)[1] if how.startswith("reject:") else None
                if set_name == "slug":
                    rejected_why = rejected_why or "slug"  # a slug may be refused
                if "Sanitizer" in r.stderr or "runtime error" in r.stderr or r.returncode not in (0, 1):
                    problems.append(f"crashed (status {r.returncode}):\n{r.stderr[-2000:]}")
                elif r.returncode == 1:
                    if rejected_why is None:
                        problems.append("was rejected but must build:\n" + r.stderr[-1500:])
                    elif not LOCATED.search(r.stderr) or rejected_why not in r.stderr:
                        problems.append(f"rejected without a located error about {rejected_why}:\n"
                                        + r.stderr[-1500:])
                elif how.startswith("reject:"):
                    problems.append("was accepted but must be rejected")
                else:
                    problems += check_output(os.path.join(site, "public"), marker, baseline)
                label = f"{set_name} × {sid}"
                if problems:
                    failed += 1
                    print(f"FAIL {label}:\n  " + "\n  ".join(problems[:20]))
                else:
                    passed += 1
                    outcome = "rejected" if r.returncode == 1 else "built, output clean"
                    print(f"ok   {label}: {outcome}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
