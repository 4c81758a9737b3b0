#!/usr/bin/env python3
"""A loopback web server for evidence-capture integration tests and the capture benchmark.

Usage: web.py [--port N] [--tls-cert PEM --tls-key PEM]
Prints "listening on http(s)://127.0.0.1:PORT/" once ready.

  /page               a small HTML page
  /redirect           302 -> /redirect/2 (relative), which 301s -> /page
  /loop/a, /loop/b    redirect to each other
  /big?bytes=N        N bytes of text (default 1 MB), for byte-limit tests
  /pages/N            100,000 bytes that differ per N, for the benchmark
"""
import argparse
import os
import http.server
import ssl
import urllib.parse

# Swift's Process on Linux lets a child inherit the test runner's other pipes; a server that kept them open would
# keep another test waiting for end-of-file forever. Drop everything but stdin, stdout and stderr first.
os.closerange(3, 65536)

PAGE = b"<!doctype html><title>Sample</title><h1>A face-swapped video of Li Wei</h1>\n"


def body_for(index, size):
    seed = f"page {index} ".encode()
    return (seed * (size // len(seed) + 1))[:size]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def send_body(self, status, body, content_type="text/html; charset=utf-8", extra=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, status, location):
        self.send_body(status, b"", extra=[("Location", location)])

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        if path == "/page":
            self.send_body(200, PAGE)
        elif path == "/redirect":
            self.redirect(302, "redirect/2")
        elif path == "/redirect/2":
            self.redirect(301, "/page")
        elif path == "/loop/a":
            self.redirect(302, "/loop/b")
        elif path == "/loop/b":
            self.redirect(302, "/loop/a")
        elif path == "/big":
            size = int(urllib.parse.parse_qs(url.query).get("bytes", ["1000000"])[0])
            self.send_body(200, body_for("big", size), "text/plain")
        elif path.startswith("/pages/"):
            self.send_body(200, body_for(path[7:], 100_000))
        else:
            self.send_body(404, b"not found\n", "text/plain")

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    scheme = "http"
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    print(f"listening on {scheme}://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
