#!/usr/bin/env bash
# .ci/gates/output.sh BANGVANG: builds that cannot finish leave output/ as it was, on real
# file systems `cargo test` cannot make without root (issue 11 §2 and §4):
#   1. a full disk: the sample site built into a small tmpfs, the tmpfs filled, a profile
#      edited: the build must exit 2 (I/O, not a template error), the output unchanged,
#      nothing left beside it; once there is room again, the build completes;
#   2. the same with the output folder being the mount point itself (it cannot be
#      swapped: the journal commit), full and then with room;
#   3. the output a mount point: a rebuild gives the same files as a build elsewhere.
# Needs root (mount). Last line:   output: OK (N checks)   or the first failure.
# Exit: 0 ok, 1 a check failed, 2 cannot run.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=env.sh
. "$HERE/env.sh"
[ $# -eq 1 ] || gate_setup_error output "usage: $0 BANGVANG_BINARY"
BIN="$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"
[ -x "$BIN" ] || gate_setup_error output "no binary at $1"
[ "$(id -u)" -eq 0 ] || gate_setup_error output "needs root to mount a tmpfs"
REPO="$(cd "$HERE/../.." && pwd -P)"

TMP="$(mktemp -d)"
MNT="$TMP/mnt"
cleanup() { umount "$MNT" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
mkdir -p "$TMP/site" "$MNT"
cp -r "$REPO/content" "$TMP/site/"
[ -d "$REPO/themes" ] && cp -r "$REPO/themes" "$TMP/site/"
SITE="$TMP/site"
PROFILE="$SITE/content/2024/nguyen-thi-hanh.md"
[ -f "$PROFILE" ] || gate_setup_error output "no sample profile at $PROFILE"
CHECKS=0

fail() { echo "output: FAILED: $*"; exit 1; }
ok() { CHECKS=$((CHECKS + 1)); echo "  ok: $*"; }
# the names, sizes and bytes of every file under $1
fingerprint() { (cd "$1" && find . -type f ! -name .filler -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); }
build() { "$BIN" build --root "$SITE" "$@"; }
# a build that must succeed: its messages shown only when it does not
quiet() { local log; log="$(build "$@" 2>&1)" || { echo "$log" | tail -n 20; return 1; }; }
# fills the file system of $1 to the last byte
fill() { dd if=/dev/zero of="$1/.filler" bs=64k status=none 2>/dev/null || true; sync; }
edit() { printf '\nMột dòng sửa lần %s.\n' "$1" >>"$PROFILE"; }

# The site's size, to size the tmpfs: room for one output and its staged changes.
quiet --output "$TMP/ref" || fail "the sample site does not build"
KB=$(du -sk "$TMP/ref" | cut -f1)
SIZE=$((KB * 3 + 2048))
mount -t tmpfs -o "size=${SIZE}k" tmpfs "$MNT" || gate_setup_error output "mount -t tmpfs failed"

full_disk() { # full_disk OUTPUT WHAT
  local out="$1" what="$2" before rc err
  quiet --output "$out" || fail "$what: the first build failed"
  before="$(fingerprint "$out")"
  fill "$MNT"
  edit "$what"
  set +e
  err="$(build --output "$out" 2>&1 >/dev/null)"; rc=$?
  err="$(printf '%s\n' "$err" | grep '^lỗi' || true)"
  set -e
  [ "$rc" -eq 2 ] || fail "$what: a full disk gave exit $rc, not 2: $err"
  case "$err" in *"không ghi được"*) ;; *) fail "$what: no I/O message: $err" ;; esac
  case "$err" in *"lỗi mẫu trang"*) fail "$what: reported as a template error: $err" ;; esac
  [ "$(fingerprint "$out")" = "$before" ] || fail "$what: the output changed on a full disk"
  ok "$what: a full disk is exit 2 and the output is unchanged"
  rm -f "$MNT/.filler"
  quiet --output "$out" || fail "$what: the build after freeing space failed"
  [ -z "$(find "$MNT" -maxdepth 2 -name '*.bangvang-*' ! -name '.bangvang-files.json')" ] \
    || fail "$what: something left beside the output: $(ls -a "$MNT" "$out")"
  grep -q "Một dòng sửa lần $what" "$out/2024/nguyen-thi-hanh/index.html" \
    || fail "$what: the edit is not in the output"
  ok "$what: with room again the build completes, nothing left behind"
}

full_disk "$MNT/out" "folder-in-tmpfs"
rm -rf "${MNT:?}/out"
full_disk "$MNT" "mount-point"

# A rebuild into the mount point gives the same files as a build elsewhere.
edit "last"
quiet --output "$MNT" || fail "rebuild into the mount point failed"
quiet --output "$TMP/ref" || fail "reference build failed"
[ "$(fingerprint "$MNT")" = "$(fingerprint "$TMP/ref")" ] \
  || fail "the mount point's output differs from a build elsewhere"
ok "a rebuild into a mount point equals a build elsewhere"
echo "output: OK ($CHECKS checks)"
