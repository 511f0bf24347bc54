#!/usr/bin/env python3
"""The Markdown report of bench/compare.sh, from its raw results (one line per measure:
place, step, run, milliseconds, peak KiB; run "-" for facts such as file counts).

    python3 bench/report.py RESULTS.tsv N RUNS SEED BANGVANG BV_VERSION HUGO BUSY EDITED LOAD GENERATOR BASELINE
"""
import collections
import datetime
import os
import statistics
import subprocess
import sys

path, n, runs, seed, bv, bv_version, hugo, busy, edit_rel, load0, generator, baseline = sys.argv[1:]
n = int(n)
rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8") if l.strip()]
t = collections.defaultdict(list)     # (place, step) -> [ms]
m = collections.defaultdict(list)     # (place, step) -> [KiB]
notes = collections.defaultdict(list)
busy_samples = collections.defaultdict(list)
for row in rows:
    place, step, run, ms, kib = row[:5]
    busy_flag = len(row) > 5 and row[5] == "1"
    if run == "-":
        notes[(place, step)].append(int(ms))
    else:
        (busy_samples if busy_flag else t)[(place, step)].append(int(ms))
        m[(place, step)].append(int(kib))
# Samples taken while a compile ran count only when fewer than 3 clean ones remain.
left_out = {}
for k, v in busy_samples.items():
    if len(t[k]) >= 3:
        left_out[k] = len(v)
    else:
        t[k].extend(v)

def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return "?"

def sec(ms):
    return f"{ms / 1000:.2f}"

def num(x):
    return f"{x:,}".replace(",", "\u202f")

print(f"### {num(n)} profiles ({generator}), {runs} runs, seed {seed}")
print()
print(f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
cores = sh("nproc")
model = sh("lscpu | sed -n 's/^Model name: *//p'") or "?"
mem = sh("free -h | awk '/^Mem:/ {print $2}'")
print(f"- machine: {cores} cores ({model}), {mem} memory; load average at start: {load0}, at end: {os.getloadavg()[0]:.2f}")
print(f"- bangvang: {bv} ({bv_version}); Hugo: {hugo}")
if baseline != "none":
    print(f"- baseline: {baseline}, measured in each run just before bangvang")
if any(k[1] == "deleted-between-runs" for k in notes):
    print("- on disk, each run's output was removed after the run (not enough room to keep them): later runs may be slower")
if busy_samples:
    n_busy = sum(len(v) for v in busy_samples.values())
    n_all = sum(1 for r in rows if r[2] != "-")
    print(f"- {n_busy} of {n_all} timed steps overlapped a cargo/rustc run started meanwhile; "
          f"{sum(left_out.values())} of them left out of the medians (kept where fewer than 3 clean samples remained)")
if busy == "1":
    print("- **warning: cargo/rustc was running during some runs; times are not reliable**")
print()
places = [p for p in ("tmpfs", "disk") if any(k[0] == p for k in t)]
steps = [
    ("build", "bangvang build (fresh output)"),
    ("base-build", "baseline build (fresh output)"),
    ("base-cp", "`cp -r` of the baseline's output"),
    ("hugo", "Hugo build, minimal templates (fresh output)"),
    ("hugo-full", "Hugo build, full templates (fresh output)"),
    ("cp", "`cp -r` of bangvang's output"),
    ("check", "bangvang check"),
    ("rebuild", "bangvang rebuild, nothing changed"),
    ("edit", "bangvang rebuild, one profile edited"),
]
print("| step | " + " | ".join(f"{p}: median s | {p}: min–max s | {p}: peak MiB" for p in places) + " |")
print("|---|" + "---:|---:|---:|" * len(places))
for step, label in steps:
    if not any((p, step) in t for p in places):
        continue
    cells = []
    for p in places:
        v = t.get((p, step))
        if not v:
            cells += ["", "", ""]
            continue
        cells += [sec(statistics.median(v)), f"{sec(min(v))}–{sec(max(v))}",
                  f"{max(m[(p, step)]) / 1024:.0f}"]
    print(f"| {label} | " + " | ".join(cells) + " |")
print()

def med(p, s):
    v = t.get((p, s))
    return statistics.median(v) if v else None

print("| ratio (medians) | " + " | ".join(places) + " |")
print("|---|" + "---:|" * len(places))
def ratio(a, b, label, fmt="{:.2f}"):
    cells = []
    for p in places:
        x, y = med(p, a), med(p, b)
        cells.append(fmt.format(x / y) if x is not None and y else "")
    if any(cells):
        print(f"| {label} | " + " | ".join(cells) + " |")
ratio("build", "hugo", "bangvang build / Hugo build, minimal (target ≤ 0.25)")
ratio("build", "hugo-full", "bangvang build / Hugo build, full")
ratio("build", "cp", "bangvang build / `cp -r` of its output (target ≤ 1.5)")
ratio("build", "base-build", "bangvang build / baseline build")
ratio("base-build", "base-cp", "baseline build / `cp -r` of its output")
ratio("rebuild", "build", "no-change rebuild / build (target < 0.20)")
ratio("edit", "build", "one-edit rebuild / build")
cells = []
for p in places:
    x = med(p, "build")
    cells.append(f"{x / n * 1000:.1f}" if x is not None and n else "")
print("| bangvang build, µs per profile | " + " | ".join(cells) + " |")
cells = []
for p in places:
    x = med(p, "build")
    cells.append(f"{max(m[(p, 'build')]) / 1024:.0f}" if x is not None else "")
print("| bangvang build, peak MiB (100,000: target < 1024) | " + " | ".join(cells) + " |")
print()
facts = []
for p in places:
    f = notes.get((p, "files"))
    k = notes.get((p, "kib"))
    rw = notes.get((p, "rewritten"))
    ew = notes.get((p, "edit-rewritten"))
    hf = notes.get((p, "hugo-files"))
    s = f"- {p}: bangvang writes {num(max(f))} files ({max(k) / 1024:.0f} MiB)" if f else f"- {p}:"
    if hf:
        s += f"; Hugo {num(max(hf))} files"
    if rw:
        s += f"; files rewritten by a no-change rebuild: {statistics.median(rw):.0f} (target 0)"
    if ew:
        s += f"; by a one-edit rebuild ({edit_rel}): {statistics.median(ew):.0f}"
    facts.append(s)
print("\n".join(facts))
for p in places:
    w, b = notes.get((p, "weight-bytes")), notes.get((p, "kib"))
    bk = notes.get((p, "base-kib"))
    if w:
        line = (f"- {p}: pages and indexes {max(w) / 1e6:.1f} MB ({max(w) / n:,.0f} bytes per profile), "
                f"media {max(notes.get((p, 'media-bytes'), [0])) / 1e6:.1f} MB; largest page "
                f"{max(notes.get((p, 'largest-page'), [0])) / 1024:.1f} KB, "
                f"{max(notes.get((p, 'pages-over-150k'), [0]))} over 150 KB")
        if bk and b:
            line += f"; on disk {max(b) / 1024:.0f} MiB against the baseline's {max(bk) / 1024:.0f} MiB ({max(b) / max(bk):.2f}×)"
        print(line)
