"""Builds a fixture site with the hongfan under test, for the e2e scripts."""
import subprocess
import sys


def build_or_exit(hongfan, site, out, now):
    """`hongfan build` of `site` into `out` with today = `now`; a failed build
    ends the test with its errors."""
    r = subprocess.run([hongfan, "build", "-s", site, "-o", out, "--now", now, "-q"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"FAIL: the build of {site} with --now {now} failed:\n{r.stderr}")
