#!/usr/bin/env bash
# .ci/gates/council.sh ROOT BANGVANG [YEAR]: the Council's documents of the site at ROOT,
# judged by outside tools. Runs `BANGVANG council YEAR` (default 2024) into a temporary
# folder, converts each DOCX to PDF with LibreOffice (headless, a fresh profile) and checks
# with poppler that the conversion said no error, that every page is A4 (pdfinfo), and
# that each PDF's text (pdftotext) has the national motto and every nominee it must have,
# with their tones: the summary list every nomination that is not revoked, the ballot
# those without a [vote], the minutes those with one, the draft decision those whose vote
# passed (integers, as check) without a [decision]; a revoked name in none; a person in
# no document they do not belong to. Last line:
#   council: N documents, P pages (all A4), K names found, E problems
# Exit: 0 clean, 1 problems, 2 cannot run (tools missing: run .ci/gates/install.sh).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
[ $# -ge 2 ] && [ $# -le 3 ] || { echo "usage: $0 ROOT BANGVANG [YEAR]" >&2; gate_setup_error council "bad arguments"; }
ROOT="$(cd "$1" && pwd -P)" || gate_setup_error council "no such directory: $1"
BIN="$2"
YEAR="${3:-2024}"
[ -x "$BIN" ] || gate_setup_error council "no bangvang binary at $BIN"
SOFFICE="$(command -v soffice || command -v libreoffice || true)"
[ -n "$SOFFICE" ] || gate_setup_error council "LibreOffice not found; run .ci/gates/install.sh"
for t in pdfinfo pdftotext python3; do
  command -v "$t" >/dev/null 2>&1 || gate_setup_error council "$t not found; run .ci/gates/install.sh"
done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/bangvang-council.XXXXXX")"; trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/pdf" "$TMP/home"
rc=0
"$BIN" council "$YEAR" --root "$ROOT" --output "$TMP/docs" >"$TMP/council.log" 2>&1 || rc=$?
cat "$TMP/council.log"
if [ "$rc" -ne 0 ]; then
  echo "council: FAILED: bangvang council $YEAR exited $rc"
  exit 1
fi
problems=0
for f in "$TMP"/docs/*.docx; do
  name="$(basename "${f%.docx}")"
  rc=0
  HOME="$TMP/home" timeout -k 10 300 "$SOFFICE" --headless --norestore --nolockcheck \
    -env:UserInstallation="file://$TMP/home/lo" --convert-to pdf --outdir "$TMP/pdf" "$f" \
    >"$TMP/$name.lo.log" 2>&1 || rc=$?
  # LibreOffice says "Error: …" (and may still exit 0) when it cannot read a file.
  if [ "$rc" -ne 0 ] || grep -qi '^error' "$TMP/$name.lo.log" || [ ! -s "$TMP/pdf/$name.pdf" ]; then
    echo "council: $name.docx: LibreOffice could not convert it (exit $rc):"
    sed 's/^/    /' "$TMP/$name.lo.log"
    problems=$((problems + 1))
  else
    echo "council: $name.docx -> $name.pdf"
  fi
done

python3 - "$ROOT" "$YEAR" "$TMP/pdf" "$problems" <<'PY'
import glob, os, re, subprocess, sys, tomllib, unicodedata

root, year, pdfdir, problems = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
content = os.path.join(root, "content", year)

def front(path):
    text = open(path, encoding="utf-8-sig").read()
    parts = text.split("+++\n", 2)
    return tomllib.loads(parts[1])

plan = tomllib.loads(open(os.path.join(content, "_plan.toml"), encoding="utf-8").read())
pct = plan["approval_percent"]
people = []
files = sorted(glob.glob(os.path.join(content, "*.md")) + glob.glob(os.path.join(content, "*", "index.md")))
for f in files:
    if os.path.basename(f).startswith(("_", ".")):
        continue
    fm = front(f)
    vote = fm.get("vote")
    passes = bool(vote) and vote["in_favour"] * 100 >= pct * vote["members"]
    people.append({
        "name": unicodedata.normalize("NFC", fm["name"]),
        "collective": fm.get("kind") == "collective",
        "revoked": "revoked" in fm,
        "vote": bool(vote),
        "passes": passes,
        "decision": "decision" in fm,
    })

wanted = {
    "danh-sach-de-nghi": lambda p: True,
    "phieu-bau": lambda p: not p["vote"],
    "bien-ban-kiem-phieu": lambda p: p["vote"],
    "du-thao-quyet-dinh": lambda p: p["passes"] and not p["decision"],
}
found = pages = docs = 0
def bad(msg):
    global problems
    problems += 1
    print(f"council: {msg}")

for doc, rule in wanted.items():
    pdf = os.path.join(pdfdir, doc + ".pdf")
    if not os.path.isfile(pdf):
        bad(f"{doc}.pdf missing")
        continue
    docs += 1
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", pdf], capture_output=True, text=True)
    n = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
    sizes = re.findall(r"^Page\s+\d+ size:.*$", info.stdout, re.M)
    pages += n
    not_a4 = [s for s in sizes if "(A4)" not in s]
    if len(sizes) != n or not_a4:
        bad(f"{doc}.pdf: pages not A4: {not_a4 or sizes}")
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
    text = " ".join(unicodedata.normalize("NFC", raw).split())
    for words in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]:
        if words not in text:
            bad(f"{doc}.pdf: no \"{words}\"")
    for p in people:
        inside = p["name"] in text
        if p["revoked"]:
            if inside:
                bad(f"{doc}.pdf: the revoked {p['name']} is in it")
        elif rule(p):
            if inside:
                found += 1
            else:
                bad(f"{doc}.pdf: {p['name']} missing")
        elif inside and not p["collective"]:
            # A collective's name is also its unit's, which other rows name.
            bad(f"{doc}.pdf: {p['name']} should not be in it")
print(f"council: {docs} documents, {pages} pages (all A4), {found} names found, {problems} problems")
sys.exit(1 if problems else 0)
PY
