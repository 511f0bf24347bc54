#!/usr/bin/env python3
"""What a built site weighs, by kind of file, for bench/compare.sh.

    python3 bench/weights.py OUTPUT N [--tsv FILE PLACE]

Prints a Markdown table: for each kind (profile pages, list pages, other pages, the
search index, feed and sitemap, theme files, media: photos, share cards, QR codes; the
precompressed .gz apart) its files, bytes and bytes on disk (blocks, as `du` counts),
and per profile; then the total without media and with it, the largest HTML page (the
print boards /YEAR/in/ apart: they are meant to be long) and the HTML pages over 150 KB.
With --tsv, also appends the figures to FILE as compare.sh's facts (place PLACE).
"""
from __future__ import annotations

import os
import re
import sys

LIMIT = 150 * 1024
MEDIA = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif")


def kind(rel: str) -> str:
    if rel.endswith(".gz"):
        return "precompressed .gz"
    if rel.endswith(MEDIA) or rel.endswith("qr.svg"):
        return "media"
    if rel.startswith("tim-kiem/") and rel != "tim-kiem/index.html":
        return "search index"
    if rel in ("atom.xml",) or re.fullmatch(r"sitemap(-\d+)?\.xml", rel):
        return "feed and sitemap"
    if rel.endswith(".html"):
        if re.fullmatch(r"\d{4}/in/index\.html", rel):
            return "print boards"
        if re.fullmatch(r"\d{4}/(?!trang/)[^/]+/index\.html", rel):
            return "profile pages"
        if rel == "index.html" or re.fullmatch(r"(\d{4}|don-vi(/[^/]+)?)/(trang/\d+/)?index\.html", rel):
            return "list pages"
        return "other pages"
    return "theme and static files"


ORDER = ["profile pages", "list pages", "other pages", "print boards", "search index",
         "feed and sitemap", "theme and static files", "media", "precompressed .gz"]


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 5) or (len(argv) == 5 and argv[2] != "--tsv"):
        print(__doc__, file=sys.stderr)
        return 2
    out, n = argv[0], int(argv[1])
    tsv = argv[3] if len(argv) == 5 else None
    place = argv[4] if len(argv) == 5 else ""
    sums: dict[str, list[int]] = {k: [0, 0, 0] for k in ORDER}
    largest = (0, "")
    over = 0
    for d, _, files in os.walk(out):
        for f in files:
            p = os.path.join(d, f)
            st = os.stat(p)
            rel = os.path.relpath(p, out).replace(os.sep, "/")
            k = kind(rel)
            s = sums[k]
            s[0] += 1
            s[1] += st.st_size
            s[2] += st.st_blocks * 512
            if rel.endswith(".html") and k != "print boards":
                largest = max(largest, (st.st_size, rel))
                over += st.st_size > LIMIT
    per = max(n, 1)
    print(f"| output of {n:,} profiles | files | MB | MB on disk | bytes per profile | on disk per profile |")
    print("|---|---:|---:|---:|---:|---:|")
    def row(label, s):
        print(f"| {label} | {s[0]:,} | {s[1] / 1e6:.1f} | {s[2] / 1e6:.1f} | {s[1] / per:,.0f} | {s[2] / per:,.0f} |")
    for k in ORDER:
        if sums[k][0]:
            row(k, sums[k])
    controlled = [sum(sums[k][i] for k in ORDER if k not in ("media", "precompressed .gz")) for i in range(3)]
    everything = [sum(sums[k][i] for k in ORDER if k != "precompressed .gz") for i in range(3)]
    row("**pages and indexes** (all but media and .gz)", controlled)
    row("**with media**", everything)
    html = sums["profile pages"][1] + sums["list pages"][1] + sums["other pages"][1]
    print()
    print(f"- largest HTML page (print boards apart): {largest[1]}, {largest[0] / 1024:.1f} KB; "
          f"pages over 150 KB: {over}")
    print(f"- HTML per profile: {html / per:,.0f} bytes (profile pages {sums['profile pages'][1] / max(sums['profile pages'][0], 1):,.0f} bytes each)")
    if tsv:
        with open(tsv, "a", encoding="utf-8") as f:
            for key, value in [("weight-bytes", controlled[1]), ("weight-disk", controlled[2]),
                               ("media-bytes", sums["media"][1]), ("media-disk", sums["media"][2]),
                               ("largest-page", largest[0]), ("pages-over-150k", over),
                               ("html-bytes", html)]:
                f.write(f"{place}\t{key}\t-\t{value}\t\t0\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
