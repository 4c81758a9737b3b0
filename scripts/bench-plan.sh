#!/usr/bin/env bash
# Benchmark of `longarm plan CASE`: stores a case of 100,000 synthetic targets with their profiles in a new SQLite
# file (untimed), then times one planning run that reads the stored profiles, plans every target and stores the
# plans with their custody entries, on every core. Prints wall and processor seconds, the three phases (preparing
# and storing overlap), the bytes stored (plan rows, shared fragments, database file), then the planner alone on
# profiles in memory. Target: under 5 s on 2 cores. LONGARM_BENCH_TARGETS=N changes the count.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/longarm
[ -x "$bin" ] || swift build -c release --product longarm >&2
"$bin" rules bench --count "${LONGARM_BENCH_TARGETS:-100000}" --dir Data
