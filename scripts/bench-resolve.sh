#!/usr/bin/env bash
# Resolution throughput (issue 3): 10,000 URLs over 1,000 registrable domains and 500 networks, resolved by the
# release binary against a generated local internet (nsd with one zone per domain and Team Cymru zones, RDAP
# documents at the registries and RIRs the shipped bootstrap names, port-43 WHOIS for .jp and .ru).
# Prints the wall time, the child's peak RSS, the requests each local server received and whether every
# domain and network was looked up exactly once (exit 1 otherwise).
#
#   LONGARM_BENCH_DOMAINS / _NETWORKS / _URLS   sizes (default 1000 / 500 / 10000)
#   LONGARM_BENCH_OUT                           keep the generated data, profiles and server logs here
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${LONGARM_BIN:-.build/release/longarm}
[ -x "$bin" ] || { echo "bench-resolve: $bin is missing; run make release" >&2; exit 1; }
out=${LONGARM_BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/longarm-bench-resolve.XXXXXX")}
[ -n "${LONGARM_BENCH_OUT:-}" ] || trap 'rm -rf "$out"' EXIT
mkdir -p "$out"

python3 scripts/resolve-bench-data.py generate "$out/data" \
    --domains "${LONGARM_BENCH_DOMAINS:-1000}" --networks "${LONGARM_BENCH_NETWORKS:-500}" \
    --urls "${LONGARM_BENCH_URLS:-10000}"

# The local internet serves the generated fixtures and stops when this script ends.
state="$out/internet"
eval "$(LOCALNET_FIXTURES="$out/data/fixtures" Tests/Internet/local-internet.sh start "$state" $$)"
stop() { Tests/Internet/local-internet.sh stop "$state"; }
if [ -n "${LONGARM_BENCH_OUT:-}" ]; then trap stop EXIT; else trap 'stop; rm -rf "$out"' EXIT; fi

# Every connection goes to loopback (connect-to rules); the shipped bootstrap, WHOIS table and geolocation apply.
python3 scripts/resolve-bench-data.py run "$out/data" "$bin" "$state"
