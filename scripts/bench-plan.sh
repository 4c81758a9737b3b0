#!/usr/bin/env bash
# Benchmark of `longarm plan CASE`: stores a case of 100,000 synthetic targets with their profiles in a new SQLite
# file (untimed), then times planning runs that read the stored profiles, plan every target and store the
# plans with their custody entries, on every core. Prints wall and processor seconds, the three phases (preparing
# and storing overlap), the bytes stored (plan rows, shared fragments, database file), then the planner alone on
# profiles in memory. Target: under 5 s on 2 cores. LONGARM_BENCH_TARGETS=N changes the count; the planning run is
# timed LONGARM_BENCH_RUNS times (default 5), each on a fresh copy of the set-up database, and the median reported,
# as this machine's speed varies from one minute to the next.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/longarm
[ -x "$bin" ] || swift build -c release --product longarm >&2
"$bin" rules bench --count "${LONGARM_BENCH_TARGETS:-100000}" --runs "${LONGARM_BENCH_RUNS:-5}" --dir Data
