#!/usr/bin/env python3
"""Longarm's local internet: nsd with the fixture zones, web (HTTP and HTTPS) and WHOIS servers on 127.0.0.1.

Python 3 standard library only. Usage:

    serve.py --dir STATE_DIR [--watch-pid PID] [--fixtures DIR]

Everything runs on loopback ports picked at start-up. When all servers answer, STATE_DIR holds:

    ready.json  ports, connect-to rules, CA path and the environment for Longarm (see write_ready)
    env.sh      the same environment as `export` lines, for shell scripts
    requests.jsonl  one JSON line per request served (web and WHOIS), for tests and benchmarks

Fixtures (next to this script, or in the folder --fixtures names, such as the resolution benchmark's
generated local internet):

    zones/<zone>.zone               nsd zone files, one zone per file
    web/<host>/<path>               bodies; a directory serves its index.html
    web/<host>/<path>.meta.json     optional: {"status", "headers", "delay", "hang", "repeat_to", "body"}
    whois/<server>/<query>.txt      raw answer bytes for the query, lower-cased ('/' written as '_')
    whois/<server>/<query>.meta.json  optional: {"delay", "hang", "slow", "repeat_to"}
    whois/<server>/_server.json     optional: the same keys, applied to every query of that server

Each WHOIS server directory gets its own port and a connect-to rule `<server>:43:127.0.0.1:<port>`; the
catch-all rule `:43:127.0.0.1:<port>` answers "No match" for servers without fixtures.
Special web paths on every host: /_requests (the log as JSON; ?reset=1 clears it), /_counts (requests per web
host, per WHOIS server and per host+path since start-up, and nsd's query counters under "dns"; never reset),
/_echo (returns the request body, with the method in X-Echo-Method), and two fault switches for tests:

    POST /_override  {"host", "path", "prefix", "status", "headers", "delay", "hang", "body", "clear"}
        serves the given metadata for host+path (host defaults to the Host header; "prefix": true matches every
        path that starts with "path") ahead of any fixture; "clear": true removes it, {"clear_all": true} all.
    PUT /_zone/<zone>  (body: zone text) replaces a served zone in the state folder, makes nsd reload it
        (SIGHUP) and answers once the new SOA serial is served.
The server exits on SIGTERM/SIGINT, or when the process --watch-pid names has gone; it stops nsd with it.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading

sys.dont_write_bytecode = True  # keep __pycache__ out of the fixture tree

from localnet.common import STATE, fixtures, process_alive  # noqa: E402
from localnet.nsd import pick_dns_port, start_nsd  # noqa: E402
from localnet.web import TLSWebHandler, ThreadingServer, WebHandler, make_certificates  # noqa: E402
from localnet.whois import WHOISServer  # noqa: E402


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
    parser.add_argument("--fixtures", help="serve zones/, web/ and whois/ from this folder instead (benchmarks)")
    args = parser.parse_args()
    if args.fixtures:
        STATE["fixtures"] = os.path.abspath(args.fixtures)
    state_dir = os.path.abspath(args.dir)
    os.makedirs(state_dir, exist_ok=True)
    for stale in ("ready.json", "env.sh"):
        if os.path.exists(os.path.join(state_dir, stale)):
            os.remove(os.path.join(state_dir, stale))
    STATE["log_path"] = os.path.join(state_dir, "requests.jsonl")
    STATE["log"] = open(STATE["log_path"], "w", encoding="utf-8")

    dns_port = pick_dns_port()
    nsd, zones, zones_dir = start_nsd(state_dir, dns_port)
    STATE.update(nsd=nsd, zones_dir=zones_dir, dns_port=dns_port)
    stopping = threading.Event()

    def stop(*_):
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        STATE["tls_context"], ca_path = make_certificates(state_dir)
        http_port = serve_forever(ThreadingServer(("127.0.0.1", 0), WebHandler))
        https_port = serve_forever(ThreadingServer(("127.0.0.1", 0), TLSWebHandler))
        whois_root = os.path.join(fixtures(), "whois")
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
