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
echo "== 3. The infringing URLs, canonicalised and deduplicated (resolution comes later: --no-resolve)"
"$bin" submit --case "$case_id" --from Data/samples/face-swap.csv --no-resolve

echo
echo "== 4. The case with its targets"
"$bin" show "$case_id"
