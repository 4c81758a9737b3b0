#!/usr/bin/env python3
"""Longarm's local internet: nsd with the fixture zones, web (HTTP and HTTPS) and WHOIS servers on 127.0.0.1.

Python 3 standard library only. Usage:

    serve.py --dir STATE_DIR [--watch-pid PID]

Everything runs on loopback ports picked at start-up. When all servers answer, STATE_DIR holds:

    ready.json  ports, connect-to rules, CA path and the environment for Longarm (see write_ready)
    env.sh      the same environment as `export` lines, for shell scripts
    requests.jsonl  one JSON line per request served (web and WHOIS), for tests and benchmarks

Fixtures (next to this script):

    zones/<zone>.zone               nsd zone files, one zone per file
    web/<host>/<path>               bodies; a directory serves its index.html
    web/<host>/<path>.meta.json     optional: {"status", "headers", "delay", "hang", "repeat_to", "body"}
    whois/<server>/<query>.txt      raw answer bytes for the query, lower-cased ('/' written as '_')
    whois/<server>/<query>.meta.json  optional: {"delay", "hang", "slow", "repeat_to"}
    whois/<server>/_server.json     optional: the same keys, applied to every query of that server

Each WHOIS server directory gets its own port and a connect-to rule `<server>:43:127.0.0.1:<port>`; the
catch-all rule `:43:127.0.0.1:<port>` answers "No match" for servers without fixtures.
Special web paths on every host: /_requests (the log as JSON; ?reset=1 clears it) and /_echo (returns the
request body, with the method in X-Echo-Method).
The server exits on SIGTERM/SIGINT, or when the process --watch-pid names has gone; it stops nsd with it.
"""

import argparse
import http.server
import json
import os
import shutil
import signal
import socket
import socketserver
import ssl
import struct
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.abspath(__file__))
LOG_LOCK = threading.Lock()
REQUESTS = []
STATE = {}
HANG_SECONDS = 3600


def log_request(server, host, method, path, **extra):
    entry = {"server": server, "host": host, "method": method, "path": path, "time": time.time()}
    entry.update(extra)
    line = json.dumps(entry) + "\n"
    with LOG_LOCK:
        REQUESTS.append(entry)
        STATE["log"].write(line)
        STATE["log"].flush()


def read_meta(path):
    try:
        with open(path, "r", encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return {}


def pick_port(kind=socket.SOCK_STREAM):
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pick_dns_port():
    """A port free for both UDP and TCP on 127.0.0.1 (nsd needs both)."""
    for _ in range(50):
        port = pick_port(socket.SOCK_DGRAM)
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                tcp.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
    raise RuntimeError("no free UDP+TCP port for nsd")


# ---------------------------------------------------------------------------------------------- DNS (nsd)

def find_nsd():
    for candidate in ("/usr/sbin/nsd", shutil.which("nsd")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit("local internet: nsd is not installed; run `make test` (scripts/setup.sh installs it)")


def start_nsd(state_dir, port):
    zones_dir = os.path.join(ROOT, "zones")
    zones = sorted(name[: -len(".zone")] for name in os.listdir(zones_dir) if name.endswith(".zone"))
    nsd_dir = os.path.join(state_dir, "nsd")
    os.makedirs(nsd_dir, exist_ok=True)
    lines = [
        "server:",
        f"    ip-address: 127.0.0.1@{port}",
        "    do-ip6: no",
        '    username: ""',
        '    chroot: ""',
        f'    zonesdir: "{zones_dir}"',
        '    database: ""',
        f'    pidfile: "{nsd_dir}/nsd.pid"',
        f'    xfrdfile: "{nsd_dir}/xfrd.state"',
        f'    xfrdir: "{nsd_dir}"',
        f'    zonelistfile: "{nsd_dir}/zone.list"',
        f'    logfile: "{nsd_dir}/nsd.log"',
        "    server-count: 1",
        "    verbosity: 1",
        "    hide-version: yes",
        # Tests and benchmarks ask the same names thousands of times a second: no response rate limiting.
        "    rrl-ratelimit: 0",
        "    rrl-whitelist-ratelimit: 0",
        "remote-control:",
        "    control-enable: no",
    ]
    for zone in zones:
        lines += ["zone:", f"    name: {zone}", f'    zonefile: "{os.path.join(zones_dir, zone + ".zone")}"']
    conf = os.path.join(nsd_dir, "nsd.conf")
    with open(conf, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    output = open(os.path.join(nsd_dir, "nsd.out"), "w", encoding="utf-8")
    process = subprocess.Popen([find_nsd(), "-d", "-c", conf], stdout=output, stderr=subprocess.STDOUT)
    deadline = time.time() + 15
    while time.time() < deadline:
        if process.poll() is not None:
            with open(os.path.join(nsd_dir, "nsd.out"), encoding="utf-8", errors="replace") as handle:
                raise SystemExit(f"local internet: nsd exited: {handle.read()[-2000:]}")
        if dns_answers(port, zones[0]):
            return process, zones
        time.sleep(0.05)
    process.kill()
    raise SystemExit("local internet: nsd did not answer within 15 s")


def dns_answers(port, zone):
    query = struct.pack(">HHHHHH", 0x4C41, 0, 1, 0, 0, 0)
    for label in zone.split("."):
        query += bytes([len(label)]) + label.encode("ascii")
    query += b"\x00" + struct.pack(">HH", 6, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.settimeout(0.2)
        try:
            probe.sendto(query, ("127.0.0.1", port))
            answer = probe.recv(4096)
            return answer[:2] == b"\x4c\x41"
        except OSError:
            return False


# ---------------------------------------------------------------------------------------------- TLS

def fixture_hosts():
    web = os.path.join(ROOT, "web")
    hosts = sorted(name for name in os.listdir(web) if os.path.isdir(os.path.join(web, name)))
    extra = os.path.join(ROOT, "hosts.txt")
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


# ---------------------------------------------------------------------------------------------- web

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
        log_request(self.scheme, host, self.command, self.path, bytes=len(body_in))
        if path == "/_echo":
            headers = [("Content-Type", self.headers.get("Content-Type") or "application/octet-stream"),
                       ("X-Echo-Method", self.command)]
            return self.send(200, headers, body_in, head_only)
        if ".." in path.split("/") or not host:
            return self.send(400, [("Content-Type", "text/plain")], b"bad request\n", head_only)
        base = os.path.join(ROOT, "web", host)
        target = os.path.join(base, path.lstrip("/"))
        if not os.path.exists(target) and not os.path.exists(target + ".meta.json"):
            # RDAP clients may ask for /domain/EXAMPLE.COM; fixtures are stored lower-case.
            target = os.path.join(base, path.lstrip("/").lower())
        if os.path.isdir(target):
            target = os.path.join(target, "index.html")
        meta = read_meta(target + ".meta.json")
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


# ---------------------------------------------------------------------------------------------- WHOIS

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
        directory = os.path.join(ROOT, "whois", server_name) if server_name else None
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


# ---------------------------------------------------------------------------------------------- main

def process_alive(pid):
    """True while `pid` runs; a zombie (exited, not yet reaped) counts as gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def serve_forever(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server.server_address[1]


def main():
    # Drop descriptors inherited from whoever started us (a shell, Foundation's Process): some parents learn
    # that their child exited only when every copy of such a descriptor is closed.
    os.closerange(3, 65536)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", required=True, help="state directory (config, certificates, logs, ready.json)")
    parser.add_argument("--watch-pid", type=int, help="exit when this process has gone")
    parser.add_argument("--cleanup", action="store_true", help="delete the state directory on exit")
    args = parser.parse_args()
    state_dir = os.path.abspath(args.dir)
    os.makedirs(state_dir, exist_ok=True)
    for stale in ("ready.json", "env.sh"):
        if os.path.exists(os.path.join(state_dir, stale)):
            os.remove(os.path.join(state_dir, stale))
    STATE["log_path"] = os.path.join(state_dir, "requests.jsonl")
    STATE["log"] = open(STATE["log_path"], "w", encoding="utf-8")

    dns_port = pick_dns_port()
    nsd, zones = start_nsd(state_dir, dns_port)
    stopping = threading.Event()

    def stop(*_):
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        STATE["tls_context"], ca_path = make_certificates(state_dir)
        http_port = serve_forever(ThreadingServer(("127.0.0.1", 0), WebHandler))
        https_port = serve_forever(ThreadingServer(("127.0.0.1", 0), TLSWebHandler))
        whois_root = os.path.join(ROOT, "whois")
        whois_ports = {}
        for name in sorted(os.listdir(whois_root)):
            if os.path.isdir(os.path.join(whois_root, name)):
                whois_ports[name] = serve_forever(WHOISServer(name))
        whois_default = serve_forever(WHOISServer(""))
        rules = [f"{name}:43:127.0.0.1:{port}" for name, port in whois_ports.items()]
        rules += [f":80:127.0.0.1:{http_port}", f":443:127.0.0.1:{https_port}", f":43:127.0.0.1:{whois_default}"]
        environment = {
            "LONGARM_DNS": f"127.0.0.1:{dns_port}",
            "LONGARM_CONNECT_TO": ",".join(rules),
            "LONGARM_CACERT": ca_path,
        }
        ready = {
            "pid": os.getpid(), "dns": f"127.0.0.1:{dns_port}", "dnsPort": dns_port, "zones": zones,
            "httpPort": http_port, "httpsPort": https_port, "whoisPort": whois_default, "whoisServers": whois_ports,
            "connectTo": rules, "caFile": ca_path, "requestLog": STATE["log_path"], "environment": environment,
        }
        with open(os.path.join(state_dir, "env.sh"), "w", encoding="utf-8") as handle:
            for key, value in environment.items():
                handle.write(f"export {key}='{value}'\n")
        partial = os.path.join(state_dir, "ready.json.partial")
        with open(partial, "w", encoding="utf-8") as handle:
            json.dump(ready, handle, indent=2)
        os.replace(partial, os.path.join(state_dir, "ready.json"))
        print(f"local internet ready: {json.dumps(environment)}", flush=True)
        while not stopping.wait(0.5):
            if nsd.poll() is not None:
                print("local internet: nsd exited", file=sys.stderr)
                break
            if args.watch_pid and not process_alive(args.watch_pid):
                break
    finally:
        nsd.terminate()
        try:
            nsd.wait(timeout=3)
        except subprocess.TimeoutExpired:
            nsd.kill()
        if args.cleanup:
            shutil.rmtree(state_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
