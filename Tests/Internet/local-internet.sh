#!/usr/bin/env bash
# Starts or stops Longarm's local internet (nsd + web + WHOIS on 127.0.0.1) for shell scripts such as the demo.
#
#   eval "$(Tests/Internet/local-internet.sh start DIR [WATCH_PID])"   # exports LONGARM_DNS, LONGARM_CONNECT_TO,
#                                                                      # LONGARM_CACERT
#   Tests/Internet/local-internet.sh stop DIR
#
# WATCH_PID (usually the caller's $$): the servers also exit when that process ends, so nothing is left behind.
# LOCALNET_FIXTURES=DIR serves another fixture tree (zones/, web/, whois/) instead of this folder's.
# DIR receives ready.json (ports, rules), env.sh, requests.jsonl (every request served) and serve.log.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command="${1:-}"
dir="${2:-}"
[ -n "$command" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR [WATCH_PID]" >&2; exit 64; }

case "$command" in
start)
    mkdir -p "$dir"
    rm -f "$dir/ready.json"
    extra=()
    [ -n "${3:-}" ] && extra=(--watch-pid "$3")
    [ -n "${LOCALNET_FIXTURES:-}" ] && extra+=(--fixtures "$LOCALNET_FIXTURES")
    nohup python3 "$here/serve.py" --dir "$dir" "${extra[@]}" >"$dir/serve.log" 2>&1 </dev/null &
    echo $! >"$dir/serve.pid"
    for _ in $(seq 1 300); do
        if [ -f "$dir/ready.json" ]; then
            cat "$dir/env.sh"
            exit 0
        fi
        if ! kill -0 "$(cat "$dir/serve.pid")" 2>/dev/null; then
            echo "local internet failed to start:" >&2
            cat "$dir/serve.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "local internet did not become ready within 30 s; see $dir/serve.log" >&2
    exit 1
    ;;
stop)
    if [ -f "$dir/serve.pid" ]; then
        kill "$(cat "$dir/serve.pid")" 2>/dev/null || true
        rm -f "$dir/serve.pid"
    fi
    ;;
*)
    echo "usage: $0 start|stop DIR [WATCH_PID]" >&2
    exit 64
    ;;
esac
