#!/usr/bin/env bash
# .ci/gates/html.sh DIR: validate every .html (and .htm/.xhtml) under DIR with the W3C Nu Html Checker
# (vnu.jar from npm vnu-jar, run with the system java; installed by install.sh).
# Prints errors per file, up to 25 messages as `file:line:col: error: message`, then
# the summary as the last line:   vnu: N errors, M warnings (K files)
# Exit: 0 no errors, 1 errors, 2 cannot run (never a silent pass: no .html files is 2).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
MAX="${VNU_MAX:-25}"
[ $# -eq 1 ] || { echo "usage: $0 SITE_DIR" >&2; gate_setup_error vnu "bad arguments"; }
[ -d "$1" ] || gate_setup_error vnu "no such directory: $1"
DIR="$(cd "$1" && pwd -P)"
command -v java >/dev/null 2>&1 || gate_setup_error vnu "java not found"
[ -f "$STAMP_VNU" ] && [ -s "$VNU_JAR" ] || gate_setup_error vnu "vnu $VNU_VERSION not installed ($VNU_JAR; run .ci/gates/install.sh)"

TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
# the files vnu checks in a directory with --skip-non-html
NFILES=$(find "$DIR" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.xhtml' -o -name '*.xht' \) | wc -l)
[ "$NFILES" -gt 0 ] || gate_setup_error vnu "no .html files under $DIR"

# one JVM for all files; --exit-zero-always: the verdict comes from the JSON below
rc=0
java -Xss2m -jar "$VNU_JAR" --format json --stdout --exit-zero-always --skip-non-html "$DIR" \
  >"$TMP/vnu.json" 2>"$TMP/vnu.err" || rc=$?
if [ "$rc" -ne 0 ] || [ ! -s "$TMP/vnu.json" ]; then
  cat "$TMP/vnu.err" >&2
  gate_setup_error vnu "vnu.jar failed (rc=$rc)"
fi

python3 - "$TMP/vnu.json" "$DIR" "$MAX" "$NFILES" <<'PY'
import json, sys
from urllib.parse import unquote
path, root, mx, nfiles = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
msgs = json.load(open(path, encoding="utf-8")).get("messages", [])
def rel(u):
    u = unquote(u or "?")
    if u.startswith("file:"): u = u[5:]
    while u.startswith("//"): u = u[1:]
    return u[len(root):].lstrip("/") if u.startswith(root) else u
errs = [m for m in msgs if m.get("type") in ("error", "non-document-error")]
warns = [m for m in msgs if m.get("type") == "info" and m.get("subType") == "warning"]
per_file = {}
for m in errs:
    per_file[rel(m.get("url"))] = per_file.get(rel(m.get("url")), 0) + 1
for f, n in sorted(per_file.items(), key=lambda x: (-x[1], x[0])):
    print(f"{n:5d} errors  {f}")
shown = [(m, "error") for m in errs] + [(m, "warning") for m in warns]
for m, kind in shown[:mx]:
    line = m.get("lastLine", m.get("firstLine", "?"))
    col = m.get("firstColumn", m.get("lastColumn", "?"))
    print(f"{rel(m.get('url'))}:{line}:{col}: {kind}: {' '.join(str(m.get('message', '')).split())}")
if len(shown) > mx:
    print(f"... {len(shown) - mx} more messages not shown (VNU_MAX={mx})")
print(f"vnu: {len(errs)} errors, {len(warns)} warnings ({nfiles} files)")
sys.exit(1 if errs else 0)
PY
