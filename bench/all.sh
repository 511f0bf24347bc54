#!/usr/bin/env bash
# Every figure of the scale targets, in one command:
#
#   bench/all.sh
#
# For each generator (bench/generate.py, then bench/generate_ministry.py): compare.sh at
# 10,000 profiles on tmpfs beside Hugo (times, ratios to Hugo and to `cp -r`, rebuilds,
# what the output weighs), then at 100,000 without Hugo (time per profile, peak memory,
# weight); then a table of the targets and whether each holds. With LIGHTHOUSE=1, also
# the Lighthouse gate (.ci/gates/lighthouse.sh) at 10,000 and 100,000 profiles.
#
# Environment (all optional):
#   BASELINE=path     another binary (main's) measured beside this one in every run
#   BANGVANG=path     the binary to measure (default: cargo build --release, copied)
#   SIZES="10000 100000"   RUNS10=5  RUNS100=3
#   GENERATORS="generate.py generate_ministry.py"
#   LIGHTHOUSE=1      the Lighthouse audits too (about 3 minutes at 10,000, 6 at 100,000)
#   KEEP_CACHE=1      keep the generated sites in CACHE (default: removed at the end; a
#                     100,000-profile site and its outputs take several GB of tmpfs)
#   CACHE=/dev/shm/bangvang-bench
# Every report is also saved under bench/.work/results/ (see compare.sh).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
SIZES=${SIZES:-10000 100000}
RUNS10=${RUNS10:-5}
RUNS100=${RUNS100:-3}
GENERATORS=${GENERATORS:-generate.py generate_ministry.py}
CACHE=${CACHE:-/dev/shm/bangvang-bench}
export CACHE
mkdir -p "$CACHE" "$here/.work/results"

if [[ -z ${BANGVANG:-} ]]; then
    echo "cargo build --release…" >&2
    (cd "$repo" && cargo build --release --quiet)
    rev=$(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown)
    BANGVANG="$CACHE/bangvang-$rev"
    cp "$repo/target/release/bangvang" "$BANGVANG.tmp" && mv "$BANGVANG.tmp" "$BANGVANG"
fi
export BANGVANG

cleanup() {
    if [[ ${KEEP_CACHE:-0} != 1 ]]; then
        rm -rf "$CACHE"/site-* "$CACHE"/hugo-* "$CACHE"/runs-*
    fi
}
trap cleanup EXIT

summary=$(mktemp)
for gen in $GENERATORS; do
    for n in $SIZES; do
        echo "== $gen, $n profiles…" >&2
        if (( n >= 50000 )); then
            env GENERATOR="$gen" PLACES=tmpfs HUGO=none bash "$here/compare.sh" "$n" "$RUNS100" 2>"$summary.err" \
                || { tail -20 "$summary.err" >&2; exit 1; }
        else
            env GENERATOR="$gen" PLACES=tmpfs bash "$here/compare.sh" "$n" "$RUNS10" 2>"$summary.err" \
                || { tail -20 "$summary.err" >&2; exit 1; }
        fi
        tsv=$(sed -n 's/.*(raw: \(.*\.tsv\)).*/\1/p' "$summary.err" | tail -1)
        printf '%s\t%s\t%s\n' "$gen" "$n" "$tsv" >>"$summary"
        # The site of this size is not needed again: free the tmpfs for the next.
        if [[ ${KEEP_CACHE:-0} != 1 ]]; then rm -rf "$CACHE"/site-n"$n"-* "$CACHE"/hugo-n"$n"-*; fi
    done
done

echo
echo "## The targets"
echo
python3 - "$summary" <<'PY'
import collections, statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
def load(path):
    t, m, notes = collections.defaultdict(list), collections.defaultdict(list), collections.defaultdict(list)
    for r in (l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8") if l.strip()):
        place, step, run, ms, kib = r[:5]
        if place != "tmpfs":
            continue
        if run == "-":
            notes[step].append(int(ms))
        else:
            t[step].append(int(ms)); m[step].append(int(kib))
    med = {k: statistics.median(v) for k, v in t.items()}
    return med, {k: max(v) for k, v in m.items()}, {k: max(v) for k, v in notes.items()}
print("| content | target | measured | holds |")
print("|---|---|---:|---|")
by_gen = collections.defaultdict(dict)
for gen, n, path in rows:
    by_gen[gen][int(n)] = load(path)
def line(gen, what, value, ok):
    print(f"| {gen} | {what} | {value} | {'yes' if ok else '**no**'} |")
for gen, sizes in by_gen.items():
    small = sizes.get(10000) or sizes.get(min(sizes))
    big = sizes.get(100000) or (sizes.get(max(sizes)) if max(sizes) >= 50000 else None)
    n_small = 10000 if 10000 in sizes else min(sizes)
    med, peak, notes = small
    if "hugo" in med:
        r = med["build"] / med["hugo"]
        line(gen, f"build ≤ 0.25 × Hugo (minimal) at {n_small:,}", f"{r:.2f}", r <= 0.25)
    r = med["build"] / med["cp"]
    line(gen, f"build ≤ 1.5 × `cp -r` of its output at {n_small:,}", f"{r:.2f}", r <= 1.5)
    if "base-build" in med:
        line(gen, "build / baseline's build", f"{med['build'] / med['base-build']:.2f}", True)
    w = notes.get("weight-bytes", 0) / n_small
    d = notes.get("kib", 0) * 1024 / n_small
    if "base-kib" in notes:
        rb = notes["kib"] / notes["base-kib"]
        line(gen, f"output per profile ≤ 0.5 × the baseline's (on disk) at {n_small:,}", f"{d:,.0f} B ({rb:.2f}×)", rb <= 0.5)
    else:
        line(gen, f"output per profile at {n_small:,} (pages and indexes; on disk)", f"{w:,.0f} B; {d:,.0f} B", True)
    line(gen, "largest page ≤ 150 KB (print boards apart)", f"{notes.get('largest-page', 0) / 1024:.1f} KB",
         notes.get("largest-page", 0) <= 150 * 1024)
    if big:
        bmed, bpeak, bnotes = big
        line(gen, "100,000: peak memory < 1 GiB", f"{bpeak['build'] / 1024:.0f} MiB", bpeak["build"] < 1024 * 1024)
        per_small = med["build"] / n_small
        per_big = bmed["build"] / 100000
        line(gen, "100,000: time per profile ≤ 1.25 × that at 10,000", f"{per_big / per_small:.2f}×", per_big / per_small <= 1.25)
        line(gen, "100,000: largest page ≤ 150 KB", f"{bnotes.get('largest-page', 0) / 1024:.1f} KB",
             bnotes.get("largest-page", 0) <= 150 * 1024)
        line(gen, "100,000: output (pages and indexes)", f"{bnotes.get('weight-bytes', 0) / 1e9:.2f} GB", True)
PY

if [[ ${LIGHTHOUSE:-0} == 1 ]]; then
    for n in $SIZES; do
        echo
        echo "## Lighthouse, mobile, $n profiles (bench/generate.py)"
        bash "$repo/.ci/gates/install.sh" >/dev/null
        bash "$repo/.ci/gates/lighthouse.sh" "$BANGVANG" "$n" || true
    done
fi
rm -f "$summary" "$summary.err"
