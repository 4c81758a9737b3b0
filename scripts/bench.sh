#!/usr/bin/env bash
# make bench: runs every scripts/bench-*.sh in turn against the release build; each prints its own figure.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for bench in scripts/bench-*.sh; do
    [ -e "$bench" ] || continue
    echo "== $bench"
    bash "$bench" || status=1
done
exit $status
