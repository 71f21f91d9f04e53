#!/usr/bin/env python3
"""The loop users run: build again and again into the same output folder.

    python3 bench/loop.py [-n 5] \\
        --tool hongfan SITE1 OUT1 'build/hongfan build -s SITE1 -o OUT1 --now 2026-01-01' \\
        --tool hugo    SITE2 OUT2 'hugo --quiet -s SITE2 -d OUT2'

bench/loop.sh prepares both sites from one corpus and calls this. Each
round runs three builds per tool, the tools alternated (A B, B A, ...):

  cold       no output folder and no cache (both moved aside, untimed)
  no-change  the same input again, into the output the cold build left
  one-edit   one article's title changed (the same file in both sites),
             into the same output
  next-edit  the same title changed again: the edit after the first, as a
             user saving and building again and again meets it (hongfan
             starts from the tree the one-edit build replaced)

Every build is one whole process, measured with os.wait4(): wall clock,
user + sys CPU, peak RSS. Work a build leaves running in the background
(hongfan's helper that makes the spare tree after a cold build,
site/spare_tree.h) is waited for before the next build of either tool, so
it slows neither, and is reported on its own ("background"). After the no-change build it also counts the
files whose mtime changed (a no-change rebuild should write none). Prints
medians per scenario and the ratios to the reference tool (the last one).
Stdlib only.
"""
import argparse
import fcntl
import glob
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SCENARIOS = ("cold", "no-change", "one-edit", "next-edit")
CACHES = (".hongfan-cache", "resources")  # hongfan's and Hugo's caches beside the output


def measure(cmd):
    with tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
        rc = os.waitstatus_to_exitcode(status)
        if rc != 0:
            err.seek(0)
            sys.exit(f"{shlex.join(cmd)} failed ({rc}):\n" + err.read()[-3000:].decode("utf-8", "replace"))
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "peak": ru.ru_maxrss / 1024.0}


def background(out):
    """Waits for what a build left running beside `out`: a process holding
    a lock file in the cache there (hongfan's spare helper holds
    .hongfan-cache/spare-NAME.lock until it is done). Returns the wait in s."""
    t0 = time.monotonic()
    for lock in glob.glob(os.path.join(os.path.dirname(out), ".hongfan-cache", "*.lock")):
        with open(lock, "rb") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            fcntl.flock(f, fcntl.LOCK_UN)
    return time.monotonic() - t0


def run(t, scenario):
    m = measure(t["cmd"])
    m["background"] = background(t["out"])
    t["runs"][scenario].append(m)


def mtimes(out):
    seen = {}
    for root, _dirs, files in os.walk(out):
        for f in files:
            p = os.path.join(root, f)
            seen[p] = os.lstat(p).st_mtime_ns
    return seen


def move_aside(path, trash):
    if os.path.lexists(path):
        os.makedirs(trash, exist_ok=True)
        os.rename(path, os.path.join(trash, f"{time.monotonic_ns()}-{os.path.basename(path)}"))


def edit_title(site, article, rnd):
    path = os.path.join(site, article)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"^title: .*$", f"title: 社区开展第{rnd}次消防演练", text, count=1, flags=re.M)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=5, help="rounds (default 5)")
    ap.add_argument("--article", help="the article (relative to each site) whose title one-edit changes "
                    "(default: the first file in the first site's content/news/)")
    ap.add_argument("--tool", nargs=4, action="append", required=True,
                    metavar=("NAME", "SITE", "OUTDIR", "COMMAND"))
    a = ap.parse_args()
    tools = [{"name": n, "site": s, "out": os.path.abspath(o), "cmd": shlex.split(c),
              "runs": {k: [] for k in SCENARIOS}, "touched": []} for n, s, o, c in a.tool]
    if not a.article:
        a.article = "content/news/" + sorted(os.listdir(os.path.join(tools[0]["site"], "content", "news")))[0]
    for t in tools:
        if not os.path.exists(os.path.join(t["site"], a.article)):
            sys.exit(f"{t['name']}: no {a.article} in {t['site']}")
    trash = os.path.join(os.path.dirname(tools[0]["out"]), ".loop-trash")
    try:
        for rnd in range(a.n):
            k = rnd % len(tools)
            for t in tools[k:] + tools[:k]:
                parent = os.path.dirname(t["out"])
                move_aside(t["out"], trash)
                for c in CACHES:
                    move_aside(os.path.join(parent, c), trash)
                    move_aside(os.path.join(t["site"], c), trash)
                os.sync()
                run(t, "cold")
                before = mtimes(t["out"])
                run(t, "no-change")
                after = mtimes(t["out"])
                t["touched"].append(sum(1 for p, m in after.items() if before.get(p) != m))
                edit_title(t["site"], a.article, rnd)
                run(t, "one-edit")
                edit_title(t["site"], a.article, rnd + 1000)
                run(t, "next-edit")
            print(f"round {rnd + 1}/{a.n}: " + "  ".join(
                f"{t['name']} " + "/".join(f"{t['runs'][s][-1]['wall']:.2f}" for s in SCENARIOS)
                for t in tools), flush=True)
    finally:
        shutil.rmtree(trash, ignore_errors=True)

    ref = tools[-1]
    for t in tools:
        t["median"] = {s: {key: statistics.median(r[key] for r in t["runs"][s])
                           for key in ("wall", "cpu", "peak", "background")}
                       for s in SCENARIOS}
    print(f"\nmedians of {a.n} rounds (wall s / cpu s / peak MiB); ratio = tool / {ref['name']}")
    for s in SCENARIOS:
        print(f"\n{s}")
        r = ref["median"][s]
        for t in tools:
            m = t["median"][s]
            line = f"  {t['name']:>8}: {m['wall']:7.3f} s  {m['cpu']:7.3f} s  {m['peak']:7.0f} MiB"
            if t is not ref:
                line += f"   ratio wall {m['wall'] / r['wall']:.3f}  memory {m['peak'] / r['peak']:.3f}"
            if m["background"] >= 0.01:
                line += f"   then {m['background']:.2f} s in the background"
            print(line)
    for t in tools:
        print(f"{t['name']}: files whose mtime a no-change rebuild changed: {t['touched']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
