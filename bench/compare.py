#!/usr/bin/env python3
"""Time two (or more) site generators against each other, alternating them.

    python3 compare.py [-n 5] [--warmup 1] [--ref NAME] [--json FILE] \\
        --tool hongfan OUT1 'build/hongfan build -s SITE1 -o OUT1 --now 2026-01-01' \\
        --tool hugo    OUT2 'hugo --quiet -s SITE2 -d OUT2'

Each --tool takes NAME, its OUTPUT directory and its COMMAND (one string,
split like a shell would with shlex; no shell is run). Stdlib only.

Every run is one whole process, start-up included: wall clock around the
process, user and sys time and peak RSS from os.wait4() on the finished child (peak = the
largest single process among the child and the descendants it waited for).
Stdin is empty, stdout is discarded, stderr is kept in a temporary file and
shown if the command fails (a failing command stops the comparison).

Before each run, outside the timed region, the tool's previous output
directory is moved aside (into OUTDIR/../.compare-trash, emptied at the end;
see Trash for why not deleted) and sync(2) flushes pending writes, so every
run is a full build into a directory that does not exist yet, with no
write-back pending.

The tools are alternated: round r runs every tool once, the order rotated by
r (A B, B A, A B, ...), so slow drift of the machine (thermal, other load,
page cache) hits both tools alike. WARMUP rounds run first and are not
counted. After the last round the outputs are left in place; the HTML files
of each are counted and, with two tools, the file lists are compared.

Prints min/median/max per tool, then a table of medians and the ratios of
every tool to the reference tool (--ref, default: the last --tool).
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

KEYS = ("wall s", "user s", "sys s", "cpu s", "peak MiB")


class Trash:
    """Old output directories, moved aside during the benchmark, deleted at the end.

    Deleting a large tree right before a build makes the build slower: ext4
    will not reuse an inode freed in the last 60-300 s ("recently_deleted"),
    so creating thousands of files right after deleting thousands scans the
    inode tables, and the build is charged seconds of system time that depend
    on how long ago the delete was. Renaming the old output away is cheap and
    frees nothing, so every timed build starts from the same state."""

    def __init__(self):
        self.dirs = {}
        self.n = 0

    def discard(self, path):
        if not os.path.lexists(path):
            return
        parent = os.path.dirname(path)
        trash = self.dirs.get(parent)
        if trash is None:
            trash = os.path.join(parent, ".compare-trash")
            if os.path.lexists(trash):
                shutil.rmtree(trash)
            os.mkdir(trash)
            self.dirs[parent] = trash
        self.n += 1
        os.rename(path, os.path.join(trash, f"{self.n}-{os.path.basename(path)}"))

    def empty(self):
        for trash in self.dirs.values():
            shutil.rmtree(trash, ignore_errors=True)
        self.dirs.clear()


def run_once(cmd, out_dir, trash, sync=True):
    """Move out_dir aside and flush dirty pages (untimed), then run cmd once and measure it."""
    trash.discard(out_dir)
    if sync:
        os.sync()  # so no tool pays for the write-back of the previous one's output
    with tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        try:
            p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        except OSError as e:
            return {"rc": 127, "stderr": f"cannot run {cmd[0]!r}: {e}"}
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
        rc = os.waitstatus_to_exitcode(status)
        p.returncode = rc
        r = {"wall s": wall, "user s": ru.ru_utime, "sys s": ru.ru_stime,
             "cpu s": ru.ru_utime + ru.ru_stime, "peak MiB": ru.ru_maxrss / 1024.0, "rc": rc}
        if rc != 0:
            err.seek(0)
            r["stderr"] = err.read()[-4000:].decode("utf-8", "replace")
    return r


def scan(out_dir):
    """Relative paths of every file under out_dir, and total bytes."""
    paths, size = set(), 0
    for root, _dirs, files in os.walk(out_dir):
        for f in files:
            full = os.path.join(root, f)
            paths.add(os.path.relpath(full, out_dir))
            try:
                size += os.lstat(full).st_size
            except OSError:
                pass
    return paths, size


def fmt_ratio(a, b):
    return f"{a / b:.2f}" if b else "n/a"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=5, help="counted rounds (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="uncounted rounds first (default 1)")
    ap.add_argument("--tool", nargs=3, action="append", metavar=("NAME", "OUTDIR", "COMMAND"),
                    required=True, help="a tool to time; repeat for each tool")
    ap.add_argument("--ref", help="tool the ratios are relative to (default: the last --tool)")
    ap.add_argument("--no-sync", action="store_true", help="do not sync(2) before each run")
    ap.add_argument("--json", metavar="FILE", help="also write every run and the summary as JSON")
    a = ap.parse_args()

    tools = []
    for name, out, cmd in a.tool:
        argv = shlex.split(cmd)
        if not argv:
            ap.error(f"--tool {name}: empty COMMAND")
        tools.append({"name": name, "out": os.path.abspath(out), "cmd": argv, "runs": []})
    names = [t["name"] for t in tools]
    if len(set(names)) != len(names):
        ap.error("tool names must differ")
    ref = a.ref or names[-1]
    if ref not in names:
        ap.error(f"--ref {ref}: no such tool")
    if a.n < 1:
        ap.error("-n must be at least 1")

    for t in tools:
        print(f"{t['name']:>8}: {shlex.join(t['cmd'])}", flush=True)
    print(f"{a.warmup} warm-up round(s), {a.n} counted round(s), order rotated each round", flush=True)

    trash = Trash()
    try:
        rc = time_rounds(a, tools, trash)
    finally:
        trash.empty()
    if rc:
        return rc
    return report(a, tools, names, ref)


def time_rounds(a, tools, trash):
    total = a.warmup + a.n
    for rnd in range(total):
        k = rnd % len(tools)
        order = tools[k:] + tools[:k]
        counted = rnd >= a.warmup
        label = f"round {rnd - a.warmup + 1}/{a.n}" if counted else f"warm-up {rnd + 1}/{a.warmup}"
        parts = []
        for t in order:
            r = run_once(t["cmd"], t["out"], trash, sync=not a.no_sync)
            if r["rc"] != 0:
                print(f"\n{label}: {t['name']} FAILED with exit status {r['rc']}", file=sys.stderr)
                print(f"command: {shlex.join(t['cmd'])}", file=sys.stderr)
                tail = r.get("stderr", "").rstrip()
                if tail:
                    print("--- stderr (tail) ---\n" + tail, file=sys.stderr)
                return 1
            if counted:
                t["runs"].append(r)
            parts.append(f"{t['name']} {r['wall s']:.2f}s/{r['peak MiB']:.0f}MiB")
        print(f"{label:>15}: " + "  ".join(parts), flush=True)
    return 0


def report(a, tools, names, ref):
    # per-tool detail
    for t in tools:
        print(f"\n{t['name']}  ({a.n} runs)")
        print(f"  {'':10}{'min':>10}{'median':>10}{'max':>10}")
        t["median"] = {}
        for key in KEYS:
            v = [r[key] for r in t["runs"]]
            t["median"][key] = statistics.median(v)
            print(f"  {key:10}{min(v):10.3f}{statistics.median(v):10.3f}{max(v):10.3f}")

    # outputs of the last round
    for t in tools:
        if not os.path.isdir(t["out"]):
            print(f"warning: {t['name']}: output directory {t['out']} does not exist after the last run "
                  "(relative OUTDIR? hugo resolves -d against -s)", file=sys.stderr)
        paths, size = scan(t["out"])
        t["paths"] = paths
        t["files"] = len(paths)
        t["html"] = sum(1 for p in paths if p.endswith(".html"))
        t["bytes"] = size

    # summary table
    r0 = next(t for t in tools if t["name"] == ref)
    w = max(8, max(len(n) for n in names), max(len(n) + 1 + len(ref) for n in names if n != ref) if len(names) > 1 else 0)
    print(f"\nmedians of {a.n} alternated runs")
    print(f"{'tool':<{w}} {'wall s':>9} {'cpu s':>9} {'peak MiB':>9} {'HTML':>8} {'files':>8} {'MiB out':>8}")
    for t in tools:
        m = t["median"]
        print(f"{t['name']:<{w}} {m['wall s']:9.3f} {m['cpu s']:9.3f} {m['peak MiB']:9.1f} "
              f"{t['html']:8d} {t['files']:8d} {t['bytes'] / 1048576:8.1f}")
    for t in tools:
        if t is r0:
            continue
        m, mr = t["median"], r0["median"]
        print(f"{t['name'] + '/' + ref:<{w}} {fmt_ratio(m['wall s'], mr['wall s']):>9} "
              f"{fmt_ratio(m['cpu s'], mr['cpu s']):>9} {fmt_ratio(m['peak MiB'], mr['peak MiB']):>9} "
              f"{fmt_ratio(t['html'], r0['html']):>8} {fmt_ratio(t['files'], r0['files']):>8} "
              f"{fmt_ratio(t['bytes'], r0['bytes']):>8}")

    # same pages? (two tools)
    if len(tools) == 2:
        ta, tb = tools
        only_a = sorted(ta["paths"] - tb["paths"])
        only_b = sorted(tb["paths"] - ta["paths"])
        common = len(ta["paths"] & tb["paths"])
        print(f"\noutput files: {common} in both, {len(only_a)} only {ta['name']}, {len(only_b)} only {tb['name']}")
        for t, only in ((ta, only_a), (tb, only_b)):
            if not only:
                continue
            groups = {}
            for p in only:
                top = p.split(os.sep)[0] if os.sep in p else p
                if p.endswith(os.path.join("page", "1", "index.html")) and p.count(os.sep) > 3:
                    key = top + "/*/page/1/"
                elif p.endswith(os.path.join("page", "1", "index.html")):
                    key = top + "/page/1/"
                else:
                    key = top + ("/" if os.sep in p else "")
                groups.setdefault(key, []).append(p)
            print(f"  only {t['name']}:")
            for key, ps in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:12]:
                print(f"    {len(ps):6d}  {key:<24} e.g. {ps[0]}")

    if a.json:
        doc = {"runs": a.n, "warmup": a.warmup, "ref": ref, "tools": [
            {"name": t["name"], "cmd": t["cmd"], "out": t["out"],
             "runs": [{k: r[k] for k in KEYS} for r in t["runs"]],
             "median": t["median"], "html": t["html"], "files": t["files"], "bytes": t["bytes"]}
            for t in tools]}
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
