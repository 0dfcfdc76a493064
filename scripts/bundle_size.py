#!/usr/bin/env python3
"""Measures the release bundle (wasm + JS, raw and gzip -9) and fails above the budget kept in
bundle-budget.json. Prints one line per file kind and a total; `--json` prints the figures."""
import glob
import gzip
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def measure(dist):
    out = {}
    for kind in ("wasm", "js"):
        # sw.js is the service worker, not the app: fetched after start-up, measured apart.
        files = [f for f in glob.glob(os.path.join(dist, f"*.{kind}")) if os.path.basename(f) != "sw.js"]
        raw = sum(os.path.getsize(f) for f in files)
        gz = sum(len(gzip.compress(open(f, "rb").read(), 9)) for f in files)
        out[kind] = {"raw": raw, "gzip": gz, "files": len(files)}
    out["total_gzip"] = out["wasm"]["gzip"] + out["js"]["gzip"]
    worker = os.path.join(dist, "sw.js")
    if os.path.isfile(worker):
        out["worker_gzip"] = len(gzip.compress(open(worker, "rb").read(), 9))
    return out


def main():
    # DIST picks another build directory, as the end-to-end tests and the bench do.
    dist = os.path.join(ROOT, os.environ.get("DIST", "dist"))
    m = measure(dist)
    if m["wasm"]["files"] == 0:
        print("bundle: no wasm in dist/ (build first)", file=sys.stderr)
        return 1
    budget = json.load(open(os.path.join(ROOT, "bundle-budget.json")))["max_gzip_kb"]
    if "--json" in sys.argv:
        print(json.dumps(m))
        return 0
    kb = lambda n: f"{n / 1024:.1f} KB"
    for kind in ("wasm", "js"):
        print(f"bundle: {kind:4} {kb(m[kind]['raw']):>10} raw {kb(m[kind]['gzip']):>10} gzip")
    if "worker_gzip" in m:
        print(f"bundle: sw.js {kb(m['worker_gzip']):>10} gzip (the service worker, not counted)")
    total = m["total_gzip"] / 1024
    verdict = "ok" if total <= budget else "OVER BUDGET"
    print(f"bundle: total {total:.1f} KB gzip, budget {budget} KB: {verdict}")
    return 0 if total <= budget else 1


if __name__ == "__main__":
    sys.exit(main())
