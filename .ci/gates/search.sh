#!/usr/bin/env bash
# .ci/gates/search.sh DIR [BASE_PATH]: the search page of the built site DIR, end to end
# in Debian's headless Chromium (playwright-core, installed by install.sh): the folding
# of search.js against src/text/fold_cases.tsv, then queries typed into the search box
# (see search.mjs). DIR is served by python3 -m http.server on 127.0.0.1 at a random
# free port, stopped by its PID on exit. With BASE_PATH (e.g. /thi-dua/), DIR is a build
# made with --base-url BASE_PATH and is served from a parent folder, at BASE_PATH.
# Last line:  search: N passed, M failed
#
# .ci/gates/search.sh DIR / --measure Q...: no checks; for each query, the bytes the
# search page downloads with nothing cached (see measure() in search.mjs).
# .ci/gates/search.sh DIR BASE_PATH --served URL: the same checks, on DIR as another
# server already serves it at URL BASE_PATH (.ci/gates/nginx.sh).
# Exit: 0 all passed, 1 a check failed, 2 cannot run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
MEASURE=(); SERVED=""
if [ $# -ge 3 ] && [ "$3" = --measure ]; then MEASURE=(--measure "${@:4}"); set -- "$1" "$2"; fi
if [ $# -eq 4 ] && [ "$3" = --served ]; then SERVED="${4%/}"; set -- "$1" "$2"; fi
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 SITE_DIR [BASE_PATH [--measure QUERY...]]" >&2; gate_setup_error search "no site dir"; }
[ -d "$1" ] || gate_setup_error search "no such directory: $1"
DIR="$(cd "$1" && pwd -P)"
SUB="${2:-/}"
case "$SUB" in /*/|/) ;; *) gate_setup_error search "BASE_PATH must start and end with /: $SUB" ;; esac
[ -f "$DIR/tim-kiem/index.html" ] || gate_setup_error search "no $DIR/tim-kiem/index.html"
need_browser_tools search

TMP="$(mktemp -d)"
trap 'stop_server; rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM
SERVE="$DIR"
if [ -n "$SERVED" ]; then
  BASE_URL="$SERVED"
  echo "searching $DIR as served at $BASE_URL$SUB"
else
  if [ "$SUB" != / ]; then
    SERVE="$TMP/www"
    mkdir -p "$SERVE$(dirname "${SUB%/}")"
    ln -s "$DIR" "$SERVE${SUB%/}"
  fi
  start_server "$SERVE" "$TMP/http.log" || gate_setup_error search "could not start python3 -m http.server"
  echo "serving $DIR at $BASE_URL$SUB (pid $SRV_PID)"
fi
rc=0
TMPDIR="$TMP" BANGVANG_PW_PREFIX="$PW_PREFIX" BANGVANG_FOLD_CASES="$HERE/../../src/text/fold_cases.tsv" \
  timeout -k 10 600 node "$HERE/search.mjs" "$BASE_URL$SUB" "${MEASURE[@]}" || rc=$?
case "$rc" in
  0|1) exit "$rc" ;;
  *) echo "search: SETUP ERROR (search.mjs exited with $rc)"; exit 2 ;;
esac
