#!/usr/bin/env bash
# Installs the Debian packages Longarm builds and tests with. As root it runs apt-get; otherwise it prints
# the exact command and fails, so nothing half-works.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    libsqlite3-dev        # GRDB
    libcurl4-openssl-dev  # LongarmNet's HTTP client
    libmaxminddb-dev      # MMDB geolocation
    libtcmalloc-minimal4  # the allocator the longarm binary links (see Package.swift)
    nginx-light           # local web server of the capture and re-check benchmarks (loopback HTTP)
    nsd                   # the local authoritative DNS server of the integration tests
    openssl               # test CA and the RFC 3161 time-stamping authority
    python3               # local RDAP/WHOIS/web fixture servers, warcio checks
    python3-venv
    time                  # /usr/bin/time -v for peak memory in scripts/bench-intake.sh
    zlib1g-dev            # gzip members of .warc.gz evidence files
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "setup: installing ${missing[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "setup: missing Debian packages; run:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

# nsd's package starts a system instance on port 53; the tests run their own on a loopback port instead.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nsd 2>/dev/null; then
    systemctl stop nsd >/dev/null 2>&1 || true
fi
# Without systemd (containers) the package's init script may still have started one.
if [ -f /run/nsd/nsd.pid ] && [ "$(id -u)" -eq 0 ]; then
    kill "$(cat /run/nsd/nsd.pid)" 2>/dev/null || true
fi

# nginx's package may start a system instance on port 80; the benchmarks run their own on a free port.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx 2>/dev/null; then
    systemctl stop nginx >/dev/null 2>&1 || true
fi
if [ -f /run/nginx.pid ] && [ "$(id -u)" -eq 0 ]; then
    kill "$(cat /run/nginx.pid)" 2>/dev/null || true
fi

# warcio reads back the WARC files Longarm writes (the evidence tests run `warcio check` and `warcio index`).
warcio_version=1.7.5
venv=.build/venv
if ! "$venv/bin/warcio" --version 2>/dev/null | grep -q "$warcio_version"; then
    echo "setup: installing warcio $warcio_version into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "warcio==$warcio_version"
fi

command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6.1 or newer is needed)" >&2; exit 1; }
