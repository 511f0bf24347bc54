# shellcheck shell=bash
# Sourced by .ci/gates/*.sh: pinned versions and where the outside tools live.
# Everything is under BANGVANG_CI_HOME (default ~/.cache/bangvang-ci), never in the repo.
BANGVANG_CI_HOME="${BANGVANG_CI_HOME:-$HOME/.cache/bangvang-ci}"
VNU_VERSION=26.9.27
LYCHEE_VERSION=0.24.2
PW_VERSION=1.65.1
AXE_VERSION=4.14.1
LH_VERSION=12.8.2          # lighthouse 13 needs Node >= 22.19; Debian 12 has Node 18
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

VNU_PREFIX="$BANGVANG_CI_HOME/vnu-$VNU_VERSION"
VNU_JAR="$VNU_PREFIX/node_modules/vnu-jar/build/dist/vnu.jar"
LYCHEE_VENV="$BANGVANG_CI_HOME/lychee-$LYCHEE_VERSION"
LYCHEE="$LYCHEE_VENV/bin/lychee"
PW_PREFIX="$BANGVANG_CI_HOME/pw-$PW_VERSION-axe-$AXE_VERSION"
STAMP_VNU="$BANGVANG_CI_HOME/.stamp-vnu-$VNU_VERSION"
STAMP_LYCHEE="$BANGVANG_CI_HOME/.stamp-lychee-$LYCHEE_VERSION"
STAMP_PW="$BANGVANG_CI_HOME/.stamp-pw-$PW_VERSION-axe-$AXE_VERSION"
LH_PREFIX="$BANGVANG_CI_HOME/lighthouse-$LH_VERSION"
LIGHTHOUSE="$LH_PREFIX/node_modules/.bin/lighthouse"
STAMP_LH="$BANGVANG_CI_HOME/.stamp-lighthouse-$LH_VERSION"
export BANGVANG_CI_HOME CHROMIUM

# Chromium flags (required on this machine) live in browser.mjs.

# gate_setup_error NAME MSG...: the summary line of a gate that cannot run; exit 2.
gate_setup_error() {
  local name="$1"; shift
  echo "$name: SETUP ERROR ($*)"
  exit 2
}

# need_browser_tools NAME: fail the gate unless chromium, node and playwright-core/axe are installed.
need_browser_tools() {
  [ -x "$CHROMIUM" ] || gate_setup_error "$1" "no browser at $CHROMIUM; run .ci/gates/install.sh"
  command -v node >/dev/null 2>&1 || gate_setup_error "$1" "node not found"
  [ -f "$STAMP_PW" ] && [ -f "$PW_PREFIX/node_modules/playwright-core/package.json" ] \
    && [ -f "$PW_PREFIX/node_modules/axe-core/axe.min.js" ] \
    || gate_setup_error "$1" "playwright-core $PW_VERSION / axe-core $AXE_VERSION not installed in $PW_PREFIX; run .ci/gates/install.sh"
}

# start_server DIR: python3 -m http.server on 127.0.0.1, random free port.
# Sets SRV_PID and BASE_URL (http://127.0.0.1:PORT). Caller's EXIT trap must call stop_server.
SRV_PID=""
start_server() {
  local dir="$1" log="$2" port=""
  python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$dir" >"$log" 2>&1 &
  SRV_PID=$!
  for _ in $(seq 150); do
    port=$(sed -n 's/.* port \([0-9][0-9]*\) .*/\1/p' "$log" | head -n 1)
    if [ -n "$port" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      BASE_URL="http://127.0.0.1:$port"; return 0
    fi
    kill -0 "$SRV_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$log" >&2
  return 1
}
stop_server() {
  if [ -n "$SRV_PID" ]; then
    kill "$SRV_PID" 2>/dev/null || true
    wait "$SRV_PID" 2>/dev/null || true
    SRV_PID=""
  fi
}
