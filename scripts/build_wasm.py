#!/usr/bin/env python3
"""Builds the app's wasm and its JS glue into a built site (called by post_build.py).

Trunk builds the HTML, the CSS and the copied files; this builds the Rust, because Trunk 0.21
cannot split a wasm. A release build is cut into chunks that are fetched when first needed:

  cargo build --release   with --cfg split_pages (src/pages/lazy.rs) and --emit-relocs
  wasm-split-cli          main wasm + one wasm per split point (+ chunks they share) + the
                          loader __wasm_split.js
  wasm-bindgen            the main wasm's JS glue (app.js)
  wasm-opt -Oz            every wasm

The files go to pkg-<hash of their contents>/ in the site, so a new build is new URLs and the
names inside the folder (the loader fetches "./split_pages.wasm") stay as the tools wrote them.
A debug build is one wasm, not optimised, for a quicker build.

`build` returns to post_build.py the <head> markup that starts the app, the preloads a page
other than the Book adds (its chunk and the chunks that one needs), and the folder's name.
"""
import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TARGET = "wasm32-unknown-unknown"
BIN = "cs-planner"
# The features Rust's wasm32 target enables (wasm-opt must accept what the input uses).
WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
                 "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"]
# Which split point each page's code is in (src/pages/mod.rs): every page but the Book.
PAGE_SPLIT = "pages"
PAGES_IN_MAIN = {"book"}


def run(cmd, **kw):
    print("build_wasm:", " ".join(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def sri384(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def read(folder, name) -> bytes:
    with open(os.path.join(folder, name), "rb") as f:
        return f.read()


def cargo_build(release: bool) -> str:
    flags = ["--cfg", "erase_components"]
    if release:
        flags += ["--cfg", "split_pages", "-Clink-args=--emit-relocs"]
    env = dict(os.environ, CARGO_ENCODED_RUSTFLAGS="\x1f".join(flags))
    env.pop("RUSTFLAGS", None)
    cmd = ["cargo", "build", "--locked", "--target", TARGET, "--bin", BIN]
    if release:
        cmd.append("--release")
    run(cmd, env=env)
    target_dir = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target_dir, TARGET, "release" if release else "debug", f"{BIN}.wasm")


def split_deps(loader_js: str) -> dict:
    """{split point: [wasm files it loads, its own last]} read from __wasm_split.js."""
    chunks = dict(re.findall(r'const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./([^"]+)"', loader_js))
    out = {}
    for name, own, deps in re.findall(
            r'export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./([^"]+)".*?\n, \[([^\]]*)\]\)\);', loader_js, flags=re.S):
        out[name] = [chunks[d.strip()] for d in deps.split(",") if d.strip() in chunks] + [own]
    return out


def build(site: str, base: str, release: bool):
    wasm = cargo_build(release)
    with tempfile.TemporaryDirectory() as tmp:
        split_dir, out = os.path.join(tmp, "split"), os.path.join(tmp, "out")
        main_wasm = wasm
        if release:
            run(["wasm-split-cli", wasm, split_dir, "--out-name", "app"])
            main_wasm = os.path.join(split_dir, "app.wasm")
            # Kept, with its names, for `make bench`'s summary of what the start downloads.
            shutil.copy(main_wasm, os.path.join(os.path.dirname(wasm), f"{BIN}.main.wasm"))
        run(["wasm-bindgen", main_wasm, "--out-dir", out, "--out-name", "app", "--target", "web",
             "--no-typescript"] + (["--keep-lld-exports"] if release else []))
        deps = {}
        if release:
            for name in sorted(os.listdir(split_dir)):
                if name != "app.wasm":
                    shutil.copy(os.path.join(split_dir, name), os.path.join(out, name))
            with open(os.path.join(out, "__wasm_split.js"), encoding="utf-8") as f:
                deps = split_deps(f.read())
            if PAGE_SPLIT not in deps:
                raise SystemExit(f"build_wasm: no split point {PAGE_SPLIT!r} in __wasm_split.js (found {sorted(deps)})")
            for name in sorted(os.listdir(out)):
                if name.endswith(".wasm"):
                    path = os.path.join(out, name)
                    run(["wasm-opt", "-Oz", *WASM_FEATURES, path, "-o", path])
        digest = hashlib.sha256()
        for name in sorted(os.listdir(out)):
            with open(os.path.join(out, name), "rb") as f:
                digest.update(name.encode() + b"\0" + f.read())
        pkg = f"pkg-{digest.hexdigest()[:16]}"
        dest = os.path.join(site, pkg)
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(out, dest)
    url = f"{base}{pkg}/"
    # Every JS module up front: app.js imports the chunk loader, which would otherwise be
    # fetched only once app.js is parsed.
    modules = "".join(
        f'<link rel="modulepreload" href="{url}{name}" crossorigin="anonymous" integrity="{sri384(read(dest, name))}">\n'
        for name in sorted(os.listdir(dest)) if name.endswith(".js"))
    head = (
        modules +
        f'<link rel="preload" href="{url}app_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">\n'
        f'<script type="module">\nimport init from \'{url}app.js\';\nawait init({{ module_or_path: \'{url}app_bg.wasm\' }});\n</script>\n'
    )
    # A page other than the Book fetches its split's files at once: the copy of index.html at
    # its path starts fetching them with the main wasm.
    preload = "".join(
        f'<link rel="preload" href="{url}{name}" crossorigin="anonymous" as="fetch" type="application/wasm">\n'
        for name in deps.get(PAGE_SPLIT, []))
    return head, preload, pkg


if __name__ == "__main__":
    site = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "dist")
    head, _, pkg = build(site, os.environ.get("TRUNK_PUBLIC_URL", "/"), os.environ.get("TRUNK_PROFILE") == "release")
    print(head)
