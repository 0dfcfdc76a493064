#!/usr/bin/env python3
"""Trunk post-build hook: build the wasm, make the site safe and deep-linkable on static hosting.

0. Join the style sheets Trunk wrote into one file (app-<hash>.css): one request instead of
   ten, which on an HTTP/1.1 host (six connections) no longer queue ahead of the wasm.
   Build the app's wasm and JS (scripts/build_wasm.py: in a release build, cut into chunks
   fetched when first needed) and put the loader that starts it in index.html.
1. Fill the Content-Security-Policy with the sha256 of each inline <script> (the wasm loader
   written in step 0), so the policy needs neither 'unsafe-inline' nor 'unsafe-eval'.
2. Copy index.html to <page>/index.html for every page, so a reload of /cs-planner/segments
   is answered with the app (status 200) by any static host, GitHub Pages included, and to
   404.html, so an unknown path still shows the app's own "page not found". Each page's copy
   preloads the chunk its page's code is in, beside the main wasm.
3. Write the service worker, sw.js, from the template public/sw.js: the exact list of this
   build's files with their SRI hashes, and a version derived from those hashes (so a new
   deploy is a new worker). The page copies and 404.html are left out: they are index.html,
   which the worker answers every page with.

Runs in Trunk's staging directory (TRUNK_STAGING_DIR), or on a directory given as argument.
`post_build.py --worker DIR` rewrites only DIR/sw.js, for a build whose files were changed
after the hook ran (the end-to-end test of the update notice simulates a deploy that way).
"""
import base64
import hashlib
import json
import os
import re
import sys

import build_wasm

PAGES = ["book", "segments", "lifecycle", "renewals", "revenue", "capacity", "team", "board", "settings"]
PLACEHOLDER = "__INLINE_SCRIPT_HASHES__"
WORKER = "sw.js"
WORKER_TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "public", WORKER)


def sri(data: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()


STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+\.css)"[^>]*/?>\n?')


def join_css(root: str, html: str) -> str:
    """Replaces the page's style sheets with one file of them all, in the same order."""
    links = list(STYLESHEET.finditer(html))
    if len(links) < 2:
        return html
    parts = []
    for link in links:
        path = os.path.join(root, link.group(1).rsplit("/", 1)[-1])
        with open(path, encoding="utf-8") as f:
            parts.append(f"/* {os.path.basename(path)} */\n" + f.read().strip() + "\n")
        os.remove(path)
    css = "\n".join(parts).encode("utf-8")
    name = f"app-{hashlib.sha256(css).hexdigest()[:16]}.css"
    with open(os.path.join(root, name), "wb") as f:
        f.write(css)
    href = links[0].group(1).rsplit("/", 1)[0] + "/" + name
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(css).digest()).decode()
    tag = f'<link rel="stylesheet" href="{href}" integrity="{integrity}"/>\n'
    for link in reversed(links):
        html = html[: link.start()] + (tag if link is links[0] else "") + html[link.end():]
    return html


def write_worker(root: str) -> int:
    """Writes root/sw.js for the files in root; returns how many files it precaches."""
    skip = {WORKER, "404.html"} | {f"{page}/index.html" for page in PAGES}
    files = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            if rel not in skip:
                with open(path, "rb") as f:
                    files.append([rel, sri(f.read())])
    with open(WORKER_TEMPLATE, encoding="utf-8") as f:
        template = f.read()
    digest = hashlib.sha256(template.encode("utf-8"))
    for rel, integrity in files:
        digest.update(f"{rel}\0{integrity}\n".encode("utf-8"))
    version = digest.hexdigest()[:16]
    listing = "[\n" + "".join(f"  {json.dumps(entry, ensure_ascii=False)},\n" for entry in files) + "]"
    if "'__SW_VERSION__'" not in template or "__SW_FILES__" not in template:
        raise SystemExit(f"post_build: {WORKER_TEMPLATE} lacks the __SW_VERSION__ / __SW_FILES__ placeholders")
    worker = template.replace("'__SW_VERSION__'", json.dumps(version)).replace("__SW_FILES__", listing)
    with open(os.path.join(root, WORKER), "w", encoding="utf-8") as f:
        f.write(worker)
    return len(files)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        n = write_worker(sys.argv[2])
        print(f"post_build: {WORKER} precaching {n} files")
        return 0
    root = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR", "dist")
    index_path = os.path.join(root, "index.html")
    with open(index_path, encoding="utf-8") as f:
        html = f.read()
    if PLACEHOLDER not in html:
        print(f"post_build: no {PLACEHOLDER} in {index_path}", file=sys.stderr)
        return 1
    html = join_css(root, html)
    release = os.environ.get("TRUNK_PROFILE") == "release"
    head, page_preload, pkg = build_wasm.build(root, os.environ.get("TRUNK_PUBLIC_URL", "/"), release)
    html = html.replace("</head>", head + "</head>", 1)
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
        extra = "" if page in build_wasm.PAGES_IN_MAIN else page_preload
        with open(os.path.join(root, page, "index.html"), "w", encoding="utf-8") as f:
            f.write(html.replace("</head>", extra + "</head>", 1))
    with open(os.path.join(root, "404.html"), "w", encoding="utf-8") as f:
        f.write(html)
    n = write_worker(root)
    print(f"post_build: {pkg}, {len(scripts)} inline script hash(es), {len(PAGES)} page copies, 404.html, {WORKER} precaching {n} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
