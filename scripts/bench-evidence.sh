#!/usr/bin/env bash
# Evidence capture throughput (issue 6): 1,000 pages of 100 KB captured over real loopback HTTP through libcurl,
# each hashed, stored in the content store, written as a WARC file, made durable (fsync) and recorded in SQLite
# with its custody entry — the same EvidenceCollection step `evidence capture` and `submit --evidence` run.
# Prints pages/s, the total time and the peak RSS of the capturing process.
#
# The pages come from Debian's nginx on a free 127.0.0.1 port (distinct bodies, so the content store writes
# every one), started here and stopped on exit. Other sources:
#   LONGARM_BENCH_URL=http://127.0.0.1:PORT/pages   a server you run that answers URL/0 … URL/N-1
#   LONGARM_BENCH_SERVER=synthetic                  the in-memory server (no network; the figure says so)
#   LONGARM_BENCH_PAGES, LONGARM_BENCH_SIZE, LONGARM_BENCH_CONCURRENCY   (default 1000, 100000, 16)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${LONGARM_BIN:-.build/release/longarm}
[ -x "$bin" ] || { echo "bench-evidence: $bin is missing; run make release" >&2; exit 1; }
pages=${LONGARM_BENCH_PAGES:-1000}
size=${LONGARM_BENCH_SIZE:-100000}
args=(evidence bench --pages "$pages" --size "$size" --concurrency "${LONGARM_BENCH_CONCURRENCY:-16}")

if [ "${LONGARM_BENCH_SERVER:-nginx}" = synthetic ]; then
    exec "$bin" "${args[@]}"
fi
if [ -n "${LONGARM_BENCH_URL:-}" ]; then
    exec "$bin" "${args[@]}" --url-base "$LONGARM_BENCH_URL" --allow-private-targets
fi

nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "bench-evidence: nginx is not installed; run make setup" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/longarm-bench-evidence.XXXXXX")
chmod 755 "$dir" # nginx's workers may run as another user
nginx_pid=""
cleanup() {
    if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; fi
    rm -rf "$dir"
}
trap cleanup EXIT

# Distinct, deterministic bodies: page N repeats "longarm bench page N " up to SIZE bytes.
python3 - "$dir/www/pages" "$pages" "$size" <<'PY'
import os, sys
folder, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(folder, exist_ok=True)
for index in range(count):
    seed = f"longarm bench page {index} ".encode()
    with open(os.path.join(folder, str(index)), "wb") as handle:
        handle.write((seed * (size // len(seed) + 1))[:size])
PY
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$dir/tmp"
cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log $dir/access.log;
    default_type text/html;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    server {
        listen 127.0.0.1:$port;
        root $dir/www;
    }
}
EOF
"$nginx" -p "$dir" -c "$dir/nginx.conf" 2>"$dir/nginx.out" &
nginx_pid=$!
for _ in $(seq 1 100); do
    if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/pages/0', timeout=1)" \
        2>/dev/null; then
        break
    fi
    kill -0 "$nginx_pid" 2>/dev/null || { cat "$dir/nginx.out" "$dir/error.log" >&2; exit 1; }
    sleep 0.1
done
: >"$dir/access.log"

"$bin" "${args[@]}" --url-base "http://127.0.0.1:$port/pages" --allow-private-targets
echo "nginx on 127.0.0.1:$port served $(wc -l <"$dir/access.log") requests"
