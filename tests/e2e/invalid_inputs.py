#!/usr/bin/env python3
"""Bad input gets exact `file:line:col: message` errors, exit status 1, and
leaves the previous public/ untouched.

    invalid_inputs.py HONGFAN TESTS_DIR

For every case folder under TESTS_DIR/invalid/: copy the valid fixture
TESTS_DIR/sites/minimal to a temp folder, build it once (must succeed), lay
the case's files over it, build again (adding the words of the case's
optional `args.txt`, e.g. `--strict`) and compare stderr with the case's
`expected.txt` line by line; then check that public/ is byte-identical to
the first build and that no staging folder is left behind.
"""
import os
import shutil
import subprocess
import sys
import tempfile

from tree_digest import tree_digest  # beside this script


def build(hongfan, site, extra=()):
    return subprocess.run([hongfan, "build", "-s", site, "--now", "2024-07-01", "-q", *extra],
                          capture_output=True, text=True)


def main():
    hongfan, tests = sys.argv[1], sys.argv[2]
    cases_dir = os.path.join(tests, "invalid")
    passed = failed = 0
    for case in sorted(os.listdir(cases_dir)):
        case_dir = os.path.join(cases_dir, case)
        with tempfile.TemporaryDirectory() as tmp:
            site = os.path.join(tmp, "site")
            shutil.copytree(os.path.join(tests, "sites", "minimal"), site)
            first = build(hongfan, site)
            if first.returncode != 0:
                print(f"FAIL {case}: the valid fixture did not build:\n{first.stderr}")
                failed += 1
                continue
            before = tree_digest(os.path.join(site, "public"))
            expected = None
            extra = []
            for dirpath, dirnames, filenames in os.walk(case_dir):
                # Symbolic links are laid over as links (a case may test them).
                for name in dirnames + filenames:
                    src = os.path.join(dirpath, name)
                    if os.path.islink(src):
                        dst = os.path.join(site, os.path.relpath(src, case_dir))
                        os.makedirs(os.path.dirname(dst), exist_ok=True)
                        os.symlink(os.readlink(src), dst)
                for name in filenames:
                    src = os.path.join(dirpath, name)
                    if os.path.islink(src):
                        continue
                    rel = os.path.relpath(src, case_dir)
                    if rel == "expected.txt":
                        with open(src, encoding="utf-8") as f:
                            expected = f.read()
                        continue
                    if rel == "args.txt":
                        with open(src, encoding="utf-8") as f:
                            extra = f.read().split()
                        continue
                    dst = os.path.join(site, rel)
                    os.makedirs(os.path.dirname(dst), exist_ok=True)
                    shutil.copyfile(src, dst)
            result = build(hongfan, site, extra)
            result.stderr = result.stderr.replace(site, "SITE")
            problems = []
            if result.returncode != 1:
                problems.append(f"exit status {result.returncode}, expected 1")
            if expected is None:
                problems.append("no expected.txt; hongfan said:\n" + result.stderr)
            elif result.stderr != expected:
                problems.append("stderr differs.\n--- expected\n" + expected + "--- got\n" + result.stderr)
            if tree_digest(os.path.join(site, "public")) != before:
                problems.append("public/ changed")
            leftovers = [n for n in os.listdir(site) if n.startswith(".public.")]
            if leftovers:
                problems.append(f"staging folders left behind: {leftovers}")
            if problems:
                failed += 1
                print(f"FAIL {case}: " + "\n  ".join(problems))
            else:
                passed += 1
                print(f"ok   {case}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
