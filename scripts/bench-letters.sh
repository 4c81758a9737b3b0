#!/usr/bin/env bash
# Letter rendering: 10,000 synthetic letters across regimes and languages, each as an .eml (plain text and HTML alternatives).
# Target: under 5 s on 2 cores. Prints letters per second.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .build/release/longarm ] || swift build -c release --product longarm
.build/release/longarm letters-bench --count "${LONGARM_BENCH_LETTERS:-10000}" --workers "${LONGARM_BENCH_WORKERS:-2}" \
    --format "${LONGARM_BENCH_FORMATS:-eml}"
