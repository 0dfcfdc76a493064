#!/usr/bin/env python3
"""Measures the release bundle (wasm + JS, raw and gzip -9) and fails above the budgets kept in
bundle-budget.json. The build (scripts/build_wasm.py) cuts the wasm into what the start
downloads and chunks fetched when first needed, so there are two figures:

  start   what a visit downloads before the first page (the Book) runs: the main wasm and the
          JS (app.js and the chunk loader __wasm_split.js, which it imports). Budget max_gzip_kb.
  all     every wasm and JS file of the build, chunks included. Budget max_total_gzip_kb.

Prints one line per part and the totals; `--json` prints the figures."""
import glob
import gzip
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MAIN_WASM = "app_bg.wasm"


def size(path):
    with open(path, "rb") as f:
        data = f.read()
    return len(data), len(gzip.compress(data, 9))


def measure(dist):
    pkgs = sorted(glob.glob(os.path.join(dist, "pkg-*")))
    if len(pkgs) != 1:
        return None
    pkg = pkgs[0]
    parts = {"start": {"raw": 0, "gzip": 0, "files": []}, "later": {"raw": 0, "gzip": 0, "files": []}}
    for path in sorted(glob.glob(os.path.join(pkg, "*"))):
        name = os.path.basename(path)
        raw, gz = size(path)
        part = parts["start" if name.endswith(".js") or name == MAIN_WASM else "later"]
        part["raw"] += raw
        part["gzip"] += gz
        part["files"].append([name, raw, gz])
    out = {"pkg": os.path.basename(pkg), **parts}
    out["start_gzip"] = parts["start"]["gzip"]
    out["total_gzip"] = parts["start"]["gzip"] + parts["later"]["gzip"]
    # sw.js is the service worker, not the app: fetched after start-up, measured apart.
    worker = os.path.join(dist, "sw.js")
    if os.path.isfile(worker):
        out["worker_gzip"] = size(worker)[1]
    return out


def main():
    # DIST picks another build directory, as the end-to-end tests and the bench do.
    dist = os.path.join(ROOT, os.environ.get("DIST", "dist"))
    m = measure(dist)
    if m is None:
        print(f"bundle: no single pkg-*/ folder in {dist} (build first)", file=sys.stderr)
        return 1
    if "--json" in sys.argv:
        print(json.dumps(m))
        return 0
    budgets = json.load(open(os.path.join(ROOT, "bundle-budget.json")))
    kb = lambda n: f"{n / 1024:.1f} KB"
    for part, what in (("start", "downloaded before the first page"), ("later", "fetched when first needed")):
        for name, raw, gz in m[part]["files"]:
            print(f"bundle: {part:5} {name:24} {kb(raw):>10} raw {kb(gz):>10} gzip")
        print(f"bundle: {part:5} {what}: {kb(m[part]['gzip'])} gzip")
    if "worker_gzip" in m:
        print(f"bundle: sw.js {kb(m['worker_gzip']):>10} gzip (the service worker, not counted)")
    ok = True
    for label, value, key in (("start", m["start_gzip"], "max_gzip_kb"), ("all", m["total_gzip"], "max_total_gzip_kb")):
        budget = budgets[key]
        fits = value / 1024 <= budget
        ok &= fits
        print(f"bundle: {label} {value / 1024:.1f} KB gzip, budget {budget} KB: {'ok' if fits else 'OVER BUDGET'}")
    print(f"bundle: total {m['start_gzip'] / 1024:.1f} KB gzip at start, {m['total_gzip'] / 1024:.1f} KB in all")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
