#!/usr/bin/env bash
# bangvang side by side with Hugo on N generated profiles.
#
#   bench/compare.sh N [RUNS]          (RUNS defaults to 5)
#
# Generates N profiles (bench/generate.py, cached per N and seed), converts them to a
# Hugo site (bench/to_hugo.py), then on tmpfs (/dev/shm) and on disk (bench/.work/)
# times, RUNS times and alternately, each step of a run:
#
#   A  bangvang build into a fresh output folder (and, with BASELINE, the baseline's build
#      and cp -r of its output, alternated with it)
#      bangvang build again into the same folder, nothing changed (no-change rebuild)
#      bangvang build again after one profile was edited (one-edit rebuild)
#      cp -r of bangvang's output
#      bangvang check
#   B  hugo build into a fresh output folder, minimal templates (name, unit, year,
#      summary, story), then again with the full ones (what bangvang's theme shows)
#
# with wall time and peak memory (/usr/bin/time -f '%M'), then prints medians as a
# Markdown table (also saved under bench/.work/results/), and what the output weighs
# (bench/weights.py: by kind of file, per profile, the largest page).
#
# Environment:
#   SEED=1                    generator seed
#   GENERATOR=generate.py     the content: generate.py (a provincial department, 11 years)
#                             or generate_ministry.py (a ministry: ~500 units, 5 years,
#                             long stories); the Hugo conversion is the same
#   BASELINE=path             another bangvang binary (main's) measured beside BANGVANG in
#                             each run: its fresh build and the cp -r of its output
#   PLACES="tmpfs disk"       where to measure
#   BANGVANG=path             the binary to measure (default: cargo build --release, then
#                             a copy of target/release/bangvang, so that a rebuild by
#                             someone else during the benchmark does not change it)
#   HUGO=hugo                 the Hugo binary; HUGO=none measures bangvang alone
#   HUGO_FULL=1               also time Hugo with the full templates (--environment full:
#                             decisions, criteria, movements, a search index); 0 skips it
#   CACHE=/dev/shm/bangvang-bench   where generated sites are cached (per N and seed)
#   WORK=bench/.work          the on-disk working folder (git-ignored)
#   KEEP=1                    keep the outputs (default: removed at the end)
#   BENCH_WAIT=900            seconds to wait for a running cargo/rustc before each step
#                             (a step during which a compile started is marked, and
#                             left out of the medians when at least 3 clean ones remain)
#   TIMINGS=1                 pass --timings to bangvang build and show the last report
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)

usage() { echo "usage: bench/compare.sh N [RUNS]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
N=$1
RUNS=${2:-5}
[[ $N =~ ^[0-9]+$ && $RUNS =~ ^[1-9][0-9]*$ ]] || usage

SEED=${SEED:-1}
GENERATOR=${GENERATOR:-generate.py}
BASELINE=${BASELINE:-}
[[ -f $here/$GENERATOR ]] || { echo "no generator bench/$GENERATOR" >&2; exit 2; }
PLACES=${PLACES:-tmpfs disk}
HUGO=${HUGO:-hugo}
CACHE=${CACHE:-/dev/shm/bangvang-bench}
WORK=${WORK:-$here/.work}
KEEP=${KEEP:-0}
BENCH_WAIT=${BENCH_WAIT:-900}
TIMINGS=${TIMINGS:-1}
HUGO_FULL=${HUGO_FULL:-1}
TIME=/usr/bin/time

say() { printf '%s\n' "$*" >&2; }

# --- tools -----------------------------------------------------------------------------
if [[ ! -x $TIME ]]; then
    say "installing GNU time (apt-get install -y time)…"
    apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
if [[ $HUGO != none ]] && ! command -v "$HUGO" >/dev/null; then
    say "Hugo is missing: apt-get install -y hugo (or HUGO=none to measure bangvang alone)"
    exit 2
fi

BUSY=0
compiling() { pgrep -x cargo >/dev/null || pgrep -x rustc >/dev/null; }
wait_idle() {
    local waited=0
    while compiling; do
        if (( waited == 0 )); then say "  waiting for cargo/rustc to finish…"; fi
        if (( waited >= BENCH_WAIT )); then
            say "  still compiling after ${waited} s: measuring anyway (the table says so)"
            BUSY=1
            return
        fi
        sleep 5
        waited=$((waited + 5))
    done
}

mkdir -p "$CACHE" "$WORK/results"

# --- the binary ------------------------------------------------------------------------
rev=$(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown)
if [[ -z ${BANGVANG:-} ]]; then
    say "cargo build --release…"
    (cd "$repo" && cargo build --release --quiet)
    BANGVANG="$CACHE/bangvang-$rev"
    cp "$repo/target/release/bangvang" "$BANGVANG.tmp" && mv "$BANGVANG.tmp" "$BANGVANG"
    bv_label="$rev (target/release, copied)"
else
    bv_label="$BANGVANG"
fi
bv_version=$("$BANGVANG" --version 2>/dev/null || echo bangvang)
hugo_version=$([[ $HUGO == none ]] && echo "not measured" || "$HUGO" version | sed 's/ BuildDate.*//')

# --- the sites (cached) ----------------------------------------------------------------
# Cached per N and seed, and per version of the generator and of the Hugo conversion.
gen_hash=$(cat "$here/generate.py" "$here/$GENERATOR" | sha1sum | cut -c1-8)
hugo_hash=$(cd "$here" && cat to_hugo.py $(find hugo -type f | sort) | sha1sum | cut -c1-8)
gen_tag=$([[ $GENERATOR == generate.py ]] && echo "" || echo "-${GENERATOR%.py}")
key="n$N-s$SEED$gen_tag"
site_tmpfs="$CACHE/site-$key-g$gen_hash"
hugo_tmpfs="$CACHE/hugo-$key-g$gen_hash-h$hugo_hash"
for old in "$CACHE"/site-"$key"-* "$CACHE"/hugo-"$key"-* "$WORK"/site-"$key"-* "$WORK"/hugo-"$key"-*; do
    case $old in
        "$site_tmpfs" | "$hugo_tmpfs" | "$WORK/$(basename "$site_tmpfs")" | "$WORK/$(basename "$hugo_tmpfs")") ;;
        *) [[ -e $old ]] && rm -rf "$old" ;;
    esac
done
if [[ ! -f $site_tmpfs/.complete ]]; then
    rm -rf "$site_tmpfs"
    say "generating $N profiles (seed $SEED) into $site_tmpfs…"
    python3 "$here/$GENERATOR" "$N" "$site_tmpfs" --seed "$SEED"
    touch "$site_tmpfs/.complete"
fi
if [[ $HUGO != none && ! -f $hugo_tmpfs/.complete ]]; then
    rm -rf "$hugo_tmpfs"
    python3 "$here/to_hugo.py" "$site_tmpfs" "$hugo_tmpfs"
    touch "$hugo_tmpfs/.complete"
fi
# The profile the one-edit rebuild changes: the first of the latest year.
edit_rel=$(cd "$site_tmpfs/content" && ls -d 20[0-9][0-9] | sort | tail -1)
edit_rel="content/$edit_rel/$(cd "$site_tmpfs/content/$edit_rel" && find . -mindepth 1 -maxdepth 2 \( -path './*.md' -o -path './*/index.md' \) ! -name '_*' | sed 's|^\./||' | grep -v '^_' | LC_ALL=C sort | awk 'NR == 1')"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
load0=$(cut -d" " -f1 /proc/loadavg)
results="$WORK/results/compare-$key-$stamp.tsv"
report="$WORK/results/compare-$key-$stamp.md"
: > "$results"
log=$(mktemp)
tfile=$(mktemp)
timings_report=""
weights_report=""
weights_base=""
trap 'rm -f "$log" "$tfile"' EXIT

# measure PLACE STEP RUN cmd…: one line of results (ms, KiB).
measure() {
    local place=$1 step=$2 run=$3
    shift 3
    local t0 t1 kib busy=0
    wait_idle
    t0=$(date +%s%N)
    if ! "$TIME" -f '%M' -o "$tfile" "$@" >"$log" 2>&1; then
        say "FAILED ($place, $step, run $run): $*"
        tail -20 "$log" >&2
        exit 1
    fi
    t1=$(date +%s%N)
    kib=$(tail -1 "$tfile")
    # A compile that started during the step makes this sample suspect.
    if compiling; then busy=1; fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$place" "$step" "$run" $(( (t1 - t0) / 1000000 )) "$kib" "$busy" >> "$results"
}

# note PLACE KEY VALUE: a fact about a place (files, sizes, rewritten files).
note() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "-" "$3" "" 0 >> "$results"; }

for place in $PLACES; do
    case $place in
        tmpfs) base="$CACHE"; site="$site_tmpfs"; hsite="$hugo_tmpfs" ;;
        disk)
            base="$WORK"
            site="$WORK/$(basename "$site_tmpfs")"; hsite="$WORK/$(basename "$hugo_tmpfs")"
            if [[ ! -f $site/.complete ]]; then
                rm -rf "$site"; cp -r "$site_tmpfs" "$site"
            fi
            if [[ $HUGO != none && ! -f $hsite/.complete ]]; then
                rm -rf "$hsite"; cp -r "$hugo_tmpfs" "$hsite"
            fi
            ;;
        *) say "unknown place $place (tmpfs or disk)"; exit 2 ;;
    esac
    runs="$base/runs-$key-$stamp"
    mkdir -p "$runs"
    # The edited copy of the site: hard links, except the one edited file.
    edit_site="$runs/site-edited"
    cp -al "$site" "$edit_site"
    rm "$edit_site/$edit_rel"
    { cat "$site/$edit_rel"; printf '\nMột câu thêm vào để đo việc dựng lại sau khi sửa một hồ sơ.\n'; } > "$edit_site/$edit_rel"
    # Keep every run's output on disk, unless that would not fit (then each run's output
    # is removed after the run, which slows the next runs on this machine's disk).
    keep_outputs=1
    if [[ $place == tmpfs ]]; then keep_outputs=0; fi
    say "$place: $RUNS runs of $N profiles in $runs"
    sync
    for run in $(seq 1 "$RUNS"); do
        out="$runs/bangvang-$run"
        tflag=()
        if [[ $TIMINGS == 1 ]]; then tflag=(--timings); fi
        if [[ -n $BASELINE ]]; then
            bout="$runs/baseline-$run"
            measure "$place" base-build "$run" "$BASELINE" build --root "$site" --output "$bout"
            measure "$place" base-cp "$run" cp -r "$bout" "$runs/baseline-copy-$run"
            if (( run == 1 )); then
                note "$place" base-kib "$(du -sk "$bout" | cut -f1)"
                if [[ $place == tmpfs ]]; then weights_base=$(python3 "$here/weights.py" "$bout" "$N"); fi
            fi
            rm -rf "$bout" "$runs/baseline-copy-$run"
        fi
        measure "$place" build "$run" "$BANGVANG" build --root "$site" --output "$out" "${tflag[@]}"
        if [[ $TIMINGS == 1 && $place == tmpfs ]]; then timings_report=$(cat "$log"); fi
        files=$(find "$out" -type f | wc -l)
        note "$place" files "$files"
        note "$place" kib "$(du -sk "$out" | cut -f1)"
        if (( run == 1 )) && [[ $place == tmpfs || -z $weights_report ]]; then
            weights_report=$(python3 "$here/weights.py" "$out" "$N" --tsv "$results" "$place")
        fi
        marker="$runs/marker-$run"
        touch "$marker"
        measure "$place" rebuild "$run" "$BANGVANG" build --root "$site" --output "$out"
        note "$place" rewritten "$(find "$out" -type f -newer "$marker" | wc -l)"
        touch "$marker"
        measure "$place" edit "$run" "$BANGVANG" build --root "$edit_site" --output "$out"
        note "$place" edit-rewritten "$(find "$out" -type f -newer "$marker" | wc -l)"
        measure "$place" cp "$run" cp -r "$out" "$runs/copy-$run"
        measure "$place" check "$run" "$BANGVANG" check --root "$site"
        if [[ $HUGO != none ]]; then
            hout="$runs/hugo-$run"
            measure "$place" hugo "$run" "$HUGO" --source "$hsite" --destination "$hout" --quiet
            note "$place" hugo-files "$(find "$hout" -type f | wc -l)"
            if [[ $HUGO_FULL == 1 ]]; then
                measure "$place" hugo-full "$run" "$HUGO" --source "$hsite" --destination "$hout-full" \
                    --quiet --environment full
            fi
        fi
        if (( run == 1 && keep_outputs == 1 )); then
            need=$(( $(du -sk "$runs" | cut -f1) * (RUNS - 1) * 3 / 2 ))
            free=$(df -Pk "$runs" | awk 'NR == 2 {print $4}')
            if (( need > free )); then
                keep_outputs=0
                note "$place" deleted-between-runs 1
                say "  not enough room to keep every run's output: removing each after its run"
            fi
        fi
        if (( keep_outputs == 0 )); then
            rm -rf "$out" "$runs/copy-$run" "${hout:-/nonexistent}" "${hout:-/nonexistent}-full"
        fi
        sync
        say "  run $run done"
    done
    if [[ $KEEP != 1 ]]; then rm -rf "$runs"; fi
done

python3 "$here/report.py" "$results" "$N" "$RUNS" "$SEED" "$bv_label" "$bv_version" "$hugo_version" "$BUSY" "$edit_rel" "$load0" "$GENERATOR" "${BASELINE:-none}" > "$report"
cat "$report"
printf '\nWhat the output weighs (first run, %s):\n\n%s\n' "$GENERATOR" "$weights_report" | tee -a "$report"
if [[ -n $weights_base ]]; then
    printf '\nThe baseline'"'"'s output (%s):\n\n%s\n' "$BASELINE" "$weights_base" | tee -a "$report"
fi
if [[ -n $timings_report ]]; then
    printf '\n`bangvang build --timings`, last tmpfs run:\n\n```\n%s\n```\n' "$timings_report" | tee -a "$report"
fi
say ""
say "saved: $report (raw: $results)"
