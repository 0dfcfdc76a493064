#!/usr/bin/env python3
"""Trunk post-build hook: make the built site safe and deep-linkable on static hosting.

1. Fill the Content-Security-Policy with the sha256 of each inline <script> Trunk wrote (its
   wasm loader), so the policy needs neither 'unsafe-inline' nor 'unsafe-eval'.
2. Copy index.html to <page>/index.html for every page, so a reload of /cs-planner/segments
   is answered with the app (status 200) by any static host, GitHub Pages included, and to
   404.html, so an unknown path still shows the app's own "page not found".

Runs in Trunk's staging directory (TRUNK_STAGING_DIR), or on a directory given as argument.
"""
import base64
import hashlib
import os
import re
import sys

PAGES = ["book", "segments", "lifecycle", "renewals", "revenue", "capacity", "team", "board", "settings"]
PLACEHOLDER = "__INLINE_SCRIPT_HASHES__"


def main() -> int:
    root = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR", "dist")
    index_path = os.path.join(root, "index.html")
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    if PLACEHOLDER not in html:
        print(f"post_build: no {PLACEHOLDER} in {index_path}", file=sys.stderr)
        return 1
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in scripts
    )
    html = html.replace(PLACEHOLDER, hashes)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write(html)
    for page in PAGES:
        os.makedirs(os.path.join(root, page), exist_ok=True)
        with open(os.path.join(root, page, "index.html"), "w", encoding="utf-8") as f:
            f.write(html)
    with open(os.path.join(root, "404.html"), "w", encoding="utf-8") as f:
        f.write(html)
    print(f"post_build: {len(scripts)} inline script hash(es), {len(PAGES)} page copies, 404.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
