#!/usr/bin/env bash
# Service benchmark: starts the release `longarm serve` on a free loopback port with a new database, drives it with
# concurrent keep-alive HTTP/1.1 clients (Python asyncio, 8 connections) and prints requests/second and latency
# percentiles per route, then the server's peak RSS, and checks that SIGTERM ends it with exit 0.
# Resolution stays on loopback: DNS, RDAP and WHOIS are pointed at a closed local port, so queued targets fail fast.
# Usage: scripts/bench-service.sh [REQUESTS]   (needs a release build: make release)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-4000}
bin=.build/release/longarm
[ -x "$bin" ] || { echo "bench-service: $bin is missing; run: make release" >&2; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

token=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
LONGARM_API_TOKEN="$token" "$bin" serve --port 0 --db "$work/bench.sqlite" --rate-limit 0 --log-level warning \
    --dns 127.0.0.1:9 --connect-to ::127.0.0.1:9 --timeout 2 2>"$work/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1 600); do
    port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/serve.log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$port" ] || { echo "bench-service: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

python3 - "$port" "$token" "$requests" <<'PY'
import asyncio, json, sys, time

port, token, total = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
connections = 8

async def request(reader, writer, method, path, body=None, auth=True):
    data = json.dumps(body).encode() if body is not None else b""
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if auth:
        head += f"Authorization: Bearer {token}\r\n"
    if body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
    writer.write(head.encode() + b"\r\n" + data)
    await writer.drain()
    status_line = await reader.readline()
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    payload = await reader.readexactly(length)
    return int(status_line.split()[1]), payload

async def phase(name, count, make, expect):
    latencies = []
    counter = iter(range(count))
    async def worker():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for i in counter:
            method, path, body, auth = make(i)
            start = time.perf_counter()
            status, _ = await request(reader, writer, method, path, body, auth)
            latencies.append(time.perf_counter() - start)
            if status != expect:
                raise SystemExit(f"{name}: HTTP {status}, expected {expect}")
        writer.close()
    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    wall = time.perf_counter() - start
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    print(f"{name:<44} {count:>6} requests  {count / wall:>8.0f} req/s  "
          f"p50 {p(0.50):6.2f} ms  p99 {p(0.99):6.2f} ms")

async def main():
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    _, body = await request(reader, writer, "POST", "/v1/cases", {"holder": "Li Wei", "kind": "portrait"})
    case = json.loads(body)["id"]
    for i in range(100):
        await request(reader, writer, "POST", f"/v1/cases/{case}/targets",
                      {"urls": [f"https://videos.site{i}.example/v/{i}"]})
    writer.close()
    print(f"{connections} keep-alive connections, release build")
    await phase("GET /healthz (no auth)", total, lambda i: ("GET", "/healthz", None, False), 200)
    await phase("POST /v1/cases", total // 2,
                lambda i: ("POST", "/v1/cases", {"holder": f"Holder {i}", "kind": "copyright"}, True), 201)
    await phase("GET /v1/cases/{id} (100 targets)", total // 4,
                lambda i: ("GET", f"/v1/cases/{case}", None, True), 200)
    await phase("POST /v1/cases/{id}/targets (100 URLs each)", total // 20,
                lambda i: ("POST", f"/v1/cases/{case + 1 + i}/targets",
                           {"urls": [f"https://m{j}.clips{i}.example/w/{j}" for j in range(100)]}, True), 202)
    await phase("GET /v1/cases/{id} wrong token (401)", total // 2,
                lambda i: ("GET", f"/v1/cases/{case}", None, False), 401)

asyncio.run(main())
PY

rss=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
echo "server peak RSS: $((rss / 1024)) MB"
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
echo "SIGTERM: exit $status"
[ "$status" -eq 0 ]
