#!/usr/bin/env bash
# .ci/gates/editor.sh BIN [SHOTS_DIR]: the editor of `bangvang serve`, end to end in Debian's
# headless Chromium (playwright-core, installed by install.sh). Copies the repository's
# content/ into a temporary git repository, adds .ci/gates/editor-fixture.md (a profile
# with comments), starts `BIN serve --port 0` there (stopped by its PID on exit), and runs
# editor.mjs against the editor's printed address: profiles of each kind created, the
# commented one edited (checked byte for byte on disk), a photo uploaded, a diagnostic seen
# appearing and going while typing, a conflict refused, "save and commit", then `BIN check`
# and the served pages. With SHOTS_DIR, screenshots of the list, a form with a diagnostic
# and the phone width (390 px) are written there, and edited.diff: what the editor changed
# in the commented profile (git diff since the site's first commit).
# Last line:  editor: N passed, M failed
# Exit: 0 all passed, 1 a check failed, 2 cannot run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 BIN [SHOTS_DIR]" >&2; gate_setup_error editor "bad arguments"; }
[ -x "$1" ] || gate_setup_error editor "no binary at $1"
BIN="$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"
SHOTS="${2:-}"
if [ -n "$SHOTS" ]; then mkdir -p "$SHOTS"; SHOTS="$(cd "$SHOTS" && pwd -P)"; fi
command -v git >/dev/null 2>&1 || gate_setup_error editor "git not found"
need_browser_tools editor

TMP="$(mktemp -d)"
SERVE_PID=""
stop_serve() { if [ -n "$SERVE_PID" ]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; SERVE_PID=""; fi; }
trap 'stop_serve; rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

SITE="$TMP/site"
mkdir -p "$SITE"
cp -r "$HERE/../../content" "$SITE/content"
cp "$HERE/editor-fixture.md" "$SITE/content/2024/doan-minh-chau.md"
git -C "$SITE" init -q
git -C "$SITE" config user.name "Cổng kiểm tra"
git -C "$SITE" config user.email "ci@example.invalid"
git -C "$SITE" add -A
git -C "$SITE" commit -qm "site" || gate_setup_error editor "git commit of the test site failed"

: >"$TMP/serve.log"
(cd "$SITE" && exec "$BIN" serve --port 0 --lang vi >"$TMP/serve.log" 2>"$TMP/serve.err") &
SERVE_PID=$!
URL=""
for _ in $(seq 600); do
  URL="$(sed -n 's/^trình soạn hồ sơ: \(http[^ ]*\).*/\1/p' "$TMP/serve.log" | head -n 1)"
  [ -n "$URL" ] && break
  kill -0 "$SERVE_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$URL" ]; then cat "$TMP/serve.log" "$TMP/serve.err" >&2; gate_setup_error editor "serve printed no editor address"; fi
echo "editor at ${URL%%\?*}?token=… (pid $SERVE_PID)"
rc=0
TMPDIR="$TMP" BANGVANG_PW_PREFIX="$PW_PREFIX" BANGVANG_SITE="$SITE" BANGVANG_BIN="$BIN" BANGVANG_SHOTS="$SHOTS" \
  BANGVANG_FIXTURE="$HERE/editor-fixture.md" BANGVANG_PHOTO="$SITE/content/2024/tran-binh-minh/anh-dai-dien.jpg" \
  timeout -k 10 600 node "$HERE/editor.mjs" "$URL" || rc=$?
if [ -n "$SHOTS" ]; then
  # What the editor did to the commented profile, for a person to read: the whole change
  # since the site's first commit (the file, and the bundle it moved into with its photo).
  first="$(git -C "$SITE" rev-list --max-parents=0 HEAD)"
  git -C "$SITE" add -A >/dev/null 2>&1 || true
  git -C "$SITE" diff --cached -M --stat "$first" -- content >"$SHOTS/edited.diff" 2>/dev/null || true
  git -C "$SITE" diff --cached -M "$first" -- 'content/2024/doan-minh-chau.md' 'content/2024/doan-minh-chau/index.md' >>"$SHOTS/edited.diff" 2>/dev/null || true
fi
case "$rc" in
  0|1) exit "$rc" ;;
  *) tail -n 20 "$TMP/serve.err" >&2; echo "editor: SETUP ERROR (editor.mjs exited with $rc)"; exit 2 ;;
esac
