#!/usr/bin/env bash
# make bench: runs every scripts/bench-*.sh in turn; each prints its own figures.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for bench in scripts/bench-*.sh; do
    [ -e "$bench" ] || continue
    echo "== $bench"
    "$bench" || status=1
done
exit $status
