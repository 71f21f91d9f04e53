#!/usr/bin/env python3
"""Files as staff save them build right (issue 10, item 3).

    staff_files.py HONGFAN TESTS_DIR

On a copy of tests/sites/minimal:
- data/grids.yaml and a news .md saved as GBK (Notepad's and WPS's "ANSI")
  build, their Chinese text appears right in public/, and each gets one
  Chinese warning telling how to save as UTF-8 (另存为 → 编码 UTF-8);
- site.yaml with a UTF-8 BOM is accepted silently;
- dates written 2024年6月5日 9:30, 2024/6/6 and 2024.6.7 are read;
- paragraphs indented with four spaces, a tab or 　　 stay paragraphs (no
  <pre>), fenced blocks stay code; with `markdown: {indented_code: true}`
  an indented block is code again.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = 0


def check(what, ok, detail=""):
    global failures
    print(f"{'ok  ' if ok else 'FAIL'} {what}" + ("" if ok or not detail else f"\n{detail}"))
    failures += 0 if ok else 1


def build(hongfan, site):
    return subprocess.run([hongfan, "build", "-s", site, "--now", "2024-07-01"],
                          capture_output=True, text=True)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


GRIDS = """# 网格（用记事本保存为 ANSI）
grids:
  - id: g01
    name: 第一网格
    area: 金色嘉苑1—12号楼
    staff:
      - {role: 网格长, name: 王芳, phone: "13800000001"}
"""

NEWS = """---
title: 社区开展消防演练
date: 2024年6月5日 9:30
---
    6月5日上午，社区组织居民开展消防演练。

\t演练结束后，志愿者为老人讲解灭火器的用法。

　　下一次演练定在七月。
　　欢迎居民报名。

```
这是代码
```
"""


def main():
    hongfan, tests = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        shutil.copytree(os.path.join(tests, "sites", "minimal"), site)
        config = read(os.path.join(site, "site.yaml"))
        with open(os.path.join(site, "site.yaml"), "wb") as f:
            f.write(b"\xef\xbb\xbf" + config.encode("utf-8"))
        os.makedirs(os.path.join(site, "data"))
        with open(os.path.join(site, "data", "grids.yaml"), "wb") as f:
            f.write(GRIDS.encode("gbk"))
        with open(os.path.join(site, "content", "news", "drill.md"), "wb") as f:
            f.write(NEWS.encode("gbk"))
        with open(os.path.join(site, "content", "news", "dates.md"), "w", encoding="utf-8") as f:
            f.write("---\ntitle: 日期写法\ndate: 2024/6/6\n---\n正文。\n")
        with open(os.path.join(site, "content", "notices", "dots.md"), "w", encoding="utf-8") as f:
            f.write("---\ntitle: 点号日期\ndate: 2024.6.7\n---\n正文。\n")

        r = build(hongfan, site)
        check("the site with GBK files builds", r.returncode == 0, f"rc={r.returncode} " + r.stderr + r.stdout)
        warnings = [l for l in r.stderr.splitlines() if "GBK" in l]
        check("one warning for each GBK file, at its first Chinese line",
              sorted(w.split(":")[0] + ":" + w.split(":")[1] for w in warnings) ==
              ["content/news/drill.md:2", "data/grids.yaml:1"], r.stderr)
        check("the warnings are Chinese and say how to save as UTF-8",
              all("警告" in w for w in warnings) and r.stderr.count("另存为") == 2 and "UTF-8" in r.stderr,
              r.stderr)
        check("site.yaml with a BOM gives no warning", "site.yaml" not in r.stderr, r.stderr)
        public = os.path.join(site, "public")
        grid = read(os.path.join(public, "grids", "g01", "index.html"))
        check("the GBK grid's Chinese text is published right",
              "第一网格" in grid and "金色嘉苑1—12号楼" in grid and "王芳" in grid)
        pages = [d for d in os.listdir(os.path.join(public, "news")) if not d.startswith(("page", "20"))
                 and os.path.isfile(os.path.join(public, "news", d, "index.html"))]
        news = {d: read(os.path.join(public, "news", d, "index.html")) for d in pages}
        drill = next((h for h in news.values() if "社区开展消防演练" in h), "")
        check("the GBK news page is published with its Chinese text", "6月5日上午，社区组织居民开展消防演练。" in drill)
        check("its date 2024年6月5日 9:30 is read", "2024年6月5日" in drill and "2024-06-05T09:30:00+08:00" in drill)
        check("indented paragraphs are paragraphs, not code",
              "<p>6月5日上午，社区组织居民开展消防演练。</p>" in drill and
              "<p>演练结束后，志愿者为老人讲解灭火器的用法。</p>" in drill and
              "<p>　　下一次演练定在七月。</p>" in drill and "<p>　　欢迎居民报名。</p>" in drill, drill)
        check("only the fenced block is code", len(re.findall(r"<pre", drill)) == 1 and "这是代码" in drill)
        check("2024/6/6 is read", any("日期写法" in h and "2024年6月6日" in h for h in news.values()))
        notices = os.path.join(public, "notices")
        dots = [read(os.path.join(notices, d, "index.html")) for d in os.listdir(notices)
                if os.path.isfile(os.path.join(notices, d, "index.html"))]
        check("2024.6.7 is read", any("点号日期" in h and "2024年6月7日" in h for h in dots))

        # A site that wants CommonMark's indented code opts in.
        with open(os.path.join(site, "site.yaml"), "a", encoding="utf-8") as f:
            f.write("markdown: {indented_code: true}\n")
        r = build(hongfan, site)
        check("the opted-in site builds", r.returncode == 0, r.stderr)
        news = [read(os.path.join(public, "news", d, "index.html")) for d in pages]
        drill = next((h for h in news if "社区开展消防演练" in h), "")
        check("with markdown.indented_code an indented block is code",
              "<pre><code>6月5日上午" in drill, drill)
    print(f"{14 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
