#!/usr/bin/env bash
# make demo: Longarm's main job, offline, on the shipped sample data and a local fixture internet
# (nsd for DNS, HTTPS for RDAP and the sites, TCP for WHOIS, all on 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/longarm
out=demo-out
rm -rf "$out" && mkdir -p "$out"
export LONGARM_DB="$out/longarm.sqlite"

echo "== 0. A local internet on 127.0.0.1 (nothing leaves this machine)"
eval "$(Tests/Internet/local-internet.sh start "$out/internet" $$)"
trap 'Tests/Internet/local-internet.sh stop "$out/internet" >/dev/null 2>&1 || true' EXIT
echo "DNS $LONGARM_DNS; HTTP, HTTPS, RDAP and WHOIS through --connect-to rules"

echo
echo "== 1. A case: an actor whose face was swapped into a video by AI"
case_id=$("$bin" case new --holder "Li Wei" --kind portrait --holder-country CN \
    --title "AI face-swap video" --work "Li Wei's likeness, taken from her public photographs" --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$bin" cases

echo
echo "== 2. The infringing URLs: canonicalised, deduplicated, and their hosting resolved"
"$bin" submit --case "$case_id" --from Data/samples/face-swap.csv

echo
echo "== 3. Who holds each URL, and where"
"$bin" resolve https://www.FaceSwap-Clips.com/watch/8841 http://videos.deepclip-host.net/v/8841 \
    https://v6.clipmirror.org/clip/8841 https://mirror.fakevid.ru/v/8841 'https://视频分享.com/watch/8841'

echo
echo "== 4. The notice plans: whom to notify, in what order, under which law"
"$bin" plan "$case_id"

echo
echo "== 5. The case as stored"
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
