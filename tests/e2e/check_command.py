#!/usr/bin/env python3
"""`hongfan check` finds one of each problem in a seeded site, each at its
file:line, exits 1 and writes nothing; on the demo site it exits 0.

    check_command.py HONGFAN REPO_ROOT
"""
import json
import os
import subprocess
import sys
import tempfile

SITE = {
    "site.yaml": """title: 检查测试
base_url: https://example.org/
menu:
  - {name: 首页, url: /}
  - {name: 新闻, url: /news/}
  - {name: 坏链接, url: /nowhere/}
  - {name: 相对, url: news/}
""",
    "static/images/ok.png": "png",
    "static/files/ok.pdf": "pdf",
    "content/news/2024-06-01-good.md": """---
title: 没有问题的文章
date: 2024-06-01
summary: 摘要
cover: /images/ok.png
---
## 会议定下的三件事

见[上文](#会议定下的三件事)、[另一篇](/news/bad/#第二节)、![图](/images/ok.png)、
[附件](/files/ok.pdf)、[外链](https://example.gov.cn/)、[电话](tel:0537-3265810)、
[相对](../bad/)和[标签](/tags/志愿服务/)。

## 第二节
""",
    "content/news/2024-06-02-bad.md": """---
title: 有问题的文章
date: 2024-06-02
cover: /images/missing-cover.jpg
org: nosuch
grid: g99
station: hf-nowhere
brand: red-courtyad
tags: [志愿服务]
---
## 第二节

一个[坏链接](/news/nope/)。
一个[坏锚点](#没有这一节)。
一个[坏的跨页锚点](/news/good/#nope)。
![缺图](/images/missing.png)
[缺附件](/files/form.pdf)
联系居民张先生：13812345678。
身份证号：11010519491231002X。
""",
    "content/notices/2024-06-03-contacts.md": """---
title: 联系方式
date: 2024-06-03
summary: 三种写法的手机号和一个分组写的身份证号
cover: /images/ok.png
---
张先生 13953792957，李女士 139-5379-2958，
王先生 139 5379 2959。
身份证 110105 19491231 002X。
""",
    # No summary, and a first paragraph longer than a list card shows (120
    # characters): reported. bad.md has no summary either, but its first
    # paragraph fits a card whole: not reported.
    "content/pages/2024-06-04-long.md": """---
title: 社区简介
cover: /images/ok.png
---
金色嘉苑社区位于黄屯街道东部，辖区面积零点八平方公里。金色嘉苑社区位于黄屯街道东部，辖区面积零点八平方公里。金色嘉苑社区位于黄屯街道东部，辖区面积零点八平方公里。金色嘉苑社区位于黄屯街道东部，辖区面积零点八平方公里。金色嘉苑社区位于黄屯街道东部，辖区面积零点八平方公里。金色嘉苑社区位于黄屯街道东部，辖区面积零点八平方公里。

第二段。
""",
    "content/brands/red-courtyard.md": """---
title: 红色庭院
summary: 品牌
cover: /images/ok.png
---
品牌介绍。
""",
}

# (file, line, severity, words in the message)
EXPECTED = [
    ("site.yaml", 6, "error", "menu link '/nowhere/' leads nowhere: the site has no page /nowhere/"),
    ("site.yaml", 7, "warning", "menu link 'news/' has no '/' in front"),
    ("content/pages/2024-06-04-long.md", 1, "warning", "no summary: lists and WeChat share cards cut the long first paragraph short"),
    # The news column's newest page is 29 days old on --now 2024-07-01 (freshness_days 14).
    ("content/news/2024-06-02-bad.md", 1, "warning", "nothing new for 29 days"),
    ("content/notices/2024-06-03-contacts.md", 1, "warning", "nothing new for 28 days"),
    ("content/news/2024-06-02-bad.md", 4, "error", "cover image '/images/missing-cover.jpg' not found"),
    ("content/news/2024-06-02-bad.md", 5, "error", "front matter: org 'nosuch' is not an org unit"),
    ("content/news/2024-06-02-bad.md", 6, "error", "front matter: grid 'g99' is not a grid"),
    ("content/news/2024-06-02-bad.md", 7, "error", "front matter: station 'hf-nowhere' is not a station"),
    ("content/news/2024-06-02-bad.md", 8, "error", "front matter: brand 'red-courtyad' is not a brand in content/brands/ (did you mean 'red-courtyard'?)"),
    ("content/news/2024-06-02-bad.md", 13, "error", "text link '/news/nope/' leads nowhere"),
    ("content/news/2024-06-02-bad.md", 14, "error", "this page has no heading '#没有这一节'"),
    ("content/news/2024-06-02-bad.md", 15, "error", "content/news/2024-06-01-good.md has no heading '#nope'"),
    ("content/news/2024-06-02-bad.md", 16, "error", "image '/images/missing.png' not found"),
    ("content/news/2024-06-02-bad.md", 17, "error", "attachment '/files/form.pdf' not found"),
    ("content/news/2024-06-02-bad.md", 18, "warning", "mobile number 13812345678 is not masked"),
    ("content/news/2024-06-02-bad.md", 19, "error", "an ID-card number must never be published"),
    ("content/notices/2024-06-03-contacts.md", 7, "warning", "mobile number 13953792957 is not masked"),
    ("content/notices/2024-06-03-contacts.md", 7, "warning", "mobile number 139-5379-2958 is not masked"),
    ("content/notices/2024-06-03-contacts.md", 8, "warning", "mobile number 139 5379 2959 is not masked"),
    ("content/notices/2024-06-03-contacts.md", 9, "error", "an ID-card number must never be published"),
]


def run(args):
    return subprocess.run(args, capture_output=True, text=True)


def main():
    hongfan, root = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        for rel, text in SITE.items():
            path = os.path.join(site, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        before = sorted(os.listdir(site))

        # English (--lang en): message ids do not change when a translation
        # is reworded; Chinese output is tested by invalid_inputs and cli.sh.
        r = run([hongfan, "--lang", "en", "check", "-s", site, "--format", "json", "--now", "2024-07-01"])
        if r.returncode != 1:
            failures.append(f"json: exit status {r.returncode}, expected 1\n{r.stderr}")
        report = json.loads(r.stdout)
        got = [(d["file"], d["line"], d["severity"], d["message"]) for d in report["diagnostics"]]
        for file, line, sev, words in EXPECTED:
            match = [g for g in got if g[0] == file and g[1] == line and g[2] == sev and words in g[3]]
            if match:
                got.remove(match[0])
                print(f"ok   {file}:{line}: {sev}: {words}")
            else:
                failures.append(f"missing: {file}:{line}: {sev}: {words}")
        for g in got:
            failures.append("unexpected: {}:{}: {}: {}".format(*g))
        if report["errors"] != sum(1 for e in EXPECTED if e[2] == "error"):
            failures.append(f"errors count {report['errors']}")

        t = run([hongfan, "--lang", "en", "check", "-s", site, "--now", "2024-07-01"])
        if t.returncode != 1:
            failures.append(f"text: exit status {t.returncode}, expected 1")
        for file, line, sev, _ in EXPECTED:
            prefix = f"{file}:{line}:"
            if prefix not in t.stdout:
                failures.append(f"text output lacks {prefix}")
        if "check: 13 errors, 8 warnings" not in t.stdout:
            failures.append("text summary line:\n" + t.stdout[-300:])
        if sorted(os.listdir(site)) != before:
            failures.append("check wrote into the site folder: " + str(sorted(os.listdir(site))))
        else:
            print("ok   nothing written")

    d = run([hongfan, "check", "-s", root, "--format", "json", "--now", "2026-11-22"])
    demo = json.loads(d.stdout) if d.stdout else {}
    if d.returncode != 0 or demo.get("errors") != 0:
        failures.append(f"demo: exit {d.returncode}\n{d.stdout[-3000:]}{d.stderr[-2000:]}")
    else:
        print(f"ok   demo: exit 0, {demo['warnings']} warnings")

    for f in failures:
        print("FAIL " + f)
    print(f"{len(EXPECTED) + 2 - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
