#!/usr/bin/env python3
"""What `hongfan serve` prints in the terminal, in Chinese.

    serve_terminal.py HONGFAN TESTS_DIR

1. On a free port: the first build's line, then 正在预览 with the address;
   a comment added to site.yaml is said to change no page and builds
   nothing, a changed value there builds again; a good edit prints the file and 已生成, never 失败 or "failed" (the
   old `build failed (0 errors)` after every good rebuild); a broken edit
   prints the error at file:line:col and 生成失败, and the page shows the
   error under a Chinese heading; fixing the file rebuilds; a save through
   a temporary file renamed over the article names the article; a new file
   written slowly is built only once it is whole.
2. On a port already taken: the exact error and hint, exit status 2, and
   正在预览 never printed (it was printed before the error).
3. With --poll (what serve does by itself on a Windows drive under WSL,
   where no change notice ever comes): an edit, a new page and a removed
   page are each found and rebuilt, and the page shows the edit.
"""
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ARTICLE = "content/news/2024-06-01-first.md"
BROKEN = "---\ntitle: 第一篇新闻\ntags: [志愿服务, 邻里\ndate: 2024-06-01\n---\n正文\n"
BUILT = r"已生成 \d+ 个页面，用时 \d+ 毫秒"

failures = 0


def check(ok, what, detail=""):
    global failures
    print(("ok   " if ok else "FAIL ") + what + ("" if ok or not detail else "\n" + detail))
    failures += 0 if ok else 1


class Terminal:
    """The serve process and what it printed on stderr so far."""

    def __init__(self, args):
        self.proc = subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        self.text = ""
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in iter(self.proc.stderr.readline, b""):
            with self.lock:
                self.text += raw.decode("utf-8", "replace")

    def wait_for(self, pattern, since=0, timeout=30):
        """The first match of `pattern` (multiline) after offset `since`."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                m = re.compile(pattern, re.M).search(self.text, since)
            if m:
                return m
            if self.proc.poll() is not None:
                time.sleep(0.2)  # let the reader drain
                with self.lock:
                    return re.compile(pattern, re.M).search(self.text, since)
            time.sleep(0.05)
        return None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
            return r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.read().decode("utf-8")


def serving(hongfan, site, tmp):
    port = free_port()
    out = os.path.join(tmp, "out")
    t = Terminal([hongfan, "serve", "-s", site, "-o", out, "--port", str(port), "--now", "2024-07-01"])
    try:
        m = t.wait_for(rf"^正在预览 .*：请在浏览器打开 http://127\.0\.0\.1:{port}/（按 Ctrl\+C 停止）$")
        check(m is not None, "正在预览 with the address", t.text)
        if not m:
            return
        check(re.match(rf"启动：{BUILT}\n", t.text) is not None, "the first build's line comes first", t.text)

        # A comment added to site.yaml changes no page: said so, nothing
        # built. A changed value builds the whole site again.
        mark = len(t.text)
        settings_path = os.path.join(site, "site.yaml")
        settings = open(settings_path, encoding="utf-8").read()
        with open(settings_path, "w", encoding="utf-8") as f:
            f.write("# 网站设置：改之前先备份\n" + settings.replace("pagination: 2", "pagination: 2   # 每页两篇"))
        m = t.wait_for(r"^site\.yaml：只改了注释或空行，页面都不用变$", mark)
        time.sleep(0.5)  # a build would have started by now
        check(m is not None and "已生成" not in t.text[mark:],
              "a comment in site.yaml: said so, and nothing built", t.text[mark:])
        mark = len(t.text)
        with open(settings_path, "w", encoding="utf-8") as f:
            f.write(settings.replace("端到端测试用的小站点", "端到端测试用的小站点（新）"))
        m = t.wait_for(rf"^site\.yaml：{BUILT}$", mark)
        check(m is not None and "端到端测试用的小站点（新）" in fetch(port, "/"),
              "a changed value in site.yaml builds the site again", t.text[mark:])

        # A good edit: the file and 已生成; nothing failed.
        mark = len(t.text)
        path = os.path.join(site, ARTICLE)
        original = open(path, encoding="utf-8").read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(original.replace("第一篇新闻", "第一篇新闻（已更新）"))
        m = t.wait_for(rf"^{re.escape(ARTICLE)}：{BUILT}$", mark)
        check(m is not None, "a good edit prints the file and 已生成", t.text[mark:])
        # After the editor pauses, the full refresh.
        m = t.wait_for(rf"^刷新（整个网站）：{BUILT}$", mark)
        check(m is not None, "then the refresh after a pause", t.text[mark:])
        said = t.text[mark:]
        check("失败" not in said and "failed" not in said.lower() and "built" not in said,
              "no 失败, no English after a good rebuild", said)

        # A broken edit (an ID-card number): the exact error, then 生成失败.
        mark = len(t.text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original + "\n户主身份证号 370811 19580214 3218。\n")
        line = original.count("\n") + 2
        want = (f"{ARTICLE}:{line}:8: 这里有身份证号，绝不能发布到网上\n"
                "    提示：删掉，或打码（例如 3708**********1234）；为了不让它上网，这次没有生成网站\n"
                f"{ARTICLE}：生成失败（1 个错误）；预览仍显示上一次成功生成的网站\n")
        t.wait_for(r"生成失败.*\n", mark)
        check(t.text[mark:] == want, "a broken edit prints the error at file:line:col and 生成失败",
              "--- expected\n" + want + "--- got\n" + t.text[mark:])
        page = fetch(port, "/news/first/")
        check("网站生成失败，下面仍是上一次成功生成的网站：" in page and f"{ARTICLE}:{line}:8: 这里有身份证号" in page,
              "the page shows the error under a Chinese heading")

        # A syntax error: its place in the terminal and the page.
        mark = len(t.text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(BROKEN)
        m = t.wait_for(r"^.*：生成失败（(\d+) 个错误）；预览仍显示上一次成功生成的网站$", mark)
        check(m is not None and m.group(0).startswith(ARTICLE + "："), "a syntax error prints 生成失败",
              t.text[mark:])
        where = re.search(rf"^{re.escape(ARTICLE)}:(\d+):(\d+): ", t.text[mark:], re.M)
        check(where is not None and f"{ARTICLE}:{where.group(1)}:{where.group(2)}: " in fetch(port, "/news/first/"),
              "its file:line:col in the terminal and the page", t.text[mark:])

        # Fixed again.
        mark = len(t.text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        m = t.wait_for(rf"^{re.escape(ARTICLE)}：{BUILT}$", mark)
        check(m is not None, "fixing the file rebuilds", t.text[mark:])
        check("hongfan-build-error" not in fetch(port, "/news/first/"), "and the page shows no error")

        # Saved the way sed -i and many editors save: a temporary file beside
        # it, renamed over it. The terminal names the article, not the
        # temporary file that came and went.
        mark = len(t.text)
        temporary = os.path.join(os.path.dirname(path), "sedX1b2c3")
        with open(temporary, "w", encoding="utf-8") as f:
            f.write(original.replace("第一篇新闻", "第一篇新闻（另存）"))
        os.replace(temporary, path)
        m = t.wait_for(rf"^.*：{BUILT}$", mark)
        check(m is not None and m.group(0).startswith(ARTICLE + "："),
              "a save through a temporary file names the article", t.text[mark:])

        # A new article written slowly (its front matter first, the rest a
        # moment later, as a program copying a big file does): serve waits
        # for the file to be closed, and never builds it half written.
        mark = len(t.text)
        new = "content/news/2024-06-03-slow.md"
        with open(os.path.join(site, new), "w", encoding="utf-8") as f:
            f.write("---\ntitle: 慢慢写好的新闻\n")
            f.flush()
            time.sleep(0.3)
            f.write("date: 2024-06-03\n---\n正文。\n")
        m = t.wait_for(rf"^.*：{BUILT}$", mark)
        said = t.text[mark:]
        check(m is not None and "失败" not in said and "慢慢写好的新闻" in fetch(port, "/news/slow/"),
              "a new file written slowly is built once it is whole, with no error on the way", said)
    finally:
        t.stop()


def port_taken(hongfan, site, tmp):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        out = os.path.join(tmp, "out2")
        t = Terminal([hongfan, "serve", "-s", site, "-o", out, "--port", str(port), "--now", "2024-07-01"])
        try:
            t.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            t.stop()
        t.wait_for(r"\Z", timeout=1)
        time.sleep(0.2)
    want = (f"无法在 127.0.0.1:{port} 上监听：端口已被占用或不允许使用\n"
            f"    提示：关掉占用端口的程序，或换一个端口：--port {port + 1}\n")
    check(t.proc.returncode == 2, f"port taken: exit status 2 (got {t.proc.returncode})")
    check(re.fullmatch(rf"启动：{BUILT}\n" + re.escape(want), t.text) is not None,
          "port taken: the first build, then exactly the error and its hint", t.text)
    check("正在预览" not in t.text, "port taken: 正在预览 is not printed")


def polling(hongfan, site, tmp):
    port = free_port()
    out = os.path.join(tmp, "out3")
    t = Terminal([hongfan, "serve", "--poll", "-s", site, "-o", out, "--port", str(port), "--now", "2024-07-01"])
    try:
        m = t.wait_for(r"^正在预览 ", timeout=60)
        check(m is not None, "--poll: 正在预览", t.text)
        if not m:
            return
        path = os.path.join(site, ARTICLE)
        original = open(path, encoding="utf-8").read()
        mark = len(t.text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original.replace("第一篇新闻", "第一篇新闻（轮询）"))
        m = t.wait_for(rf"^{re.escape(ARTICLE)}：{BUILT}$", mark, timeout=15)
        check(m is not None, "--poll: an edit is found and rebuilt", t.text[mark:])
        check("第一篇新闻（轮询）" in fetch(port, "/news/first/"), "--poll: the page shows the edit")
        added = "content/news/2024-06-30-polled.md"
        mark = len(t.text)
        with open(os.path.join(site, added), "w", encoding="utf-8") as f:
            f.write("---\ntitle: 新加的一篇\ndate: 2024-06-30\n---\n正文\n")
        m = t.wait_for(rf"^{re.escape(added)}：{BUILT}$", mark, timeout=15)
        check(m is not None, "--poll: a new page is found and built", t.text[mark:])
        mark = len(t.text)
        os.remove(os.path.join(site, added))
        m = t.wait_for(rf"^{re.escape(added)}：{BUILT}$", mark, timeout=15)
        check(m is not None, "--poll: a removed page is found", t.text[mark:])
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
    finally:
        t.stop()


def main():
    hongfan, tests = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        shutil.copytree(os.path.join(tests, "sites", "minimal"), site)
        serving(hongfan, site, tmp)
        port_taken(hongfan, site, tmp)
        polling(hongfan, site, tmp)
    print(f"{failures} failed" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
