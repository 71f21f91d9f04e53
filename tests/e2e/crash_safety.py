#!/usr/bin/env python3
"""A build killed with SIGKILL at a random moment leaves public/ exactly as a
complete build left it, and the next successful build removes the staging
folder the killed one left behind.

    crash_safety.py HONGFAN [ROUNDS]

Each round edits one article, so the output of the round's build differs from
the previous one; after the kill, public/ must equal either the previous
complete tree or the new complete tree (when the build finished before the
signal), never anything in between.
"""
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from tree_digest import tree_digest  # beside this script


def write_site(site, n):
    os.makedirs(os.path.join(site, "content", "news"), exist_ok=True)
    with open(os.path.join(site, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: 崩溃测试\nbase_url: https://example.org/\n")
    body = "社区开展志愿服务活动，居民踊跃参加。\n\n" * 40
    for i in range(n):
        with open(os.path.join(site, "content", "news", f"a{i:05}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: 第{i}篇\ndate: 2024-01-01\ntags: [t{i % 50}]\n---\n{body}")


def build(hongfan, site, out):
    return subprocess.run([hongfan, "build", "-s", site, "-o", out, "--now", "2024-07-01", "-q"],
                          capture_output=True, text=True)


def main():
    hongfan = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    rng = random.Random(20261122)
    tmp = tempfile.mkdtemp()
    try:
        site = os.path.join(tmp, "site")
        public = os.path.join(site, "public")
        write_site(site, 1500)
        assert build(hongfan, site, public).returncode == 0
        article = os.path.join(site, "content", "news", "a00000.md")
        # The kills aim inside a build like the ones below (one edit, output,
        # image cache and the spare tree of an earlier rebuild already
        # there), not the first, slower ones: aimed by the first, most kills
        # came after the build had finished. Median of three such builds.
        durations = []
        for i in range(4):
            with open(article, "a", encoding="utf-8") as f:
                f.write(f"\n第{i}次预备修改。\n")
            t0 = time.monotonic()
            assert build(hongfan, site, public).returncode == 0
            durations.append(time.monotonic() - t0)
        duration = sorted(durations[1:])[1]
        good = tree_digest(public)
        killed_mid = 0
        for r in range(rounds):
            with open(article, "a", encoding="utf-8") as f:
                f.write(f"\n第{r}次修改。\n")
            # The tree a complete build of the edited input gives.
            ref = os.path.join(tmp, "ref")
            shutil.rmtree(ref, ignore_errors=True)
            assert build(hongfan, site, ref).returncode == 0
            new_good = tree_digest(ref)
            p = subprocess.Popen([hongfan, "build", "-s", site, "-o", public, "--now", "2024-07-01", "-q"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            target, t0 = rng.uniform(0, duration * 1.1), time.monotonic()
            while time.monotonic() - t0 < target and p.poll() is None:
                time.sleep(0.002)
            if p.poll() is not None:
                # Done before the kill: builds are quicker now than when the
                # aim was taken (other tests running beside this one have
                # finished). Aim by the latest builds from here on.
                durations.append(time.monotonic() - t0)
                duration = sorted(durations[-3:])[len(durations[-3:]) // 2]
            p.send_signal(signal.SIGKILL)
            p.wait()
            if p.returncode == -signal.SIGKILL:
                killed_mid += 1
            now = tree_digest(public)
            if now == good:
                pass
            elif now == new_good:
                good = new_good
            else:
                print(f"FAIL round {r}: public/ is neither the previous nor the new complete tree")
                return 1
            if os.path.exists(public) is False:
                print(f"FAIL round {r}: public/ is missing")
                return 1
        # The next good build cleans up what the killed builds left.
        assert build(hongfan, site, public).returncode == 0
        leftovers = [n for n in os.listdir(site) if n.startswith(".public.")]
        if leftovers:
            print(f"FAIL: staging folders left after a successful build: {leftovers}")
            return 1
        # Started from the trees the killed builds left, it still gives what
        # a build into an empty folder gives: no file more, none less.
        ref = os.path.join(tmp, "ref")
        shutil.rmtree(ref, ignore_errors=True)
        assert build(hongfan, site, ref).returncode == 0
        if tree_digest(public) != tree_digest(ref):
            print("FAIL: after the killed builds, public/ differs from a build into an empty folder")
            return 1
        print("ok   the next good build equals a build into an empty folder")
        print(f"ok   {rounds} rounds; public/ was always a complete tree")
        if killed_mid < rounds // 2:
            print(f"FAIL only {killed_mid} of {rounds} builds were killed mid-way (at least {rounds // 2} must be)")
            return 1
        print(f"ok   {killed_mid} of {rounds} builds were killed mid-way")
        print("all checks passed")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
