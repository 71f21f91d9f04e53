#!/usr/bin/env python3
"""A rebuild with nothing changed does nothing, and says the same.

`hongfan build` keeps a record of what it read and wrote
(.hongfan-cache/build-record beside the output). Checked here:
  - a second build prints 没有改动, the same warnings as the first, and
    leaves every file of public/ as it was (inode and mtime);
  - touching a file without changing it still counts as no change;
  - --strict on the unchanged site still fails on those warnings;
  - editing a title rebuilds, and the result equals a clean build;
  - a title edit that moves a page named in Chinese is reported at the
    title, with the exact `slug:` line that brings the old address back;
  - a new file, a file edited inside public/, a different --drafts, and a
    "today" past the next change by time each make a real build again;
  - a record cut short is ignored.

    build_record.py HONGFAN
"""
import os
import subprocess
import sys
import tempfile

from checks import check, failed, write  # beside this script
from tree_digest import tree_digest

def stamps(root):
    """path → (inode, mtime_ns) of every file under root."""
    out = {}
    for d, _, files in os.walk(root):
        for name in files:
            p = os.path.join(d, name)
            st = os.lstat(p)
            out[os.path.relpath(p, root)] = (st.st_ino, st.st_mtime_ns)
    return out


def main():
    hongfan = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        out = os.path.join(site, "public")
        write(os.path.join(site, "site.yaml"), "title: 记录测试社区\nbase_url: https://example.org/\n")
        for i in range(12):
            write(os.path.join(site, "content", "news", f"2024-06-{i + 1:02}-n{i}.md"),
                  f"---\ntitle: 第{i}条新闻\ndate: 2024-06-{i + 1:02}\ntags: [志愿服务]\n---\n\n社区新闻正文{i}。\n")
        # One warning, so we can see it said again by the build that does nothing.
        write(os.path.join(site, "content", "notices", "2024-06-20-help.md"),
              "---\ntitle: 求助热线\ndate: 2024-06-20\n---\n\n居民王先生的电话：139-5379-2957。\n")

        def build(*extra, now="2024-07-01"):
            return subprocess.run([hongfan, "build", "-s", site, "--now", now, *extra],
                                  capture_output=True, text=True, env={**os.environ, "LANG": "zh_CN.UTF-8"})

        first = build()
        check(first.returncode == 0 and "1 个警告" in first.stderr, "first build: exit 0, one warning", first.stderr)
        before = stamps(out)
        again = build()
        check(again.returncode == 0 and "自上次生成以来没有改动" in again.stderr,
              "second build: nothing changed, said so", again.stderr)
        warning = [l for l in first.stderr.splitlines() if "139-5379-2957" in l]
        check(warning and warning[0] in again.stderr.splitlines(), "the same warning is printed again", again.stderr)
        check(stamps(out) == before, "no file of public/ was written (inodes and mtimes unchanged)")

        os.utime(os.path.join(site, "content", "news", "2024-06-01-n0.md"))
        touched = build()
        check("没有改动" in touched.stderr, "a touched but unchanged file is no change", touched.stderr)

        # Staff add a comment to site.yaml: every line moves, no value changes.
        config = os.path.join(site, "site.yaml")
        with open(config, encoding="utf-8") as f:
            config_text = f.read()
        write(config, "# 社区门户的设置（改之前先备份）\n\n" + config_text)
        commented = build()
        check(commented.returncode == 0 and "site.yaml：只改了注释或空行，页面都不用变" in commented.stderr.splitlines()
              and "没有改动" in commented.stderr and stamps(out) == before,
              "a comment added to site.yaml changes no page, and the build says why", commented.stderr)
        write(config, config_text.replace("title: 记录测试社区", "title: 记录测试社区（新）"))
        retitled_site = build()
        check("只改了注释" not in retitled_site.stderr and "其中" in retitled_site.stderr,
              "a changed value in site.yaml builds again", retitled_site.stderr)
        write(config, config_text)
        build()
        before = stamps(out)

        strict = build("--strict")
        check(strict.returncode == 1 and "139-5379-2957" in strict.stderr and stamps(out) == before,
              "--strict on the unchanged site fails on its warning, public/ untouched", strict.stderr)

        # A real edit: rebuilt, and the same bytes a clean build gives.
        p = os.path.join(site, "content", "news", "2024-06-03-n2.md")
        with open(p, encoding="utf-8") as f:
            text = f.read()
        write(p, text.replace("第2条新闻", "第2条新闻（修订）"))
        edited = build()
        check(edited.returncode == 0 and "没有改动" not in edited.stderr and "其中" in edited.stderr,
              "an edited title rebuilds", edited.stderr)
        clean = os.path.join(tmp, "clean")
        subprocess.run([hongfan, "build", "-s", site, "-o", clean, "--now", "2024-07-01", "-q"], check=True)
        check(tree_digest(out) == tree_digest(clean), "the rebuilt output equals a clean build")
        with open(os.path.join(out, "news", "index.html"), encoding="utf-8") as f:
            check("第2条新闻（修订）" in f.read(), "the list shows the new title")

        # A page named in Chinese, without slug:, takes its address from its
        # title: editing the title moves it, and the build says so at the
        # title, with the line that brings the old address back.
        moved = os.path.join(site, "content", "news", "义诊.md")
        write(moved, "---\ntitle: 社区开展义诊活动\ndate: 2024-06-05\n---\n\n正文。\n")
        build()
        old_url = [d for d in os.listdir(os.path.join(out, "news")) if d.startswith("20240605-")]
        write(moved, "---\ntitle: 社区开展义诊服务活动\ndate: 2024-06-05\n---\n\n正文。\n")
        retitled = build()
        new_url = [d for d in os.listdir(os.path.join(out, "news")) if d.startswith("20240605-")]
        check(len(old_url) == 1 and len(new_url) == 1 and old_url != new_url, "the title edit moved the page",
              f"{old_url} {new_url}")
        expected = [
            "content/news/义诊.md:2:8: 警告：标题或日期改了，这篇文章的网址也跟着变成了 "
            f"https://example.org/news/{new_url[0]}/；原来的网址 https://example.org/news/{old_url[0]}/ 现在打不开了",
            "    提示：如果原来的网址已经发出去了（比如发在微信群里），在 title 那一行下面加一行 "
            f"slug: {old_url[0]}，原来的网址就又能打开了",
        ]
        lines = retitled.stderr.splitlines()
        check(retitled.returncode == 0 and all(l in lines for l in expected),
              "the moved page is reported at its title with the slug line that keeps the old address",
              retitled.stderr)
        write(moved, f"---\ntitle: 社区开展义诊服务活动\nslug: {old_url[0]}\ndate: 2024-06-05\n---\n\n正文。\n")
        kept = build()
        check("网址也跟着变" not in kept.stderr and os.path.isdir(os.path.join(out, "news", old_url[0])) and
              not os.path.exists(os.path.join(out, "news", new_url[0])),
              "with that line the old address opens again, and nothing is said", kept.stderr)
        write(moved, f"---\ntitle: 社区开展义诊活动（更正）\nslug: {old_url[0]}\ndate: 2024-06-05\n---\n\n正文。\n")
        check("网址也跟着变" not in build().stderr, "a page with a slug: line is never reported")

        # Each of these is a change the next build must not skip.
        write(os.path.join(site, "content", "news", "2024-06-30-new.md"),
              "---\ntitle: 新增新闻\ndate: 2024-06-30\n---\n\n正文。\n")
        added = build()
        check("没有改动" not in added.stderr and os.path.exists(os.path.join(out, "news", "2024-06-30-new")) ==
              os.path.isdir(os.path.join(out, "news", "2024-06-30-new")), "a new file rebuilds", added.stderr)
        check("新增新闻" in open(os.path.join(out, "index.html"), encoding="utf-8").read(), "home shows the new file")

        home = os.path.join(out, "index.html")
        with open(home, "a", encoding="utf-8") as f:
            f.write("<!-- edited by hand -->")
        repaired = build()
        check("没有改动" not in repaired.stderr and "edited by hand" not in open(home, encoding="utf-8").read(),
              "a file edited inside public/ is put back", repaired.stderr)

        drafts = build("--drafts")
        check("没有改动" not in drafts.stderr, "--drafts is not taken for the same build", drafts.stderr)
        build()
        later = build(now="2024-07-02")
        check("没有改动" not in later.stderr, "the next day is a new build (check's rules count days)", later.stderr)
        same_day = build(now="2024-07-02T20:00")
        check("没有改动" in same_day.stderr, "later the same day is not", same_day.stderr)

        record = os.path.join(site, ".hongfan-cache", "build-record")
        with open(record, "rb") as f:
            data = f.read()
        with open(record, "wb") as f:
            f.write(data[: len(data) // 2])
        cut = build(now="2024-07-02T20:00")
        check(cut.returncode == 0 and "没有改动" not in cut.stderr, "a record cut short is ignored", cut.stderr)

    if failed():
        sys.exit(f"{failed()} check(s) failed")


main()
