#!/usr/bin/env bash
# make demo: Longarm's main job, offline, on the shipped sample data. Each later stage adds its step here.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/longarm
out=demo-out
rm -rf "$out" && mkdir -p "$out"
export LONGARM_DB="$out/longarm.sqlite"

echo "== 1. A case: an actor whose face was swapped into a video by AI"
case_id=$("$bin" case new --holder "Li Wei" --kind portrait --holder-country CN \
    --title "AI face-swap video" --work "Li Wei's likeness, taken from her public photographs" --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$bin" cases

echo
echo "== 2. The case as stored"
"$bin" show "$case_id"

echo
echo "== 3. Evidence: capture the sample pages from a local server, export a bundle, verify it"
python3 Tests/Internet/web.py >"$out/web.addr" 2>/dev/null &
web_pid=$!
trap 'kill $web_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q listening "$out/web.addr" 2>/dev/null && break; sleep 0.1; done
web=$(sed -n 's/^listening on \(.*\)\/$/\1/p' "$out/web.addr")
status=0
"$bin" evidence capture "$web/redirect" --case "$case_id" --allow-private-targets || status=$?
if [ "$status" -eq 69 ]; then
    echo "(evidence capture needs LongarmNet's HTTP client, which this build does not include yet)"
else
    [ "$status" -eq 0 ] || exit "$status"
    "$bin" evidence capture "$web/big?bytes=3000000" --case "$case_id" --max-body 1000000 --allow-private-targets
    "$bin" evidence export "$case_id" --out "$out/bundle"
    "$bin" evidence verify "$out/bundle"
    (cd "$out/bundle" && sha256sum -c --quiet SHA256SUMS && echo "sha256sum -c: all files match")
    if [ -x .build/venv/bin/warcio ]; then .build/venv/bin/warcio check "$out"/bundle/warc/* && echo "warcio check: OK"; fi
fi
