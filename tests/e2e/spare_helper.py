#!/usr/bin/env python3
"""After a first build into a new folder, a helper makes the spare tree in
the background (site/spare_tree.h), and a rebuild takes it.

Checked here:
  - the build returns, and its helper then makes
    .hongfan-cache/spare-public: every file of public/ hard-linked (same
    inode), every folder made, public/ itself untouched;
  - the helper holds .hongfan-cache/spare-public.lock until it is done, and
    names no terminal (the build's output is what it always was);
  - it is started for someone at a terminal, or with HONGFAN_SPARE_HELPER=1
    (as here); a script's build (no terminal) starts none, so a script that
    removes the folders right after the build is not disturbed;
  - `hongfan --help` does not show the helper's command;
  - a rebuild after an edit starts from that spare: it equals a clean build,
    and the unchanged files keep their inode;
  - a build into a folder that already has a spare starts no helper;
  - a build that begins while a helper still works stops it and uses what
    it made (a helper kept busy: a fake one that only holds the lock).

    spare_helper.py HONGFAN
"""
import fcntl
import os
import signal
import subprocess
import sys
import tempfile
import time

from checks import check, failed, write  # beside this script
from tree_digest import tree_digest

def inodes(root):
    """relative path → inode of every file; and the set of folders."""
    files, dirs = {}, set()
    for d, subdirs, names in os.walk(root):
        for s in subdirs:
            dirs.add(os.path.relpath(os.path.join(d, s), root))
        for n in names:
            p = os.path.join(d, n)
            files[os.path.relpath(p, root)] = os.lstat(p).st_ino
    return files, dirs


def wait_for_helper(lock):
    """Waits until no one holds the helper's lock; seconds waited."""
    t0 = time.monotonic()
    with open(lock, "rb") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        fcntl.flock(f, fcntl.LOCK_UN)
    return time.monotonic() - t0


def build(hongfan, site, out, helper="1"):
    env = dict(os.environ, HONGFAN_SPARE_HELPER=helper)
    if helper is None:
        del env["HONGFAN_SPARE_HELPER"]
    return subprocess.run([hongfan, "build", "-s", site, "-o", out, "--now", "2024-07-01"],
                          capture_output=True, text=True, timeout=120, env=env)


def main():
    hongfan = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        out = os.path.join(site, "public")
        cache = os.path.join(site, ".hongfan-cache")
        spare = os.path.join(cache, "spare-public")
        lock = os.path.join(cache, "spare-public.lock")
        write(os.path.join(site, "site.yaml"), "title: 备用树测试\nbase_url: https://example.org/\n")
        for i in range(300):
            write(os.path.join(site, "content", "news", f"a{i:03}.md"),
                  f"---\ntitle: 第{i}篇\ndate: 2024-01-01\ntags: [t{i % 7}]\n---\n居民议事会第{i}次会议。\n")

        script_out = os.path.join(tmp, "by-a-script", "public")
        check(build(hongfan, site, script_out, helper=None).returncode == 0, "a build from a script")
        time.sleep(0.3)
        check(not os.path.exists(os.path.join(tmp, "by-a-script", ".hongfan-cache", "spare-public.lock")),
              "starts no helper (no terminal)")

        r = build(hongfan, site, out)
        check(r.returncode == 0 and "已生成 300 个页面" in r.stderr and r.stdout == "",
              "the first build says what it always said", r.stdout + r.stderr)
        before, _ = inodes(out)
        check(os.path.exists(lock), "the helper's lock file is in the cache")
        waited = wait_for_helper(lock)
        print(f"     (the helper was done {waited:.2f} s after the build returned)")
        files, dirs = inodes(spare) if os.path.isdir(spare) else ({}, set())
        out_files, out_dirs = inodes(out)
        check(files == out_files and len(files) > 600,
              f"the spare holds a hard link to each of the {len(out_files)} files of public/",
              f"{len(files)} files in the spare")
        check(dirs == out_dirs, "and every folder of public/")
        check(out_files == before, "public/ itself was not touched")

        r = subprocess.run([hongfan, "--help"], capture_output=True, text=True)
        check("make-spare" not in r.stdout + r.stderr, "`hongfan --help` does not show the helper's command")

        # A rebuild starts from the spare.
        article = os.path.join(site, "content", "news", "a005.md")
        with open(article, encoding="utf-8") as f:
            text = f.read()
        write(article, text.replace("title: 第5篇", "title: 第5篇（更正）"))
        r = build(hongfan, site, out)
        check(r.returncode == 0, "the rebuild after an edit succeeds", r.stderr)
        ref = os.path.join(tmp, "ref")
        check(build(hongfan, site, ref).returncode == 0, "a clean build of the edited site")
        check(tree_digest(out) == tree_digest(ref), "the rebuild equals a clean build")
        after, _ = inodes(out)
        kept = sum(1 for p, ino in after.items() if before.get(p) == ino)
        check(kept >= len(after) - 20, f"{kept} of {len(after)} files kept their inode")
        check(os.path.isdir(spare), "the replaced tree is the spare now")

        # A build into a folder with a spare starts no helper: the lock file
        # still names the first helper.
        with open(lock, encoding="utf-8") as f:
            noted = f.read()
        write(article, text.replace("title: 第5篇", "title: 第5篇（再更正）"))
        check(build(hongfan, site, out).returncode == 0, "another rebuild succeeds")
        with open(lock, encoding="utf-8") as f:
            check(f.read() == noted, "a build that leaves a spare starts no helper")

        # A helper still at work when a build begins: stopped, its lock freed.
        # The fake one holds the lock on an inherited descriptor, as the real
        # one does, and is named like it.
        os.rename(spare, os.path.join(tmp, "spare-aside"))
        fd = os.open(lock, os.O_RDWR)
        fcntl.flock(fd, fcntl.LOCK_EX)
        fake = subprocess.Popen(["bash", "-c", "exec -a make-spare sleep 60"], pass_fds=(fd,),
                                start_new_session=True)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{fake.pid}\n".encode(), 0)
        os.close(fd)
        time.sleep(0.2)  # bash has become `make-spare 60`
        write(article, text.replace("title: 第5篇", "title: 第5篇（三更正）"))
        t0 = time.monotonic()
        r = build(hongfan, site, out)
        took = time.monotonic() - t0
        fake.wait(timeout=5)
        check(r.returncode == 0 and took < 30, f"a build while a helper works goes on ({took:.1f} s)", r.stderr)
        check(fake.returncode == -signal.SIGKILL, "and stopped the helper", f"returncode {fake.returncode}")
        check(build(hongfan, site, ref).returncode == 0 and tree_digest(out) == tree_digest(ref),
              "its output equals a clean build")

    print("all checks passed" if failed() == 0 else f"{failed()} check(s) failed")
    return 1 if failed() else 0


if __name__ == "__main__":
    sys.exit(main())
