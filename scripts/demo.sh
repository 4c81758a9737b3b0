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
echo "== 3. The rules that govern a deepfake hosted in Germany (EU layer merged with national law)"
"$bin" rules show DE --kind portrait --dir Data

echo
echo "== 4. The notice plan for a sample profile: an origin in Germany, registrar in the US"
"$bin" plan --profile Tests/LongarmRulesTests/Fixtures/profiles/hetzner-de.json --kind portrait \
    --holder "Li Wei" --holder-country CN --owns-work no --dir Data

echo
echo "== 5. The same deepfake behind Cloudflare, origin hidden: the CDN rung goes out in parallel"
"$bin" plan --profile Tests/LongarmRulesTests/Fixtures/profiles/cloudflare-hidden.json --kind portrait \
    --holder "Li Wei" --holder-country CN --dir Data
