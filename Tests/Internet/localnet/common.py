"""State shared by the local internet's servers: the fixture root, the request log, fixture metadata."""

import json
import os
import socket
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOG_LOCK = threading.Lock()
REQUESTS = []
# Requests per web host, per WHOIS server and per host+path, since start-up (never reset): benchmarks read
# them at /_counts before and after a run.
COUNTS = {"web": {}, "whois": {}, "paths": {}}
STATE = {}
HANG_SECONDS = 3600


def fixtures():
    """The fixture root: zones/, web/, whois/, hosts.txt (this folder unless serve.py --fixtures names another)."""
    return STATE.get("fixtures", ROOT)


def log_request(server, host, method, path, **extra):
    entry = {"server": server, "host": host, "method": method, "path": path, "time": time.time()}
    entry.update(extra)
    line = json.dumps(entry) + "\n"
    kind = "whois" if server == "whois" else "web"
    key = f"{host}/{path}" if kind == "whois" else f"{host}{path}"
    with LOG_LOCK:
        REQUESTS.append(entry)
        COUNTS[kind][host] = COUNTS[kind].get(host, 0) + 1
        COUNTS["paths"][key] = COUNTS["paths"].get(key, 0) + 1
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


def process_alive(pid):
    """True while `pid` runs; a zombie (exited, not yet reaped) counts as gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return False
