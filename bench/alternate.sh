#!/usr/bin/env bash
# bench/alternate.sh SITE RUNS BIN...: fresh builds of the site SITE by each binary in
# turn, RUNS rounds, into a new output on tmpfs each time; prints for each binary the
# median wall time, the mean user and system times, and every wall time sorted.
# For two builds of bangvang side by side on a machine whose speed drifts: the binaries
# take turns, so a slow minute falls on both. A BIN of the form hugo:DIR builds the Hugo
# site DIR instead (`hugo --source DIR`; compare.sh leaves the converted profiles in
# /dev/shm/bangvang-bench/hugo-n…), for the ratio to Hugo measured the same way.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 SITE RUNS BIN..." >&2; exit 2; }
site=$1 runs=$2
shift 2
out="$(mktemp -d /dev/shm/bangvang-alternate.XXXXXX)"
trap 'rm -rf "$out"' EXIT
for _ in $(seq "$runs"); do
  for b in "$@"; do
    rm -rf "$out/site"
    case $b in
      hugo:*) cmd=(hugo --source "${b#hugo:}" --destination "$out/site" --quiet) ;;
      *) cmd=("$b" build --root "$site" --output "$out/site") ;;
    esac
    /usr/bin/time -f "$b %e %U %S" "${cmd[@]}" 2>&1 >/dev/null | tail -1
  done
done | sort -k1,1 -k2,2n | awk '
  { k = $1; v[k] = v[k] " " $2; u[k] += $3; s[k] += $4; n[k]++ }
  END {
    for (k in v) {
      split(substr(v[k], 2), a, " ")
      printf "%s: median %.2f s, user %.2f s, sys %.2f s  [%s ]\n", k, a[int((n[k] + 1) / 2)], u[k] / n[k], s[k] / n[k], v[k]
    }
  }'
