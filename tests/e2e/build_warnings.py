#!/usr/bin/env python3
"""`hongfan build` says what `check` knows: a missing image, a dashed mobile
number in a notice and a Word file under content/ are printed as a count
and the problems (exact Chinese lines), the build exits 0; with more than
five problems it lists the first five and points to `hongfan check`, which
lists them all; a page still holding the starter's placeholder is not
published; `--strict` makes them errors: exit 1, public/ untouched.

    build_warnings.py HONGFAN TESTS_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

from tree_digest import tree_digest  # beside this script

PAGES = {
    "content/news/2024-06-04-photo.md": "---\ntitle: 社区合影\ndate: 2024-06-04\n---\n\n"
                                        "活动结束后大家合影留念。\n\n![合影](/images/missing.jpg)\n",
    "content/notices/2024-06-05-help.md": "---\ntitle: 求助热线\ndate: 2024-06-05\n---\n\n"
                                          "居民王先生的电话：139-5379-2957。\n",
    "content/news/会议纪要.docx": "PK\x03\x04 (a Word document)",
}

THREE = """3 个警告：
content/news/2024-06-04-photo.md:8:1: 警告：找不到图片“/images/missing.jpg”：没有 static/images/missing.jpg 这个文件
    提示：把文件放到 static/ 下，或改正地址
content/news/会议纪要.docx: 警告：这个文件不是 Markdown（.md）文件，不会发布
    提示：把 Word 文档的内容复制到 .md 文件里，或把附件放到 static/ 下
content/notices/2024-06-05-help.md:6:10: 警告：手机号 139-5379-2957 没有打码，会原样发布到网上
    提示：改成 139****2957；如果这是居民可以拨打的工作人员电话，把它写进 data/grids.yaml、stations.yaml 或 contacts.yaml 的 phone，就不再提示
"""

STRICT = THREE.replace("3 个警告：\n", "").replace("警告：", "") + "共 3 个错误；SITE/public 没有改动\n"

MORE = {
    "content/news/2024-06-06-new.md": "---\ntitle: 新文章\ndate: 2024-06-06\n---\n\n在这里写正文。\n",
    "content/news/2024-06-07-links.md": "---\ntitle: 链接\ndate: 2024-06-07\ncover: /images/cover.jpg\n---\n\n"
                                        "见[旧通知](/notices/nope/)。\n",
    "content/说明.txt": "一些说明\n",
}

SEVEN_HEAD = """7 个警告：
content/news/2024-06-04-photo.md:8:1: 警告：找不到图片“/images/missing.jpg”：没有 static/images/missing.jpg 这个文件
    提示：把文件放到 static/ 下，或改正地址
content/news/2024-06-06-new.md:6:1: 警告：正文还是新建时的占位文字“在这里写正文。”，这一页按草稿处理，不会发布
    提示：把“在这里写正文。”换成这一页的正文
content/news/2024-06-07-links.md:4:8: 警告：找不到封面图片“/images/cover.jpg”：没有 static/images/cover.jpg 这个文件
    提示：把文件放到 static/ 下，或改正地址
content/news/2024-06-07-links.md:7:1: 警告：链接“/notices/nope/”打不开：网站里没有 /notices/nope/ 这个页面
    提示：改正地址，或先写好那个页面
content/news/会议纪要.docx: 警告：这个文件不是 Markdown（.md）文件，不会发布
    提示：把 Word 文档的内容复制到 .md 文件里，或把附件放到 static/ 下
……另有 2 个没有列出，运行 hongfan check 查看全部
"""

failures = 0


def check(ok, what, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else "\n" + detail))
    failures += 0 if ok else 1


def run(hongfan, *args):
    return subprocess.run([hongfan, *args], capture_output=True, text=True)


def write(site, files):
    for rel, text in files.items():
        path = os.path.join(site, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def check_same(got, want, what):
    check(got == want, what, "--- expected\n" + want + "--- got\n" + got)


def main():
    hongfan, tests = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        public = os.path.join(site, "public")
        shutil.copytree(os.path.join(tests, "sites", "minimal"), site)
        write(site, PAGES)
        build = ["build", "-s", site, "--now", "2024-07-01"]

        r = run(hongfan, *build, "-q")
        check(r.returncode == 0, f"three problems: exit status 0 (got {r.returncode})")
        check_same(r.stderr.replace(site, "SITE"), THREE, "three problems: the count and every problem")
        check(os.path.isfile(os.path.join(public, "notices/index.html")), "the site was written")

        r = run(hongfan, *build)
        # The summary, then when time alone next changes the output (issue 12).
        last = r.stderr.rstrip("\n").split("\n")[-2]
        # (Nothing changed since the -q build: it says so, and the same problems.)
        check(r.stderr.startswith(THREE) and
              last.replace(site, "SITE").startswith("自上次生成以来没有改动：SITE/public 已是最新（6 个页面"),
              "without -q the summary line follows the problems", r.stderr)

        # --strict: the same problems stop the build; public/ stays as it was.
        before = tree_digest(public)
        write(site, {"content/news/2024-06-04-photo.md": PAGES["content/news/2024-06-04-photo.md"].replace("合影留念", "合影")})
        r = run(hongfan, *build, "-q", "--strict")
        check(r.returncode == 1, f"--strict: exit status 1 (got {r.returncode})")
        check_same(r.stderr.replace(site, "SITE"), STRICT, "--strict: every problem as an error")
        check(tree_digest(public) == before, "--strict: public/ untouched")
        check(not [n for n in os.listdir(site) if n.startswith(".public.")], "--strict: no staging folder left")

        # Seven problems: the first five, then where to see them all.
        write(site, MORE)
        r = run(hongfan, *build, "-q")
        check(r.returncode == 0, f"seven problems: exit status 0 (got {r.returncode})")
        check_same(r.stderr.replace(site, "SITE"), SEVEN_HEAD, "seven problems: a count, five of them, `check`")
        check(not os.path.exists(os.path.join(public, "news/new")) and
              "新文章" not in open(os.path.join(public, "news/index.html"), encoding="utf-8").read(),
              "the placeholder page is not published")
        c = run(hongfan, "check", "-s", site, "--now", "2024-07-01")
        wanted = ["content/news/2024-06-04-photo.md:8:1:", "content/news/2024-06-06-new.md:6:1:",
                  "content/news/2024-06-07-links.md:4:8:", "content/news/2024-06-07-links.md:7:1:",
                  "content/news/会议纪要.docx:", "content/notices/2024-06-05-help.md:6:10:", "content/说明.txt:"]
        missing = [w for w in wanted if w not in c.stdout]
        check(not missing, "`check` lists all seven", "missing: " + ", ".join(missing) + "\n" + c.stdout)
        r = run(hongfan, *build, "-q", "--drafts")
        check(r.returncode == 0 and os.path.isfile(os.path.join(public, "news/new/index.html")),
              "with --drafts the placeholder page is published", r.stderr)

    print(f"{'0 failed' if not failures else f'{failures} failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
