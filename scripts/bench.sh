#!/usr/bin/env bash
# make bench: runs every scripts/bench-*.sh in turn; each prints its own figures.
set -euo pipefail
cd "$(dirname "$0")/.."
for bench in scripts/bench-*.sh; do
    echo "== $bench"
    "$bench"
done
