#!/usr/bin/env python3
"""Serve dist/ under a base path the way GitHub Pages does, for `make serve` and the tests.

- /cs-planner/x        → dist/x
- a folder without "/" → 301 to the folder with "/" (query kept)
- a folder             → its index.html
- anything missing     → dist/404.html with status 404

Usage: serve.py [--dir dist] [--base /cs-planner/] [--port 8080] [--host 127.0.0.1] [--quiet]
"""
import argparse
import functools
import http.server
import os
import posixpath
import sys
import urllib.parse

TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".svg": "image/svg+xml",
         ".css": "text/css", ".html": "text/html; charset=utf-8", ".json": "application/json",
         ".webmanifest": "application/manifest+json", ".png": "image/png"}


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, base, root, quiet, **kwargs):
        self.base, self.root, self.quiet = base, root, quiet
        super().__init__(*args, directory=root, **kwargs)

    def log_message(self, fmt, *args):
        if not self.quiet:
            super().log_message(fmt, *args)

    def guess_type(self, path):
        return TYPES.get(os.path.splitext(path)[1], super().guess_type(path))

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self):
        self.route(head=False)

    def do_HEAD(self):
        self.route(head=True)

    def route(self, head):
        url = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(url.path)
        if path + "/" == self.base:
            return self.redirect(self.base, url.query)
        if not path.startswith(self.base):
            return self.not_found(head)
        rel = posixpath.normpath(path[len(self.base):] or ".").lstrip("/")
        if rel.startswith(".."):
            return self.not_found(head)
        full = os.path.join(self.root, rel)
        if os.path.isdir(full):
            if not path.endswith("/"):
                return self.redirect(path + "/", url.query)
            full = os.path.join(full, "index.html")
        if not os.path.isfile(full):
            return self.not_found(head)
        self.send_file(full, 200, head)

    def redirect(self, location, query):
        self.send_response(301)
        self.send_header("Location", location + ("?" + query if query else ""))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def not_found(self, head):
        page = os.path.join(self.root, "404.html")
        if os.path.isfile(page):
            return self.send_file(page, 404, head)
        self.send_error(404)

    def send_file(self, full, status, head):
        with open(full, "rb") as f:
            body = f.read()
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(full))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="dist")
    ap.add_argument("--base", default="/cs-planner/")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    base = "/" + a.base.strip("/") + "/" if a.base.strip("/") else "/"
    if not os.path.isfile(os.path.join(a.dir, "index.html")):
        sys.exit(f"serve.py: {a.dir}/index.html not found; build first (make build)")
    handler = functools.partial(Handler, base=base, root=os.path.abspath(a.dir), quiet=a.quiet)
    server = http.server.ThreadingHTTPServer((a.host, a.port), handler)
    print(f"Serving {a.dir}/ at http://{a.host}:{server.server_address[1]}{base}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
