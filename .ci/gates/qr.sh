#!/usr/bin/env bash
# .ci/gates/qr.sh DIR: every QR code of a built site, read back by a QR reader. Each
# DIR/YEAR/SLUG/qr.svg is drawn as a PNG by rsvg-convert (librsvg2-bin) and decoded by
# zbarimg (zbar-tools), both installed by install.sh; what it holds must be exactly the
# canonical address of the page beside it (<link rel="canonical"> of its index.html).
# Every published profile page with a full address (og:url) must have its qr.svg.
# Last line:  qr: N codes, M decoded to their page's address, B bad
# Exit: 0 all good, 1 a code is missing or wrong, 2 cannot run (or no code at all).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
[ $# -eq 1 ] || { echo "usage: $0 SITE_DIR" >&2; gate_setup_error qr "bad arguments"; }
[ -d "$1" ] || gate_setup_error qr "no such directory: $1"
DIR="$(cd "$1" && pwd -P)"
for c in rsvg-convert zbarimg; do
  command -v "$c" >/dev/null 2>&1 || gate_setup_error qr "$c not found; run .ci/gates/install.sh"
done
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
python3 - "$DIR" "$TMP" <<'PY'
import glob, os, re, subprocess, sys
root, tmp = sys.argv[1], sys.argv[2]
bad, codes, good = [], 0, 0
for page in sorted(glob.glob(os.path.join(root, "[0-9][0-9][0-9][0-9]", "*", "index.html"))):
    html = open(page, encoding="utf-8").read()
    folder = os.path.dirname(page)
    rel = os.path.relpath(folder, root)
    svg = os.path.join(folder, "qr.svg")
    published = 'property="og:type" content="profile"' in html and "status-recognised" in html
    full = 'property="og:url"' in html
    if not os.path.exists(svg):
        if published and full:
            bad.append(f"{rel}: no qr.svg beside a published page with a full address")
        continue
    codes += 1
    m = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    want = m.group(1) if m else ""
    png = os.path.join(tmp, "qr.png")
    subprocess.run(["rsvg-convert", "-w", "400", "-h", "400", "-b", "white", "-o", png, svg], check=True)
    out = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png], capture_output=True, text=True)
    got = out.stdout.strip()
    if got == want and want:
        good += 1
        print(f"{rel}/qr.svg: {got}")
    else:
        bad.append(f"{rel}/qr.svg: decoded {got!r}, want {want!r}")
for b in bad:
    print("BAD", b)
if codes == 0:
    print("qr: SETUP ERROR (no qr.svg in the site: is base_url a full https:// address?)"); sys.exit(2)
print(f"qr: {codes} codes, {good} decoded to their page's address, {len(bad)} bad")
sys.exit(0 if not bad else 1)
PY
