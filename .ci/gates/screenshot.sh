#!/usr/bin/env bash
# .ci/gates/screenshot.sh DIR OUTDIR [PAGE...]: for developers, not a CI gate.
# Serves the built site DIR on 127.0.0.1 (random port, stopped by PID on exit) and takes
# full-page PNGs of each PAGE (URL paths, default /) at desktop 1366x900 and phone 360x740
# into OUTDIR (<page>-desktop.png, <page>-phone.png); flags horizontal overflow on the phone.
# Needs the tools from .ci/gates/install.sh.
# Last line:  screenshot: P pages, N PNGs in OUTDIR (K phone overflow)
# Exit: 0 ok, 1 overflow or a page failed / HTTP >= 400, 2 cannot run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
[ $# -ge 2 ] || { echo "usage: $0 SITE_DIR OUTDIR [PAGE...]" >&2; gate_setup_error screenshot "bad arguments"; }
[ -d "$1" ] || gate_setup_error screenshot "no such directory: $1"
DIR="$(cd "$1" && pwd -P)"
mkdir -p "$2" || gate_setup_error screenshot "cannot create $2"
OUT="$(cd "$2" && pwd -P)"; shift 2
[ $# -gt 0 ] || set -- /
need_browser_tools screenshot

TMP="$(mktemp -d)"
trap 'stop_server; rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM
start_server "$DIR" "$TMP/http.log" || gate_setup_error screenshot "could not start python3 -m http.server"
rc=0
TMPDIR="$TMP" BANGVANG_PW_PREFIX="$PW_PREFIX" timeout -k 10 900 node "$HERE/screenshot.mjs" "$BASE_URL" "$OUT" "$@" || rc=$?
case "$rc" in 0|1) exit "$rc" ;; *) echo "screenshot: SETUP ERROR (screenshot.mjs exited with $rc)"; exit 2 ;; esac
