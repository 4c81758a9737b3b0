#!/usr/bin/env bash
# Re-check benchmark: 100,000 targets on 5,000 hosts re-checked once by `longarm recheck --all` against a local
# nginx, and prints targets per second and peak memory. Target (issue 7): at least 2,000 targets/s on 2 cores,
# peak RSS under 300 MB.
#
# What one check includes: a GET through libcurl (new connection per host name, conditional headers, redirects
# allowed), SHA-256 of the body, the content judgement, the removal state machine, and storing the check, its
# custody-log entry and the target's new status in SQLite (batched transactions, WAL). Re-resolution runs too
# (move detection), shared per host: each of the 5,000 hosts is resolved once (DNS through the local nsd, Team
# Cymru and RDAP through the local internet, geolocation), and registrable-domain and network lookups once per run.
# Politeness stays at its defaults (2 requests in flight and 2 starts per second per host).
#
# Usage: scripts/bench-recheck.sh [TARGETS] [HOSTS]   (needs a release build: make release; nginx: scripts/setup.sh)
#        LONGARM_BENCH_RESOLVE=0 measures without re-resolution.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=${1:-100000}
hosts=${2:-5000}
bin=${LONGARM_BIN:-.build/release/longarm}
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$bin" ] || { echo "bench-recheck: $bin is missing; run: make release" >&2; exit 1; }
[ -x "$nginx" ] || { echo "bench-recheck: nginx is missing; run: scripts/setup.sh" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench-recheck: /usr/bin/time is missing; run: scripts/setup.sh" >&2; exit 1; }

work=$(mktemp -d)
cleanup() {
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    Tests/Internet/local-internet.sh stop "$work/internet" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# The local internet (nsd, RDAP, WHOIS) for re-resolution; the pages come from nginx instead of its web server.
eval "$(Tests/Internet/local-internet.sh start "$work/internet" $$)"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/www" "$work/nginx"
python3 - "$work/www/page.html" <<'PY'
import sys
words = " ".join(f"word{i}" for i in range(600))
with open(sys.argv[1], "w") as page:
    page.write(f"<html><head><title>clip</title></head><body><video src='/media/clip.mp4'></video><p>{words}</p>"
               "</body></html>\n")
PY
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    default_type text/html;
    keepalive_requests 100000;
    client_body_temp_path $work/nginx;
    proxy_temp_path $work/nginx;
    fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx;
    scgi_temp_path $work/nginx;
    server {
        listen 127.0.0.1:$port;
        root $work/www;
        location / { try_files /page.html =404; }
    }
}
CONF
"$nginx" -c "$work/nginx/nginx.conf" -p "$work/nginx"
# Every :80 connection goes to nginx; RDAP (:443) and WHOIS (:43) keep the local internet's rules.
LONGARM_CONNECT_TO=":80:127.0.0.1:$port,$(echo "$LONGARM_CONNECT_TO" | tr ',' '\n' | grep -v '^:80:' | paste -sd, -)"
export LONGARM_CONNECT_TO
export LONGARM_DB="$work/bench.sqlite"

python3 - "$targets" "$hosts" "$work/urls.csv" <<'PY'
import sys
targets, hosts, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
with open(path, "w") as out:
    out.write("url\n")
    for i in range(targets):
        out.write(f"http://h{i % hosts}.recheck-bench.test/clip/{i}\n")
PY
"$bin" case new --holder "Benchmark" --kind portrait >/dev/null
"$bin" submit --case 1 --from "$work/urls.csv" --no-resolve >/dev/null
resolve=()
[ "${LONGARM_BENCH_RESOLVE:-1}" = "0" ] && resolve=(--no-resolve)
# nginx's own CPU, to say what the pair would need on two idle cores.
nginx_ticks() { awk '{ print $14 + $15 }' "/proc/$(pgrep -P "$(cat "$work/nginx.pid")" | head -1)/stat"; }
before=$(nginx_ticks)
/usr/bin/time -v -o "$work/time.txt" "$bin" recheck --all --json "${resolve[@]}" >"$work/report.json" \
    2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
nginx_seconds=$(python3 -c "import os; print(($(nginx_ticks) - $before) / os.sysconf('SC_CLK_TCK'))")
python3 - "$work/time.txt" "$work/report.json" "${LONGARM_BENCH_RESOLVE:-1}" "$nginx_seconds" <<'PY'
import json, sys
timing, report, resolve = open(sys.argv[1]).read(), json.load(open(sys.argv[2])), sys.argv[3] != "0"
nginx_cpu = float(sys.argv[4])
def field(name):
    return next(line.split(": ", 1)[1] for line in timing.splitlines() if line.strip().startswith(name))
wall = [float(p) for p in field("Elapsed (wall clock) time").split(":")]
process_seconds = sum(p * 60 ** i for i, p in enumerate(reversed(wall)))
rss_mb = int(field("Maximum resident set size")) / 1024
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
checked, seconds = report["checked"], report["durationSeconds"]
print(f"recheck: {checked:,} targets checked in {seconds:.2f} s = {checked / seconds:,.0f} targets/s "
      f"({report['outcomes']}); peak RSS {rss_mb:.1f} MB")
print(f"recheck: whole process {process_seconds:.2f} s wall, {cpu:.2f} s CPU = {checked / cpu:,.0f} targets per "
      "CPU-second (longarm only; nginx and the local internet run beside it)")
# On a shared machine the wall clock includes time spent waiting for a core; CPU time does not.
print(f"recheck: nginx used {nginx_cpu:.2f} s CPU; longarm and nginx together {checked / (cpu + nginx_cpu):,.0f} "
      "targets per CPU-second, i.e. about "
      f"{2 * checked / (cpu + nginx_cpu):,.0f} targets/s if both had two idle cores to themselves (an estimate)")

print("recheck: each check = libcurl GET + SHA-256 + content judgement + state machine + SQLite row, custody entry "
      "and status in batched transactions; "
      + (f"re-resolution on, shared per host ({report['resolvedHosts']:,} hosts resolved once each)" if resolve
         else "re-resolution off (--no-resolve)"))
if checked != report["selected"]:
    print(f"recheck: WARNING {report['selected'] - checked} selected target(s) not checked", file=sys.stderr)
    sys.exit(1)
PY
