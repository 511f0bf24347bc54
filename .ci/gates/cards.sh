#!/usr/bin/env bash
# .ci/gates/cards.sh DIR: the share cards of a built site, read by Tesseract (Debian's
# tesseract-ocr with tesseract-ocr-vie, installed by install.sh). For every published
# profile page DIR/YEAR/SLUG/index.html, its card DIR/YEAR/SLUG/chia-se.png (or .jpg)
# must be a 1200x630 PNG or JPEG under 1 MB whose text, as Tesseract reads it, holds the
# profile's name (its <h1>) with the tones folded away: its words in order (a name set on
# two lines may have the picture's initials read between them); the name with its tones
# exact is counted too, and must be found on most cards (more than half). Tesseract reads
# each card twice, as a page (--psm 3) and as sparse text (--psm 11: a card is a poster,
# not a page), and either reading may find the name. The year and home cards
# are checked for size and format.
# Last line:  cards: N cards, F names found (tones folded), E exact, B bad
# Exit: 0 all good, 1 a card failed, 2 cannot run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
[ $# -eq 1 ] || { echo "usage: $0 SITE_DIR" >&2; gate_setup_error cards "bad arguments"; }
[ -d "$1" ] || gate_setup_error cards "no such directory: $1"
DIR="$(cd "$1" && pwd -P)"
command -v tesseract >/dev/null 2>&1 || gate_setup_error cards "tesseract not found; run .ci/gates/install.sh"
tesseract --list-langs 2>/dev/null | grep -qx vie || gate_setup_error cards "tesseract has no Vietnamese data (tesseract-ocr-vie)"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
python3 - "$DIR" "$TMP" <<'PY'
import glob, os, re, struct, subprocess, sys, unicodedata
from html import unescape
root, tmp = sys.argv[1], sys.argv[2]

def fold(s):
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return " ".join(s.lower().split())

def exact(s):
    return " ".join(unicodedata.normalize("NFC", s).split())

def in_order(name, text):
    # The name's words, in order, in the text's words (others may stand between them).
    words, it = name.split(), iter(text.split())
    return bool(words) and all(any(w == t for t in it) for w in words)

def size(path):
    data = open(path, "rb").read()
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        w, h = struct.unpack(">II", data[16:24]); return "png", w, h, len(data)
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF: i += 1; continue
            m = data[i + 1]
            if m in (0xC0, 0xC1, 0xC2):
                h, w = struct.unpack(">HH", data[i + 5:i + 9]); return "jpeg", w, h, len(data)
            i += 2 + struct.unpack(">H", data[i + 2:i + 4])[0]
    return None, 0, 0, len(data)

bad, cards, found, exact_n = [], 0, 0, 0
def check_file(card):
    fmt, w, h, n = size(card)
    if fmt is None or (w, h) != (1200, 630) or n >= 1 << 20:
        bad.append(f"{os.path.relpath(card, root)}: {fmt} {w}x{h}, {n} bytes (want PNG or JPEG, 1200x630, < 1 MB)")
        return False
    return True

for extra in [os.path.join(root, "chia-se.*")] + sorted(glob.glob(os.path.join(root, "[0-9][0-9][0-9][0-9]", "chia-se.*"))):
    for card in glob.glob(extra):
        check_file(card)
pages = sorted(glob.glob(os.path.join(root, "[0-9][0-9][0-9][0-9]", "*", "index.html")))
for page in pages:
    html = open(page, encoding="utf-8").read()
    if 'property="og:type" content="profile"' not in html or "status-recognised" not in html:
        continue
    folder = os.path.dirname(page)
    card = next(iter(glob.glob(os.path.join(folder, "chia-se.png")) + glob.glob(os.path.join(folder, "chia-se.jpg"))), None)
    rel = os.path.relpath(folder, root)
    m = re.search(r"<h1>(.*?)</h1>", html, re.S)
    name = unescape(re.sub("<[^>]+>", "", m.group(1))).strip() if m else ""
    if card is None:
        bad.append(f"{rel}: no share card"); continue
    cards += 1
    if not check_file(card):
        continue
    reads = [subprocess.run(["tesseract", card, "-", "-l", "vie", "--psm", psm], capture_output=True, text=True).stdout
             for psm in ("3", "11")]
    text = " / ".join(reads)
    if any(in_order(fold(name), fold(r)) for r in reads):
        found += 1
        hit = any(in_order(exact(name), exact(r)) for r in reads)
        exact_n += hit
        print(f"{rel}: {name} found{' (tones exact)' if hit else ' (tones folded)'}")
    else:
        bad.append(f"{rel}: name {name!r} not read; Tesseract read: {' / '.join(l for l in text.splitlines() if l.strip())}")
for b in bad:
    print("BAD", b)
if cards == 0:
    print("cards: SETUP ERROR (no published profile with a card found)"); sys.exit(2)
most = exact_n * 2 > cards
if not most:
    print(f"only {exact_n} of {cards} names read with their tones exact (want more than half)")
print(f"cards: {cards} cards, {found} names found (tones folded), {exact_n} exact, {len(bad)} bad")
sys.exit(0 if not bad and most else 1)
PY
