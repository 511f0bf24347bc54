#!/usr/bin/env bash
# .ci/gates/nginx.sh DIR [BASE_PATH] [-- CMD ARG...]: the built site DIR served by Debian's
# nginx (nginx-light, installed with apt-get if missing) at BASE_PATH (default /thi-dua/)
# on a free loopback port, as README's "Serving the site" configures it: alias, index,
# gzip_static on, error_page 404 pointing at the site's 404.html. nginx runs with its own
# config and prefix in a temp dir, in the foreground of a background job, and is stopped
# by its PID on exit.
#
# Without CMD: checks, through nginx, that DIR (built with precompress = true) is served
# as it should be: a page, a stylesheet, the search index, the sitemap and an SVG come
# with Content-Encoding: gzip when the browser accepts it and decompress to the file's
# bytes, and as the plain bytes when it does not; a missing page answers 404 with the
# site's 404 page. Last line:  nginx: N passed, M failed
# With CMD: runs CMD while nginx serves DIR, every argument @URL@ replaced by the
# server's address (http://127.0.0.1:PORT, no trailing slash); exits with CMD's code.
# Exit: 0 all passed, 1 a check failed, 2 cannot run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
[ $# -ge 1 ] || gate_setup_error nginx "usage: $0 DIR [BASE_PATH] [-- CMD ARG...]"
[ -d "$1" ] || gate_setup_error nginx "no such directory: $1"
DIR="$(cd "$1" && pwd -P)"; shift
SUB="/thi-dua/"
if [ $# -gt 0 ] && [ "$1" != -- ]; then SUB="$1"; shift; fi
case "$SUB" in /*/) ;; *) gate_setup_error nginx "BASE_PATH must start and end with / (and not be /): $SUB" ;; esac
CMD=()
if [ $# -gt 0 ]; then [ "$1" = -- ] && shift; CMD=("$@"); fi
[ -f "$DIR/404.html" ] || gate_setup_error nginx "no $DIR/404.html"

NGINX="$(command -v nginx || true)"
[ -n "$NGINX" ] || NGINX=/usr/sbin/nginx
if [ ! -x "$NGINX" ]; then
  echo "installing nginx-light (apt-get)..." >&2
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light; } >/dev/null 2>&1 \
    || gate_setup_error nginx "apt-get install nginx-light failed"
fi
[ -x "$NGINX" ] || gate_setup_error nginx "no nginx at $NGINX after installing nginx-light"
"$NGINX" -V 2>&1 | grep -q -- --with-http_gzip_static_module || gate_setup_error nginx "this nginx has no gzip_static"
MIME=/etc/nginx/mime.types
[ -f "$MIME" ] || gate_setup_error nginx "no $MIME"

T="$(mktemp -d)"; NGINX_PID=""
stop() {
  if [ -n "$NGINX_PID" ]; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=""
  fi
  rm -rf "$T"
}
trap stop EXIT
trap 'exit 130' INT TERM

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
mkdir -p "$T/logs" "$T/tmp"
cat >"$T/nginx.conf" <<EOF
# Written by .ci/gates/nginx.sh: one loopback server for one site.
daemon off;
master_process on;
worker_processes 1;
user root;
pid $T/nginx.pid;
error_log $T/logs/error.log warn;
events { worker_connections 64; }
http {
  include $MIME;
  default_type application/octet-stream;
  access_log $T/logs/access.log;
  client_body_temp_path $T/tmp/body;
  proxy_temp_path $T/tmp/proxy;
  fastcgi_temp_path $T/tmp/fastcgi;
  uwsgi_temp_path $T/tmp/uwsgi;
  scgi_temp_path $T/tmp/scgi;
  sendfile on;
  server {
    listen 127.0.0.1:$PORT;
    server_name localhost;
    location $SUB {
      alias $DIR/;
      index index.html;
      gzip_static on;
      gzip_vary on;
      error_page 404 ${SUB}404.html;
    }
  }
}
EOF
"$NGINX" -t -p "$T" -c "$T/nginx.conf" -e "$T/logs/error.log" >"$T/logs/test.log" 2>&1 \
  || { cat "$T/logs/test.log" >&2; gate_setup_error nginx "nginx -t refused the configuration"; }
"$NGINX" -p "$T" -c "$T/nginx.conf" -e "$T/logs/error.log" >"$T/logs/stdout.log" 2>&1 &
NGINX_PID=$!
URL="http://127.0.0.1:$PORT"
for _ in $(seq 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$T/logs/"*.log >&2; gate_setup_error nginx "nginx stopped at start"; }
  sleep 0.1
done
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || gate_setup_error nginx "nginx does not answer on $PORT"
echo "nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///') serving $DIR at $URL$SUB (pid $NGINX_PID)"

if [ ${#CMD[@]} -gt 0 ]; then
  ARGS=()
  for a in "${CMD[@]}"; do ARGS+=("${a//@URL@/$URL}"); done
  rc=0
  "${ARGS[@]}" || rc=$?
  exit "$rc"
fi

python3 - "$DIR" "$URL$SUB" <<'PY'
import gzip, os, sys, urllib.error, urllib.request
root, base = sys.argv[1], sys.argv[2]
passed = failed = 0
def check(name, ok, detail=""):
    global passed, failed
    if ok: passed += 1
    else: failed += 1
    print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""))
def get(path, gz):
    req = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"} if gz else {})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()
def first_profile():
    years = sorted((d for d in os.listdir(root) if d.isdigit()), reverse=True)
    for y in years:
        for s in sorted(os.listdir(os.path.join(root, y))):
            if s != "trang" and os.path.isfile(os.path.join(root, y, s, "index.html")):
                return f"{y}/{s}/"
    return None
if not os.path.isfile(os.path.join(root, "index.html.gz")):
    print(f"FAIL {root} has no index.html.gz: build it with precompress = true in site.toml")
    print("nginx: 0 passed, 1 failed"); sys.exit(1)
profile = first_profile()
cases = [("", "index.html", "text/html"), ("tim-kiem/", "tim-kiem/index.html", "text/html"),
         ("style.css", "style.css", "text/css"), ("search.js", "search.js", "javascript"),
         ("tim-kiem/index.json", "tim-kiem/index.json", "application/json"),
         ("sitemap.xml", "sitemap.xml", "xml")]
if profile:
    cases.insert(1, (profile, profile + "index.html", "text/html"))
svg = next((f for f in sorted(os.listdir(root)) if f.endswith(".svg")), None)
if svg:
    cases.append((svg, svg, "image/svg+xml"))
for path, file, ctype in cases:
    want = open(os.path.join(root, file), "rb").read()
    status, h, body = get(path, gz=True)
    enc = h.get("Content-Encoding", "")
    ok = status == 200 and enc == "gzip" and ctype in h.get("Content-Type", "")
    check(f"/{path}: 200, gzip, {ctype}", ok, f"HTTP {status}, Content-Encoding {enc!r}, Content-Type {h.get('Content-Type')!r}")
    if ok:
        same = gzip.decompress(body) == want
        check(f"/{path}: decompresses to the bytes of {file}", same)
        check(f"/{path}: sent as the .gz file itself", body == open(os.path.join(root, file + ".gz"), "rb").read())
        check(f"/{path}: Vary: Accept-Encoding", "Accept-Encoding" in h.get("Vary", ""), h.get("Vary"))
    status, h, body = get(path, gz=False)
    check(f"/{path} without gzip: the plain bytes", status == 200 and not h.get("Content-Encoding") and body == want,
          f"HTTP {status}, Content-Encoding {h.get('Content-Encoding')!r}, {len(body)} of {len(want)} bytes")
nf = open(os.path.join(root, "404.html"), "rb").read()
for gz in (False, True):
    status, h, body = get("khong-co-trang-nay/", gz)
    if h.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    check(f"a missing page{' (gzip)' if gz else ''}: 404 with the site's 404.html", status == 404 and body == nf,
          f"HTTP {status}, {len(body)} bytes")
print(f"nginx: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
