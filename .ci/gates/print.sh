#!/usr/bin/env bash
# .ci/gates/print.sh DIR [BASE_PATH]: the honour board of every year (/YEAR/in/) and
# the longest profile page of a built site, printed to PDF by Debian's headless
# Chromium (--print-to-pdf) and read back by poppler (pdfinfo, pdftotext, installed by
# install.sh). Every page must be A4; the board's text must hold the name of every
# exemplar it lists, the profile's its name and its address, and neither the share panel.
# DIR is served by python3 -m http.server on 127.0.0.1 (random port, stopped by its PID
# on exit); with BASE_PATH (/thi-dua/) DIR is a build for that sub-path, served there.
# BANGVANG_PRINT_KEEP=DIR keeps the PDFs there.
# Last line:  print: boards P pages (YEAR: n, ...), profile Q pages, all A4, B problems
# Exit: 0 good, 1 a problem, 2 cannot run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 SITE_DIR [BASE_PATH]" >&2; gate_setup_error print "bad arguments"; }
[ -d "$1" ] || gate_setup_error print "no such directory: $1"
DIR="$(cd "$1" && pwd -P)"
SUB="${2:-/}"
[ -x "$CHROMIUM" ] || gate_setup_error print "no browser at $CHROMIUM; run .ci/gates/install.sh"
for c in pdfinfo pdftotext; do command -v "$c" >/dev/null 2>&1 || gate_setup_error print "$c not found; run .ci/gates/install.sh"; done
YEARS="$(cd "$DIR" && find . -mindepth 3 -maxdepth 3 -path './[0-9][0-9][0-9][0-9]/in/index.html' | LC_ALL=C sort | cut -d/ -f2 | tr '\n' ' ')"
YEAR="${YEARS% }"; YEAR="${YEAR##* }"
[ -n "$YEAR" ] || gate_setup_error print "no honour board (YEAR/in/index.html) in $DIR"
PROFILE="$(cd "$DIR" && grep -l 'status-recognised' [0-9][0-9][0-9][0-9]/*/index.html | xargs ls -S | head -n 1)"
[ -n "$PROFILE" ] || gate_setup_error print "no published profile page in $DIR/$YEAR"
PROFILE="${PROFILE%index.html}"

TMP="$(mktemp -d)"
trap 'stop_server; rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM
SERVE="$DIR"
if [ "$SUB" != / ]; then
  SERVE="$TMP/www"; mkdir -p "$SERVE$(dirname "${SUB%/}")"; ln -s "$DIR" "$SERVE${SUB%/}"
fi
start_server "$SERVE" "$TMP/http.log" || gate_setup_error print "could not start python3 -m http.server"
echo "serving $DIR at $BASE_URL$SUB (pid $SRV_PID)"
print_pdf() {   # print_pdf PATH OUT.pdf
  local profile="$TMP/chromium-$RANDOM"
  timeout -k 10 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer --run-all-compositor-stages-before-draw \
    --virtual-time-budget=10000 --print-to-pdf="$2" "$BASE_URL$SUB$1" >"$TMP/chromium.log" 2>&1 \
    || { tail -n 20 "$TMP/chromium.log" >&2; gate_setup_error print "chromium could not print $1"; }
  rm -rf "$profile"
  [ -s "$2" ] || gate_setup_error print "chromium wrote no PDF for $1"
}
for y in $YEARS; do print_pdf "$y/in/" "$TMP/board-$y.pdf"; done
print_pdf "$PROFILE" "$TMP/profile.pdf"
if [ -n "${BANGVANG_PRINT_KEEP:-}" ]; then mkdir -p "$BANGVANG_PRINT_KEEP"; cp "$TMP"/board-*.pdf "$TMP/profile.pdf" "$BANGVANG_PRINT_KEEP/"; fi
python3 - "$DIR" "$YEARS" "$PROFILE" "$TMP" <<'PY'
import os, re, subprocess, sys, unicodedata
from html import unescape
root, years, profile, tmp = sys.argv[1:5]
problems = []
def text_of(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True).stdout
    return "".join(unicodedata.normalize("NFC", out).split())
def squeeze(s):
    return "".join(unicodedata.normalize("NFC", unescape(re.sub("<[^>]+>", "", s))).split())
def pages(pdf, what):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf], capture_output=True, text=True, check=True).stdout
    n = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    not_a4 = [s for s in sizes if abs(float(s[0]) - 595.28) > 1.5 or abs(float(s[1]) - 841.89) > 1.5]
    if len(sizes) != n or not_a4:
        problems.append(f"{what}: {len(not_a4)} of {n} pages are not A4 ({not_a4[:3]})")
    return n
board_pages, counts = 0, []
for year in years.split():
    n = pages(os.path.join(tmp, f"board-{year}.pdf"), f"board {year}")
    board_pages += n
    board_html = open(os.path.join(root, year, "in", "index.html"), encoding="utf-8").read()
    names = [squeeze(x) for x in re.findall(r'<h3 class="board-name"><a [^>]*>(.*?)</a></h3>', board_html, re.S)]
    counts.append(f"{year}: {n} pages, {len(names)} exemplars")
    if not names:
        problems.append(f"board {year}: no exemplar listed")
    text = text_of(os.path.join(tmp, f"board-{year}.pdf"))
    missing = [x for x in names if x not in text]
    if missing:
        problems.append(f"board {year}: {len(missing)} names not in the PDF: {missing[:5]}")
profile_pages = pages(os.path.join(tmp, "profile.pdf"), "profile")
page_html = open(os.path.join(root, profile, "index.html"), encoding="utf-8").read()
name = squeeze(re.search(r"<h1>(.*?)</h1>", page_html, re.S).group(1))
address = re.search(r'<span class="print-url">(.*?)</span>', page_html, re.S)
ptext = text_of(os.path.join(tmp, "profile.pdf"))
if name not in ptext:
    problems.append(f"profile {profile}: its name {name!r} is not in the PDF")
# pdftotext joins a word broken at a hyphen at the end of a line without it.
if not address or squeeze(address.group(1)).replace("-", "") not in ptext.replace("-", ""):
    problems.append(f"profile {profile}: its address is not printed")
share = re.search(r'<h2 id="share-heading">(.*?)</h2>', page_html, re.S)
if share and squeeze(share.group(1)) in ptext:
    problems.append(f"profile {profile}: the share panel is printed")
for p in problems:
    print("BAD", p)
print(f"boards: {'; '.join(counts)}; profile /{profile}: {profile_pages} pages")
print(f"print: boards {board_pages} pages ({', '.join(counts)}), profile {profile_pages} pages, all A4, {len(problems)} problems")
sys.exit(1 if problems else 0)
PY
