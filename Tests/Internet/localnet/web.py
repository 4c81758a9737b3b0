"""The web servers (HTTP and HTTPS) answering from web/<host>/<path>, and the test CA behind HTTPS."""

import http.server
import json
import os
import socketserver
import ssl
import subprocess
import time
import urllib.parse

from .common import COUNTS, HANG_SECONDS, LOG_LOCK, REQUESTS, STATE, fixtures, log_request, read_meta
from .nsd import nsd_counts, replace_zone


def find_override(host, path):
    """The override set for host+path by POST /_override: an exact path first, then the longest prefix."""
    with LOG_LOCK:
        overrides = STATE.get("overrides") or {}
        exact = overrides.get((host, path))
        if exact is not None:
            return dict(exact)
        best = None
        for (h, p), fields in overrides.items():
            if h == host and fields.get("prefix") and path.startswith(p) and (best is None or len(p) > len(best[0])):
                best = (p, fields)
        return dict(best[1]) if best else None


def fixture_hosts():
    web = os.path.join(fixtures(), "web")
    hosts = sorted(name for name in os.listdir(web) if os.path.isdir(os.path.join(web, name)))
    extra = os.path.join(fixtures(), "hosts.txt")
    if os.path.exists(extra):
        with open(extra, encoding="utf-8") as handle:
            hosts += [line.strip() for line in handle if line.strip() and not line.startswith("#")]
    return sorted(set(hosts + ["localhost"]))


def make_certificates(state_dir):
    tls_dir = os.path.join(state_dir, "tls")
    os.makedirs(tls_dir, exist_ok=True)

    def openssl(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=tls_dir)

    curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl("req", "-x509", *curve, "-keyout", "ca.key", "-out", "ca.pem", "-days", "30",
            "-subj", "/O=Longarm local internet/CN=Longarm Test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    openssl("req", *curve, "-keyout", "server.key", "-out", "server.csr",
            "-subj", "/O=Longarm local internet/CN=local-internet.longarm.test")
    names = ",".join(["DNS:" + host for host in fixture_hosts()] + ["IP:127.0.0.1"])
    with open(os.path.join(tls_dir, "server.ext"), "w", encoding="utf-8") as handle:
        handle.write(f"subjectAltName={names}\nbasicConstraints=CA:FALSE\n"
                     "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "30", "-extfile", "server.ext")
    # The served chain is leaf + CA, so clients see a chain of two.
    with open(os.path.join(tls_dir, "chain.pem"), "w", encoding="utf-8") as chain:
        for name in ("server.pem", "ca.pem"):
            with open(os.path.join(tls_dir, name), encoding="utf-8") as part:
                chain.write(part.read())
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.path.join(tls_dir, "chain.pem"), os.path.join(tls_dir, "server.key"))
    return context, os.path.join(tls_dir, "ca.pem")


CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8", ".json": "application/json",
    ".txt": "text/plain; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".mp4": "video/mp4",
    ".png": "image/png", ".jpg": "image/jpeg", ".xml": "application/xml", ".tsr": "application/timestamp-reply",
}


def content_type(path, body):
    extension = os.path.splitext(path)[1].lower()
    if extension in CONTENT_TYPES:
        return CONTENT_TYPES[extension]
    # RDAP paths such as /domain/example.com have no useful extension: sniff.
    start = body.lstrip()[:1]
    if start in (b"{", b"["):
        return "application/rdap+json"
    if start == b"<":
        return "text/html; charset=utf-8"
    return "application/octet-stream"


class WebHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "LongarmLocalInternet/1"
    scheme = "http"

    def log_message(self, format, *args):  # noqa: A002 - quiet: the JSON log records requests
        pass

    def do_GET(self):
        self.respond()

    def do_HEAD(self):
        self.respond(head_only=True)

    def do_POST(self):
        self.respond()

    def do_PUT(self):
        self.respond()

    def request_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(min(length, 16 << 20)) if length > 0 else b""

    def respond(self, head_only=False):
        body_in = self.request_body()
        host = (self.headers.get("Host") or "").split(":")[0].strip("[]").lower()
        parsed = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(parsed.path)
        if path == "/_requests":
            if "reset=1" in (parsed.query or ""):
                with LOG_LOCK:
                    REQUESTS.clear()
            with LOG_LOCK:
                payload = json.dumps({"requests": REQUESTS}).encode()
            return self.send(200, [("Content-Type", "application/json")], payload, head_only)
        if path == "/_override":
            return self.set_override(host, body_in, head_only)
        if path.startswith("/_zone/"):
            return self.put_zone(path[len("/_zone/"):], body_in, head_only)
        if path == "/_counts":
            with LOG_LOCK:
                counts = {kind: dict(values) for kind, values in COUNTS.items()}
            counts["dns"] = nsd_counts()
            return self.send(200, [("Content-Type", "application/json")], json.dumps(counts).encode(), head_only)
        log_request(self.scheme, host, self.command, self.path, bytes=len(body_in))
        if path == "/_echo":
            headers = [("Content-Type", self.headers.get("Content-Type") or "application/octet-stream"),
                       ("X-Echo-Method", self.command)]
            return self.send(200, headers, body_in, head_only)
        if ".." in path.split("/") or not host:
            return self.send(400, [("Content-Type", "text/plain")], b"bad request\n", head_only)
        base = os.path.join(fixtures(), "web", host)
        target = os.path.join(base, path.lstrip("/"))
        if not os.path.exists(target) and not os.path.exists(target + ".meta.json"):
            # RDAP clients may ask for /domain/EXAMPLE.COM; fixtures are stored lower-case.
            target = os.path.join(base, path.lstrip("/").lower())
        if os.path.isdir(target):
            target = os.path.join(target, "index.html")
        meta = read_meta(target + ".meta.json")
        override = find_override(host, path)
        if override is not None:
            meta = dict(meta, **override)
            if not meta.get("body") and not os.path.isfile(target):
                meta.setdefault("body", "")
        if not os.path.isfile(target) and not meta:
            return self.send(404, [("Content-Type", "text/plain")], f"no fixture for {host}{path}\n".encode(),
                             head_only)
        if meta.get("hang"):
            time.sleep(HANG_SECONDS)
            return None
        if meta.get("delay"):
            time.sleep(float(meta["delay"]))
        if "body" in meta:
            body = meta["body"].encode()
        elif os.path.isfile(target):
            with open(target, "rb") as handle:
                body = handle.read()
        else:
            body = b""
        headers = meta.get("headers") or {}
        headers = list(headers.items()) if isinstance(headers, dict) else [tuple(pair) for pair in headers]
        if not any(name.lower() == "content-type" for name, _ in headers):
            headers.insert(0, ("Content-Type", content_type(target, body)))
        return self.send(int(meta.get("status", 200)), headers, body, head_only, meta.get("repeat_to"))

    def set_override(self, host, body_in, head_only):
        try:
            request = json.loads(body_in or b"{}")
        except ValueError as error:
            return self.send(400, [("Content-Type", "text/plain")], f"bad JSON: {error}\n".encode(), head_only)
        with LOG_LOCK:
            overrides = STATE.setdefault("overrides", {})
            if request.get("clear_all"):
                overrides.clear()
            else:
                key = ((request.get("host") or host).lower(), request.get("path") or "/")
                if request.get("clear"):
                    overrides.pop(key, None)
                else:
                    fields = {k: v for k, v in request.items() if k not in ("host", "path")}
                    overrides[key] = fields
        return self.send(200, [("Content-Type", "application/json")], b'{"ok": true}', head_only)

    def put_zone(self, zone, body_in, head_only):
        try:
            serial = replace_zone(zone.strip("/").lower(), body_in.decode("utf-8"))
        except Exception as error:  # noqa: BLE001 - the test reads the reason rather than waiting for a timeout
            return self.send(400, [("Content-Type", "text/plain")], f"{type(error).__name__}: {error}\n".encode(),
                             head_only)
        return self.send(200, [("Content-Type", "application/json")], json.dumps({"serial": serial}).encode(),
                         head_only)

    def send(self, status, headers, body, head_only, repeat_to=None):
        total = int(repeat_to) if repeat_to else len(body)
        self.send_response_only(status)
        self.send_header("Date", self.date_time_string())
        if not any(name.lower() == "server" for name, _ in headers):
            self.send_header("Server", self.server_version)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(total))
        self.end_headers()
        if head_only:
            return
        try:
            if not repeat_to:
                self.wfile.write(body)
                return
            chunk = (body or b"x") * max(1, 65536 // max(1, len(body or b"x")))
            sent = 0
            while sent < total:
                part = chunk[: total - sent]
                self.wfile.write(part)
                sent += len(part)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            self.close_connection = True


class TLSWebHandler(WebHandler):
    scheme = "https"

    def setup(self):
        # The handshake runs in the handler's thread, so one slow client cannot block accept().
        self.request = STATE["tls_context"].wrap_socket(self.request, server_side=True)
        super().setup()

    def handle(self):
        try:
            super().handle()
        except (ssl.SSLError, ConnectionResetError, BrokenPipeError):
            pass


class ThreadingServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 512

    def handle_error(self, request, client_address):
        pass
