#!/usr/bin/env bash
# Evidence capture throughput: 1,000 pages of 100 KB, hashed, stored, written as WARC, fsynced and recorded
# in SQLite. Without LONGARM_BENCH_URL the pages come from an in-memory synthetic server (the printed figure
# says it excludes the network); with LONGARM_BENCH_URL=http://127.0.0.1:PORT/pages they are fetched through
# the wired HTTP client from a local server that answers URL/0 … URL/999.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${LONGARM_BIN:-.build/release/longarm}
args=(evidence bench --pages "${LONGARM_BENCH_PAGES:-1000}" --size "${LONGARM_BENCH_SIZE:-100000}")
if [ -n "${LONGARM_BENCH_URL:-}" ]; then
    args+=(--url-base "$LONGARM_BENCH_URL" --allow-private-targets)
fi
"$bin" "${args[@]}"
