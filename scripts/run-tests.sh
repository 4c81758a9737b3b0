#!/usr/bin/env bash
# Runs each test target in its own process. Several targets start local servers or run Python checks through
# Foundation's Process, which on Linux lets one child inherit another's pipes; apart, no target can stall another.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
passed=0
failed=0
for folder in Tests/*Tests; do
    target=$(basename "$folder")
    echo "== $target"
    log=$(mktemp)
    timeout 900 swift test --skip-build --filter "^$target\." 2>&1 | tee "$log"
    code=${PIPESTATUS[0]}
    if [ "$code" -ne 0 ]; then
        status=1
        failed=$((failed + 1))
        echo "== $target FAILED (exit $code)"
    else
        passed=$((passed + 1))
    fi
    rm -f "$log"
done
echo "targets: $passed passed, $failed failed"
exit $status
