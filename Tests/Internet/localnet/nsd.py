"""nsd, the local authoritative DNS server, on a free loopback port with every fixture zone."""

import os
import shutil
import socket
import struct
import subprocess
import time

from .common import STATE, fixtures, pick_port


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


def find_nsd():
    for candidate in ("/usr/sbin/nsd", shutil.which("nsd")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit("local internet: nsd is not installed; run `make test` (scripts/setup.sh installs it)")


def start_nsd(state_dir, port):
    fixture_zones = os.path.join(fixtures(), "zones")
    zones = sorted(name[: -len(".zone")] for name in os.listdir(fixture_zones) if name.endswith(".zone"))
    nsd_dir = os.path.join(state_dir, "nsd")
    os.makedirs(nsd_dir, exist_ok=True)
    # nsd reads copies in the state folder, so a test can rewrite a zone (PUT /_zone/<zone>) without touching
    # the fixtures.
    zones_dir = os.path.join(state_dir, "zones")
    os.makedirs(zones_dir, exist_ok=True)
    for zone in zones:
        shutil.copyfile(os.path.join(fixture_zones, zone + ".zone"), os.path.join(zones_dir, zone + ".zone"))
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
    ]
    # A control socket (no keys needed over a Unix socket) lets benchmarks read nsd's query counters;
    # socket paths are limited to 107 bytes, so a deep state folder goes without.
    control = os.path.join(nsd_dir, "control.sock")
    if len(control) < 100:
        lines += ["remote-control:", "    control-enable: yes", f"    control-interface: {control}"]
    else:
        lines += ["remote-control:", "    control-enable: no"]
    for zone in zones:
        lines += ["zone:", f"    name: {zone}", f'    zonefile: "{os.path.join(zones_dir, zone + ".zone")}"']
    conf = os.path.join(nsd_dir, "nsd.conf")
    STATE["nsd_conf"] = conf if len(control) < 100 else None
    with open(conf, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    output = open(os.path.join(nsd_dir, "nsd.out"), "w", encoding="utf-8")
    process = subprocess.Popen([find_nsd(), "-d", "-c", conf], stdout=output, stderr=subprocess.STDOUT,
                               preexec_fn=default_signals)
    deadline = time.time() + 15
    while time.time() < deadline:
        if process.poll() is not None:
            with open(os.path.join(nsd_dir, "nsd.out"), encoding="utf-8", errors="replace") as handle:
                raise SystemExit(f"local internet: nsd exited: {handle.read()[-2000:]}")
        if dns_answers(port, zones[0]):
            return process, zones, zones_dir
        time.sleep(0.05)
    process.kill()
    raise SystemExit("local internet: nsd did not answer within 15 s")


def default_signals():
    """Undoes a blocked or ignored SIGHUP inherited from the test process (Foundation's Process passes its signal
    mask on), so that nsd reloads zones when told to."""
    import signal

    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


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


STAT_KEYS = {"num.queries": "queries", "num.udp": "udp", "num.tcp": "tcp", "num.rcode.NXDOMAIN": "NXDOMAIN",
             "num.type.A": "A", "num.type.AAAA": "AAAA", "num.type.NS": "NS", "num.type.TXT": "TXT",
             "num.type.CNAME": "CNAME"}


def nsd_counts():
    """nsd's counters since start-up (queries, per type, NXDOMAIN), or {} without a control socket."""
    conf = STATE.get("nsd_conf")
    if not conf:
        return {}
    control = shutil.which("nsd-control") or "/usr/sbin/nsd-control"
    try:
        output = subprocess.run([control, "-c", conf, "stats_noreset"], capture_output=True, text=True,
                                timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return {}
    counts = {}
    for line in output.splitlines():
        key, _, value = line.partition("=")
        if key in STAT_KEYS and value.strip().isdigit():
            counts[STAT_KEYS[key]] = int(value)
    return counts


def soa_serial(port, zone):
    """The SOA serial nsd serves for `zone`, or None when it does not answer."""
    query = struct.pack(">HHHHHH", 0x4C42, 0, 1, 0, 0, 0)
    for label in zone.split("."):
        query += bytes([len(label)]) + label.encode("ascii")
    query += b"\x00" + struct.pack(">HH", 6, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.settimeout(0.2)
        try:
            probe.sendto(query, ("127.0.0.1", port))
            answer = probe.recv(4096)
        except OSError:
            return None
    if answer[:2] != b"\x4c\x42" or struct.unpack(">H", answer[6:8])[0] == 0:
        return None
    offset = skip_name(answer, 12) + 4  # the question
    offset = skip_name(answer, offset) + 10  # the answer's owner, type, class, TTL, length
    offset = skip_name(answer, skip_name(answer, offset))  # MNAME, RNAME
    return struct.unpack(">I", answer[offset : offset + 4])[0]


def skip_name(message, offset):
    while True:
        length = message[offset]
        if length == 0:
            return offset + 1
        if length & 0xC0 == 0xC0:
            return offset + 2
        offset += 1 + length


def replace_zone(zone, text):
    """Writes a new text for a served zone, makes nsd reload it, and waits until the new serial is served."""
    import re
    import signal

    path = os.path.join(STATE["zones_dir"], zone + ".zone")
    if not os.path.exists(path):
        raise ValueError(f"zone {zone} is not served (only zones present at start can be replaced)")
    match = re.search(r"SOA[^(]*\(\s*(\d+)", text)
    if not match:
        raise ValueError("the zone text has no SOA serial")
    serial = int(match.group(1))
    partial = path + ".partial"
    with open(partial, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(partial, path)
    later = time.time() + 2  # nsd compares mtimes: make sure this one differs
    os.utime(path, (later, later))
    STATE["nsd"].send_signal(signal.SIGHUP)
    deadline = time.time() + 10
    while time.time() < deadline:
        if soa_serial(STATE["dns_port"], zone) == serial:
            return serial
        time.sleep(0.05)
    raise RuntimeError(f"nsd did not serve serial {serial} of {zone} within 10 s")
