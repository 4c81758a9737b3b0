#!/usr/bin/env bash
# Intake benchmark: submits 100,000 URLs from a CSV into a new database (with --no-resolve) and prints URLs per
# second and peak memory. Target (issue 2): at least 50,000 URLs/s on 2 cores, peak RSS under 200 MB.
# Usage: scripts/bench-intake.sh [ROWS]   (needs a release build: make release)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
bin=.build/release/longarm
[ -x "$bin" ] || { echo "bench-intake: $bin is missing; run: make release" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench-intake: /usr/bin/time is missing; run: scripts/setup.sh" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv="$work/urls.csv"
# Distinct URLs over many hosts and public suffixes, with the mess intake must clean: upper case, default ports,
# fragments, percent-escapes, dot-segments and IDN hosts.
python3 - "$rows" "$csv" <<'PY'
import sys
rows, path = int(sys.argv[1]), sys.argv[2]
suffixes = ["com", "net", "org", "co.uk", "com.au", "ru", "de", "co.jp", "github.io", "xn--p1ai", "com.cn"]
hosts = ["videos", "www", "cdn", "mirror", "clips", "Media", "static"]
idn = ["视频分享", "пример", "動画", "مثال"]
with open(path, "w", encoding="utf-8", newline="") as out:
    out.write("url,kind,note\n")
    for i in range(rows):
        suffix = suffixes[i % len(suffixes)]
        name = idn[i % len(idn)] if i % 50 == 0 else f"site{i % 4000}"
        host = f"{hosts[i % len(hosts)]}.{name}.{suffix}"
        if i % 3 == 0:
            url = f"HTTPS://{host.upper() if i % 50 else host}:443/watch/{i}?ref=share&t=%7e{i % 60}#frag"
        elif i % 3 == 1:
            url = f"http://{host}:80/v/./a/../{i}/clip%20{i}.mp4"
        else:
            url = f"https://{host}/p/{i}?q=caf%c3%a9&id={i}"
        kind = ["portrait", "reputation", ""][i % 3]
        note = f"\"row {i}, generated\"" if i % 10 == 0 else ""
        out.write(f"{url},{kind},{note}\n")
PY

export LONGARM_DB="$work/bench.sqlite"
"$bin" case new --holder "Benchmark" --kind portrait >/dev/null
/usr/bin/time -v -o "$work/time.txt" "$bin" submit --case 1 --from "$csv" --no-resolve >"$work/out.txt"
python3 - "$rows" "$work/time.txt" "$work/out.txt" <<'PY'
import sys
rows, timing, out = int(sys.argv[1]), open(sys.argv[2]).read(), open(sys.argv[3]).read().splitlines()
def field(name):
    return next(line.split(": ", 1)[1] for line in timing.splitlines() if line.strip().startswith(name))
wall = field("Elapsed (wall clock) time")
parts = [float(p) for p in wall.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
rss_mb = int(field("Maximum resident set size")) / 1024
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
print(f"intake: {rows} URLs in {seconds:.2f} s = {rows / seconds:,.0f} URLs/s; peak RSS {rss_mb:.1f} MB")
# On a shared machine the wall clock includes time spent waiting for a core; CPU time does not.
print(f"intake: CPU time {cpu:.2f} s = {rows / cpu:,.0f} URLs per CPU-second")
print(f"intake: {out[-1]}")
PY
