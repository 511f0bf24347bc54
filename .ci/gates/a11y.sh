#!/usr/bin/env bash
# .ci/gates/a11y.sh DIR PAGE...: axe-core (default rules) on the given pages of the built
# site DIR, at 1366x900 and at 360x740, in Debian's headless Chromium driven by
# playwright-core (installed by install.sh). DIR is served by python3 -m http.server on
# 127.0.0.1 at a random free port, stopped by its PID on exit. PAGEs are URL paths
# (/, /2024/, /404.html ...). Per page: violated rules with impact, node counts and one
# selector. Last line:  axe: C critical, S serious, M moderate, m minor (P pages)
# BANGVANG_CI_A11Y_BASE_PATH=/thi-dua/: DIR is a build for that sub-path, served there.
# Exit: 0 no critical/serious violation and every page loaded, 1 otherwise, 2 cannot run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
[ $# -ge 2 ] || { echo "usage: $0 SITE_DIR PAGE..." >&2; gate_setup_error axe "no site dir or no pages"; }
[ -d "$1" ] || gate_setup_error axe "no such directory: $1"
DIR="$(cd "$1" && pwd -P)"; shift
need_browser_tools axe

TMP="$(mktemp -d)"
trap 'stop_server; rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM
SUB="${BANGVANG_CI_A11Y_BASE_PATH:-/}"
case "$SUB" in /*/|/) ;; *) gate_setup_error axe "BANGVANG_CI_A11Y_BASE_PATH must start and end with /: $SUB" ;; esac
SERVE="$DIR"
if [ "$SUB" != / ]; then
  SERVE="$TMP/www"; mkdir -p "$SERVE$(dirname "${SUB%/}")"; ln -s "$DIR" "$SERVE${SUB%/}"
fi
start_server "$SERVE" "$TMP/http.log" || gate_setup_error axe "could not start python3 -m http.server"
echo "serving $DIR at $BASE_URL${SUB%/} (pid $SRV_PID)"
rc=0
TMPDIR="$TMP" BANGVANG_PW_PREFIX="$PW_PREFIX" timeout -k 10 1200 node "$HERE/a11y.mjs" "$BASE_URL${SUB%/}" "$@" || rc=$?
case "$rc" in
  0|1) exit "$rc" ;;
  *) echo "axe: SETUP ERROR (a11y.mjs exited with $rc)"; exit 2 ;;
esac
