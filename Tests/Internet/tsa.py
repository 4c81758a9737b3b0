#!/usr/bin/env python3
"""A loopback RFC 3161 time-stamping authority for integration tests.

Usage: tsa.py DIR [PORT]   (DIR made by make-tsa.sh; PORT 0 picks a free one)
Prints "listening on http://127.0.0.1:PORT/" once ready. Each POST of an application/timestamp-query body
(at most 64 KiB) is answered by `openssl ts -reply` with application/timestamp-reply.
"""
import http.server
import os
import subprocess
import sys
import tempfile

# Swift's Process on Linux lets a child inherit the test runner's other pipes; a server that kept them open would
# keep another test waiting for end-of-file forever. Drop everything but stdin, stdout and stderr first.
os.closerange(3, 65536)

MAX_QUERY = 64 * 1024


def make_handler(folder):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length <= 0 or length > MAX_QUERY:
                self.send_error(413 if length > MAX_QUERY else 400)
                return
            query = self.rfile.read(length)
            with tempfile.TemporaryDirectory() as scratch:
                query_path = os.path.join(scratch, "q.tsq")
                reply_path = os.path.join(scratch, "r.tsr")
                with open(query_path, "wb") as handle:
                    handle.write(query)
                result = subprocess.run(
                    ["openssl", "ts", "-reply", "-config", os.path.join(folder, "tsa.cnf"),
                     "-queryfile", query_path, "-out", reply_path],
                    capture_output=True, timeout=20)
                if result.returncode != 0:
                    self.send_error(500, result.stderr.decode(errors="replace")[:200])
                    return
                with open(reply_path, "rb") as handle:
                    reply = handle.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args):
            pass

    return Handler


def main():
    folder = os.path.abspath(sys.argv[1])
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), make_handler(folder))
    print(f"listening on http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
