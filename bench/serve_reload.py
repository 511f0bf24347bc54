#!/usr/bin/env python3
"""Measures how soon `bangvang serve` shows an edit to one profile.

    python3 bench/serve_reload.py SITE_DIR [--bin target/release/bangvang] [--runs 10]

SITE_DIR is a site (e.g. made by bench/generate.py). Starts `serve` on a free port,
waits for the first build, then RUNS times: rewrites one profile's summary and polls its
page (every 5 ms) until the new text is served, waiting --gap seconds between edits. Prints each delay from the write to the
first response with the new text, and the median. Restores the profile at the end.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode("utf-8", "replace")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "bangvang"))
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--gap", type=float, default=2.0, help="seconds between edits (the search index follows each reload on another thread)")
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.site, "content", "20*", "*.md")))
    if not files:
        print("no profiles in", a.site, file=sys.stderr)
        return 2
    target = files[len(files) // 2]
    year, slug = target.split(os.sep)[-2], os.path.basename(target)[:-3]
    original = open(target, encoding="utf-8").read()
    started = time.monotonic()
    proc = subprocess.Popen([a.bin, "serve", "--root", a.site, "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        m = re.search(r"http://([0-9.:]+)/", line)
        if not m:
            print("serve did not start:", line, file=sys.stderr)
            return 2
        base = f"http://{m.group(1)}"
        print(f"first build and start: {time.monotonic() - started:.2f} s ({len(files)} profiles)")
        page = f"{base}/{year}/{slug}/"
        fetch(page)
        delays = []
        for run in range(a.runs):
            marker = f"Bản sửa số {run} lúc {time.time_ns()}"
            text = re.sub(r'^summary = ".*"$', f'summary = "{marker}"', original, count=1, flags=re.M)
            t0 = time.monotonic()
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            while marker not in fetch(page):
                if time.monotonic() - t0 > 30:
                    print("timed out waiting for the edit", file=sys.stderr)
                    return 1
                time.sleep(0.005)
            delays.append((time.monotonic() - t0) * 1000)
            print(f"edit {run + 1}: {delays[-1]:.0f} ms")
            time.sleep(a.gap)
        print(f"serve reload: median {statistics.median(delays):.0f} ms, max {max(delays):.0f} ms over {len(delays)} edits")
        return 0
    finally:
        with open(target, "w", encoding="utf-8") as f:
            f.write(original)
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
