"""WHOIS servers on port 43 equivalents: one per whois/<server> folder, plus a catch-all."""

import os
import socketserver
import time

from .common import HANG_SECONDS, fixtures, log_request, read_meta


class WHOISHandler(socketserver.BaseRequestHandler):
    def handle(self):
        server_name = self.server.whois_name
        self.request.settimeout(10)
        data = b""
        try:
            while b"\n" not in data and len(data) < 4096:
                chunk = self.request.recv(1024)
                if not chunk:
                    break
                data += chunk
        except OSError:
            return
        query = data.split(b"\n")[0].rstrip(b"\r").decode("utf-8", "replace").strip()
        log_request("whois", server_name, "QUERY", query)
        directory = os.path.join(fixtures(), "whois", server_name) if server_name else None
        name = query.lower().replace("/", "_")
        meta = {}
        body = f"No match for \"{query}\".\r\n".encode()
        if directory and os.path.isdir(directory):
            meta.update(read_meta(os.path.join(directory, "_server.json")))
            meta.update(read_meta(os.path.join(directory, name + ".meta.json")))
            for candidate in (name + ".txt", "_notfound.txt"):
                path = os.path.join(directory, candidate)
                if os.path.isfile(path):
                    with open(path, "rb") as handle:
                        body = handle.read()
                    break
        try:
            if meta.get("hang"):
                time.sleep(HANG_SECONDS)
                return
            if meta.get("delay"):
                time.sleep(float(meta["delay"]))
            if meta.get("repeat_to"):
                total = int(meta["repeat_to"])
                body = (body * (total // max(1, len(body)) + 1))[:total]
            if meta.get("slow"):
                rate = max(1, int(meta["slow"]))
                for start in range(0, len(body), rate):
                    self.request.sendall(body[start:start + rate])
                    time.sleep(1)
            else:
                self.request.sendall(body)
        except OSError:
            pass


class WHOISServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, name):
        self.whois_name = name
        super().__init__(("127.0.0.1", 0), WHOISHandler)
