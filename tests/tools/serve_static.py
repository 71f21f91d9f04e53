#!/usr/bin/env python3
"""Tiny static file server for hongfan's end-to-end checks (stdlib only).

    serve_static.py ROOT [--bind 127.0.0.1] [--port 0] [--port-file FILE] [--log FILE]

Differences from `python3 -m http.server`, all deliberate:
  * --port 0 (default) binds a free port chosen by the kernel and writes it to
    --port-file once listening (no race when picking a port).
  * Directory listings are disabled: a folder without index.html is a 404, so a
    link to such a folder counts as broken (http.server would answer 200 with a
    generated listing and hide the bug).
  * Every response carries a "LinkChecker: ok" header: linkchecker then lifts
    its built-in per-host throttle (0.1-0.6 s sleep per request), which makes
    crawls of a few hundred URLs take seconds instead of minutes.
  * Paths are decoded as UTF-8 whatever the locale (Chinese folder names).
  * Requests are logged to --log (or discarded), not to the terminal.
  * --gzip compresses HTML, CSS, JavaScript, JSON, XML and SVG for clients
    that accept it, as the user guide's Nginx example does (`gzip on`), so
    Lighthouse measures the site as it is served, not a raw file dump.
"""
import argparse
import functools
import gzip
import http.server
import os
import sys


COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "application/atom+xml", "application/manifest+json", "image/svg+xml")


class Handler(http.server.SimpleHTTPRequestHandler):
    log_file = None
    gzip = False

    def send_head(self):
        if not self.gzip or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if not os.path.isfile(path) or not ctype.startswith(COMPRESSIBLE) or not self.path.split("?")[0].endswith(("/", ".html", ".css", ".js", ".json", ".xml", ".svg", ".webmanifest", ".txt", ".ics")):
            return super().send_head()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)

    def end_headers(self):
        self.send_header("LinkChecker", "ok")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def list_directory(self, path):  # no generated listings
        self.send_error(404, "No index.html in this folder")
        return None

    def log_message(self, fmt, *args):
        if self.log_file is not None:
            self.log_file.write("%s - %s\n" % (self.address_string(), fmt % args))
            self.log_file.flush()


# .xml/.atom/.ics types, in case the platform's mime.types lacks them
Handler.extensions_map = dict(Handler.extensions_map)
Handler.extensions_map.update({
    ".xml": "application/xml",
    ".atom": "application/atom+xml",
    ".ics": "text/calendar",
    ".webmanifest": "application/manifest+json",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".woff2": "font/woff2",
})


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root")
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--log")
    ap.add_argument("--gzip", action="store_true", help="compress text responses, as Nginx's `gzip on`")
    a = ap.parse_args()
    Handler.gzip = a.gzip

    if a.log:
        Handler.log_file = open(a.log, "a", encoding="utf-8")
    handler = functools.partial(Handler, directory=os.path.abspath(a.root))
    http.server.ThreadingHTTPServer.daemon_threads = True
    httpd = http.server.ThreadingHTTPServer((a.bind, a.port), handler)
    port = httpd.server_address[1]
    if a.port_file:
        tmp = a.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.replace(tmp, a.port_file)  # atomic: readers never see a partial file
    else:
        print(port, flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
