#!/usr/bin/env bash
# Benchmark of the notice planner: builds 100,000 synthetic stored profiles, then times planning them
# (in memory, and decoding their JSON first), on every core. Prints wall and processor seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/longarm
[ -x "$bin" ] || swift build -c release --product longarm >&2
"$bin" rules bench --count "${LONGARM_BENCH_TARGETS:-100000}" --dir Data
