#!/usr/bin/env bash
# .ci/gates/lighthouse.sh BANGVANG N [--keep DIR]: Lighthouse's mobile audit (lighthouse
# 12.8.2, installed by install.sh, in Debian's headless chromium: Moto G power emulation,
# simulated slow 4G and 4x CPU slowdown) of a site of N profiles made by bench/generate.py
# and built by the binary BANGVANG with a full base_url (http://127.0.0.1:PORT/), served
# uncompressed by python3 -m http.server on that port (own PID, stopped on exit).
# Pages: the home page, the latest year's roll, a middle page of it, the units page, the
# largest unit's page (most exemplars), a profile, search, and statistics (/thong-ke/)
# when the build has that page. Each must score at least LH_PERF (default 95) in
# performance and 100 in accessibility, best practices and SEO.
# Each page is audited LH_RUNS times (default 3) and judged by its median run (by
# performance score), as Lighthouse's own guidance on variability and lighthouse-ci do:
# one run on a shared machine can stall (CI once scored a page 76 that scores 99-100 in
# every run here, even with both cores busy).
# A run that gives no report (the browser did not start, or crashed) is tried once more.
# Prints each page's scores (and every run's performance) and the audits below 0.9 of
# its median run, then one line (naming the pages below, if any):
#   lighthouse: N pages, perf min 98, a11y min 100, bp min 100, seo min 100
# --keep DIR keeps each page's JSON report there.
# Exit: 0 all pass, 1 a score is below, 2 cannot run.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "$HERE/../.." && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
KEEP=""
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) [ $# -ge 2 ] || gate_setup_error lighthouse "--keep needs a folder"; KEEP="$2"; shift ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done
[ ${#ARGS[@]} -eq 2 ] || gate_setup_error lighthouse "usage: $0 BANGVANG N [--keep DIR]"
BIN="${ARGS[0]}"; N="${ARGS[1]}"
[ -x "$BIN" ] || gate_setup_error lighthouse "no binary at $BIN"
case "$N" in ''|*[!0-9]*) gate_setup_error lighthouse "N must be a number: $N" ;; esac
[ -f "$STAMP_LH" ] && [ -x "$LIGHTHOUSE" ] || gate_setup_error lighthouse "lighthouse $LH_VERSION not installed ($LIGHTHOUSE; run .ci/gates/install.sh)"
[ -x "$CHROMIUM" ] || gate_setup_error lighthouse "no browser at $CHROMIUM; run .ci/gates/install.sh"
PERF_MIN="${LH_PERF:-95}"
RUNS="${LH_RUNS:-3}"
case "$RUNS" in ''|*[!0-9]*|0) gate_setup_error lighthouse "LH_RUNS must be a number above 0: $RUNS" ;; esac

T="$(mktemp -d "${TMPDIR:-/tmp}/bangvang-lh.XXXXXX")"; SRV=""
stop() {
  if [ -n "$SRV" ]; then kill "$SRV" 2>/dev/null || true; wait "$SRV" 2>/dev/null || true; SRV=""; fi
  rm -rf "$T"
}
trap stop EXIT
trap 'exit 130' INT TERM

t0=$SECONDS
python3 "$ROOT/bench/generate.py" "$N" "$T/site" --seed 1 --quiet || gate_setup_error lighthouse "bench/generate.py $N failed"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT/"
"$BIN" build --root "$T/site" --output "$T/out" --base-url "$BASE" >"$T/build.log" 2>&1 \
  || { tail -20 "$T/build.log" >&2; gate_setup_error lighthouse "bangvang build of $N profiles failed"; }
echo "built $N profiles in $((SECONDS - t0)) s: $(tail -1 "$T/build.log")"
python3 -u -m http.server "$PORT" --bind 127.0.0.1 --directory "$T/out" >"$T/http.log" 2>&1 &
SRV=$!
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  kill -0 "$SRV" 2>/dev/null || { cat "$T/http.log" >&2; gate_setup_error lighthouse "http.server stopped"; }
  sleep 0.1
done

# The pages, by kind.
mapfile -t PAGES < <(python3 - "$T/out" <<'PY'
import os, sys
out = sys.argv[1]
years = sorted((d for d in os.listdir(out) if d.isdigit() and len(d) == 4), reverse=True)
pages = [("home", "")]
if years:
    y = years[0]
    pages.append(("roll", f"{y}/"))
    more = sorted(int(n) for n in os.listdir(os.path.join(out, y, "trang"))) if os.path.isdir(os.path.join(out, y, "trang")) else []
    if more:
        pages.append(("roll page", f"{y}/trang/{more[len(more) // 2]}/"))
    profiles = sorted(s for s in os.listdir(os.path.join(out, y)) if s != "trang" and os.path.isfile(os.path.join(out, y, s, "index.html")))
    if profiles:
        pages.append(("profile", f"{y}/{profiles[0]}/"))
pages.append(("units", "don-vi/"))
units = os.path.join(out, "don-vi")
def size(u):
    d = os.path.join(units, u, "trang")
    return (len(os.listdir(d)) if os.path.isdir(d) else 0, os.path.getsize(os.path.join(units, u, "index.html")))
names = [u for u in os.listdir(units) if os.path.isfile(os.path.join(units, u, "index.html"))] if os.path.isdir(units) else []
if names:
    pages.append(("largest unit", f"don-vi/{max(sorted(names), key=size)}/"))
pages.append(("search", "tim-kiem/"))
if os.path.isfile(os.path.join(out, "thong-ke", "index.html")):
    pages.append(("statistics", "thong-ke/"))
for kind, path in pages:
    print(f"{kind}\t{path}")
PY
)
[ ${#PAGES[@]} -ge 5 ] || gate_setup_error lighthouse "too few pages found in the build"
[ -n "$KEEP" ] && mkdir -p "$KEEP"
FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
: >"$T/results.tsv"
i=0
for entry in "${PAGES[@]}"; do
  i=$((i + 1))
  kind="${entry%%$'\t'*}"; path="${entry#*$'\t'}"
  reports=""
  for r in $(seq "$RUNS"); do
    # A run whose browser did not start or crashed (no report) is tried once more; a
    # second failure fails the page.
    for attempt in 1 2; do
      UD="$(mktemp -d "$T/profile.XXXXXX")"
      rm -f "$T/lh-$i-$r.json"
      TMPDIR="$T" CHROME_PATH="$CHROMIUM" timeout 300 "$LIGHTHOUSE" "$BASE$path" \
        --only-categories=performance,accessibility,best-practices,seo --max-wait-for-load=45000 --quiet \
        --output=json --output-path="$T/lh-$i-$r.json" --chrome-flags="$FLAGS --user-data-dir=$UD" >"$T/lh-$i-$r.log" 2>&1
      rc=$?
      rm -rf "$UD"
      [ $rc -eq 0 ] && [ -s "$T/lh-$i-$r.json" ] && break
      echo "$kind /$path: lighthouse failed in run $r, attempt $attempt (rc=$rc)"; tail -5 "$T/lh-$i-$r.log" | sed 's/^/   /'
    done
    if [ $rc -ne 0 ] || [ ! -s "$T/lh-$i-$r.json" ]; then
      reports=""; break
    fi
    reports="${reports:+$reports,}$T/lh-$i-$r.json"
    [ -n "$KEEP" ] && cp "$T/lh-$i-$r.json" "$KEEP/$(printf '%s' "${path:-index}" | tr '/' '_' | sed 's/_$//')-$r.json"
  done
  printf '%s\t%s\t%s\n' "$kind" "$path" "${reports:-FAIL}" >>"$T/results.tsv"
done

python3 - "$T/results.tsv" "$PERF_MIN" "$T/out" "$RUNS" <<'PY'
import json, os, sys
rows = [l.split("\t") for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if l]
perf_min, out, runs_n = int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
cats = [("performance", "perf"), ("accessibility", "a11y"), ("best-practices", "bp"), ("seo", "seo")]
worst = {k: 100 for k, _ in cats}
bad = 0
below = []
def scores(r):
    return {k: round(((r["categories"].get(k) or {}).get("score") or 0) * 100) for k, _ in cats}
for kind, path, reports in rows:
    if reports == "FAIL":
        bad += 1
        below.append(f"{kind or 'home'} failed")
        continue
    runs = [json.load(open(p, encoding="utf-8")) for p in reports.split(",")]
    perfs = [scores(r)["performance"] for r in runs]
    # The median run by performance (of an even count, the lower middle one).
    r = sorted(runs, key=lambda x: scores(x)["performance"])[(len(runs) - 1) // 2]
    sc = scores(r)
    for k in sc:
        worst[k] = min(worst[k], sc[k])
    f = os.path.join(out, path, "index.html")
    kb = os.path.getsize(f) / 1024 if os.path.isfile(f) else 0
    m = r["audits"]
    vals = " ".join(f"{a} {m[a].get('displayValue', '')}" for a in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift") if a in m)
    print(f"{kind:13} /{path:28} " + " ".join(f"{s} {sc[k]:3}" for k, s in cats) + f"  {kb:5.1f} KB  ({' '.join(vals.split())})"
          + (f"  runs: perf {' '.join(map(str, perfs))}" if len(perfs) > 1 else ""))
    failing = sc["performance"] < perf_min or any(sc[k] < 100 for k, _ in cats[1:])
    bad += failing
    if failing:
        below.append(f"{kind} " + " ".join(f"{s} {sc[k]}" for k, s in cats if sc[k] < (perf_min if k == "performance" else 100)))
    for k, s in cats:
        for ref in r["categories"].get(k, {}).get("auditRefs", []):
            a = m.get(ref["id"], {})
            if ref.get("weight", 0) > 0 and a.get("score") is not None and a["score"] < 0.9:
                print(f"    {s:4} {a['score']:.2f} {ref['id']}: {a.get('title', '')} {a.get('displayValue', '')}")
    for w in r.get("runWarnings", []):
        print("    warning: " + " ".join(str(w).split())[:200])
n = len(rows)
print(f"lighthouse: {n} pages, median of {runs_n} runs each, " + ", ".join(f"{s} min {worst[k]}" for k, s in cats)
      + (f" (need perf >= {perf_min}, the others 100; {bad} pages below: {', '.join(below)})" if bad else ""))
sys.exit(1 if bad else 0)
PY
