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
case_id=$("$bin" case new --holder "Li Wei" --kind portrait --holder-country CN --owns-work yes \
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
echo "== 6. Evidence: capture every target, export a bundle, verify it with Longarm and with standard tools"
"$bin" evidence capture "$case_id"
"$bin" evidence export "$case_id" --out "$out/bundle"
"$bin" evidence verify "$out/bundle"
(cd "$out/bundle" && sha256sum -c --quiet SHA256SUMS && echo "sha256sum -c: all files match")
if [ -x .build/venv/bin/warcio ]; then .build/venv/bin/warcio check "$out"/bundle/warc/*.warc* && echo "warcio check: OK"; fi

echo
echo "== 7. Who signs: the sender's particulars, and what each plan still needs from the holder"
"$bin" case set "$case_id" --sender-name "Li Wei" --sender-email li.wei@example.com \
    --sender-address "88 Wensan Road, Hangzhou, China" --signature "/Li Wei/" --owns-work yes \
    --facts "An AI face-swap video puts Li Wei's face on another person's body without her consent." \
    --identity-documents "passport copy" --proof-of-rights "original photographs of Li Wei"
"$bin" case show "$case_id"

echo
echo "== 8. The letters: one per party and law, in the languages the rules ask for, citing the captured evidence"
echo "(the sample holder has no address for service in Singapore, which Singapore's notices need: only those"
echo " letters are drafts, with a visible [MISSING: address-for-service]; the .eml letters attach manifest.json)"
"$bin" letters "$case_id" --out "$out/letters" --bundle "$out/bundle" --draft
ls -1 "$out/letters"
python3 - "$out/letters/index.json" <<'PY'
import json, sys
index = json.load(open(sys.argv[1]))
drafts = sorted({e["party"] + ": " + ", ".join(m["element"] for m in e["missing"]) for e in index["letters"] if e["draft"]})
print(f"{len(index['letters'])} letter files, {sum(e['draft'] for e in index['letters'])} of them drafts")
for line in drafts:
    print("  draft for", line)
PY

echo
echo "== 9. Watching: notices sent, then re-checks until the content is gone"
"$bin" notice sent 1 --case "$case_id" --via email
"$bin" recheck --all
echo "-- the Russian mirror takes its copy down (the local web server now answers 404 for it)"
python3 - "$out/internet/ready.json" <<'PY'
import json, sys, urllib.request
port = json.load(open(sys.argv[1]))["httpPort"]
body = json.dumps({"host": "mirror.fakevid.ru", "path": "/v/8841", "status": 404, "body": "not found"}).encode()
request = urllib.request.Request(f"http://127.0.0.1:{port}/_override", data=body,
                                 headers={"Host": "control.longarm.test"})
urllib.request.urlopen(request, timeout=10).read()
PY
echo "-- one gone check confirms a removal here (the default is 3 checks at least 6 hours apart)"
"$bin" recheck --all --confirmations 1
mirror_id=$("$bin" show "$case_id" --json | python3 -c '
import json, sys
print(next(t["id"] for t in json.load(sys.stdin)["targets"] if "fakevid" in t["canonicalURL"]))')
"$bin" history "$mirror_id"
