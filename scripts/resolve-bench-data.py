#!/usr/bin/env python3
"""Generated local internet for the resolution benchmark (scripts/bench-resolve.sh).

    resolve-bench-data.py generate OUT [--domains 1000] [--networks 500] [--urls 10000]
    resolve-bench-data.py run OUT BINARY STATE_DIR     # resolve OUT/urls.txt, then report

`generate` writes, deterministically (same arguments, same bytes):

    OUT/fixtures/zones/<domain>.zone      one nsd zone per registrable domain (apex, www, m → www)
    OUT/fixtures/zones/*.cymru.com.zone   Team Cymru origin (IPv4, IPv6) and AS-name zones
    OUT/fixtures/web/<rdap host>/…        RDAP documents: domains at the registries the shipped bootstrap
                                          names, some linking to a registrar's server; networks at the RIRs
    OUT/fixtures/whois/<server>/…         port-43 answers for the WHOIS-only TLDs (.jp, .ru)
    OUT/urls.txt                          the URLs, one a line under a `url` header (a batch file)
    OUT/expected.json                     what each server should be asked if every domain and network is
                                          looked up exactly once

`run` times `BINARY resolve --from OUT/urls.txt --json` (wall time and peak RSS of the child), reads the
request counts from the local internet (`/_counts`), compares them with expected.json and prints a report.
Exit status 1 when any domain or network was asked more or less than once, or a URL is missing.
"""

import argparse
import collections
import functools
import ipaddress
import json
import os
import re
import resource
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(HERE), "Data")

# Share of the domains per TLD; jp and ru have no RDAP service in the bootstrap and go to port-43 WHOIS.
TLDS = [("com", 40), ("net", 15), ("org", 15), ("xyz", 8), ("online", 7), ("shop", 5), ("jp", 5), ("ru", 5)]
WHOIS_TLDS = {"jp": "whois.jprs.jp", "ru": "whois.tcinet.ru"}
REGISTRARS = [
    ("NameCheap, Inc.", 1068, "abuse@namecheap.com", "+1.6613102107", "US", "rdap.namecheap.com"),
    ("NameSilo, LLC", 1479, "abuse@namesilo.com", "+1.4805240066", "US", "rdap.namesilo.com"),
    ("Dynadot Inc", 472, "abuse@dynadot.com", "+1.6502620100", "US", "rdap.dynadot.com"),
    ("GoDaddy.com, LLC", 146, "abuse@godaddy.com", "+1.4806242505", "US", None),
    ("Tucows Domains Inc.", 69, "domainabuse@tucows.com", "+1.4165350123", "CA", None),
]
RIRS = {
    "https://rdap.arin.net/registry/": ("arin", "US"),
    "https://rdap.db.ripe.net/": ("ripencc", "DE"),
    "https://rdap.apnic.net/": ("apnic", "SG"),
    "https://rdap.lacnic.net/rdap/": ("lacnic", "BR"),
    "https://rdap.afrinic.net/rdap/": ("afrinic", "ZA"),
}
IPV6_BLOCKS = {  # one /12 per RIR, as IANA allocated them
    "https://rdap.arin.net/registry/": "2600::/12",
    "https://rdap.db.ripe.net/": "2a00::/12",
    "https://rdap.apnic.net/": "2400::/12",
    "https://rdap.lacnic.net/rdap/": "2800::/12",
    "https://rdap.afrinic.net/rdap/": "2c00::/12",
}
GEO_DISAGREES = re.compile(r"^\S+: the registry places the network in [A-Z]{2}, geolocation in [A-Z]{2}$").match
SOA = "@ IN SOA ns1.bench-dns.net. hostmaster.bench-dns.net. ( 2026120101 3600 600 604800 300 )"


@functools.lru_cache(maxsize=None)
def load_bootstrap(name):
    with open(os.path.join(DATA, "rdap", name), encoding="utf-8") as handle:
        return json.load(handle)["services"]


def rdap_base_for_tld(tld):
    for labels, urls in load_bootstrap("dns.json"):
        if tld in labels:
            return next(url for url in urls if url.startswith("https://"))
    return None


def ipv4_slash8s_by_rir():
    """The /8s the shipped ipv4.json gives each RIR, keeping only globally routable space."""
    result = collections.OrderedDict()
    for prefixes, urls in load_bootstrap("ipv4.json"):
        base = next(url for url in urls if url.startswith("https://"))
        if base not in RIRS:
            continue
        usable = [p for p in prefixes if ipaddress.ip_network(p).network_address.is_global]
        result[base] = [p for p in usable if p.endswith("/8")]
    return result


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode, encoding=None if "b" in mode else "utf-8") as handle:
        handle.write(text)


def vcard(*items):
    return ["vcard", [["version", {}, "text", "4.0"], *items]]


def make_networks(count):
    """`count` networks: /24s (IPv4) and /48s (IPv6, one in eight) spread over the five RIRs."""
    slash8s = ipv4_slash8s_by_rir()
    bases = list(RIRS)
    networks = []
    taken = set()
    for index in range(count):
        base = bases[index % len(bases)]
        rir, country = RIRS[base]
        asn = 200000 + index // 2  # two networks per AS
        if index % 8 == 7:
            block = ipaddress.ip_network(IPV6_BLOCKS[base])
            prefix = ipaddress.ip_network((int(block.network_address) + ((index + 1) << 80), 48))
        else:
            eight = slash8s[base][(index // len(bases)) % len(slash8s[base])]
            first = int(eight.split(".")[0])
            second = (index * 7) % 250 + 1
            third = index % 250 + 1
            while (first, second, third) in taken:
                third = third % 250 + 1
            taken.add((first, second, third))
            prefix = ipaddress.ip_network(f"{first}.{second}.{third}.0/24")
        networks.append({"index": index, "prefix": prefix, "rdap": base, "rir": rir, "country": country, "asn": asn})
    return networks


def address_in(network, ordinal):
    return ipaddress.ip_address(int(network["prefix"].network_address) + 10 + ordinal)


def make_domains(count, networks):
    weights = []
    for tld, share in TLDS:
        weights += [tld] * share
    domains = []
    for index in range(count):
        tld = weights[(index * 37) % len(weights)]
        name = f"clipvault{index:04d}.{tld}"
        network = networks[index % len(networks)]
        slot = (index // len(networks)) * 2
        addresses = [address_in(network, slot), address_in(network, slot + 1)]
        if index % 5 == 0 and network["prefix"].version == 4:
            v6 = [n for n in networks if n["prefix"].version == 6]
            addresses.append(address_in(v6[index % len(v6)], 100 + index))
        registrar = REGISTRARS[index % len(REGISTRARS)]
        linked = tld in ("com", "net") and registrar[5] is not None and index % 3 == 0
        domains.append({"index": index, "name": name, "tld": tld, "addresses": addresses, "registrar": registrar,
                        "linked": linked, "redacted": index % 2 == 0})
    return domains


def zone_for(domain):
    lines = [f"$ORIGIN {domain['name']}.", "$TTL 300", SOA, "@ IN NS ns1.bench-dns.net.", "@ IN NS ns2.bench-dns.net."]
    for host in ("@", "www"):
        for address in domain["addresses"]:
            kind = "A" if address.version == 4 else "AAAA"
            lines.append(f"{host} IN {kind} {address}")
    lines.append("m IN CNAME www")
    return "\n".join(lines) + "\n"


def cymru_zones(networks):
    origin = ["$ORIGIN origin.asn.cymru.com.", "$TTL 300", SOA, "@ IN NS ns1.bench-dns.net."]
    origin6 = ["$ORIGIN origin6.asn.cymru.com.", "$TTL 300", SOA, "@ IN NS ns1.bench-dns.net."]
    names = ["$ORIGIN asn.cymru.com.", "$TTL 300", SOA, "@ IN NS ns1.bench-dns.net."]
    seen = set()
    for network in networks:
        prefix = network["prefix"]
        txt = f'"{network["asn"]} | {prefix} | {network["country"]} | {network["rir"]} | 2015-03-01"'
        if prefix.version == 4:
            octets = str(prefix.network_address).split(".")[:3]
            origin.append(f"*.{'.'.join(reversed(octets))} IN TXT {txt}")
        else:
            nibbles = prefix.network_address.exploded.replace(":", "")[:12]
            origin6.append(f"*.{'.'.join(reversed(nibbles))} IN TXT {txt}")
        if network["asn"] not in seen:
            seen.add(network["asn"])
            names.append(f'AS{network["asn"]} IN TXT "{network["asn"]} | {network["country"]} | {network["rir"]} | '
                         f'2015-03-01 | BENCH-HOSTING-{network["asn"]}, {network["country"]}"')
    return {"origin.asn.cymru.com": origin, "origin6.asn.cymru.com": origin6, "asn.cymru.com": names}


def rdap_domain(domain, registry_url):
    name, iana, abuse, phone, country, rdap_host = domain["registrar"]
    upper = domain["name"].upper()
    links = [{"value": registry_url, "rel": "self", "href": registry_url, "type": "application/rdap+json"}]
    if domain["linked"]:
        href = f"https://{rdap_host}/domain/{upper}"
        links.append({"value": registry_url, "rel": "related", "href": href, "type": "application/rdap+json"})
    registrar = {
        "objectClassName": "entity", "handle": str(iana), "roles": ["registrar"],
        "publicIds": [{"type": "IANA Registrar ID", "identifier": str(iana)}],
        "vcardArray": vcard(["fn", {}, "text", name], ["adr", {"cc": country}, "text", ["", "", "", "", "", "", ""]]),
        "entities": [{"objectClassName": "entity", "roles": ["abuse"],
                      "vcardArray": vcard(["fn", {}, "text", ""], ["tel", {"type": "voice"}, "uri", f"tel:{phone}"],
                                          ["email", {}, "text", abuse])}],
    }
    entities = [registrar]
    if domain["redacted"]:
        entities.append({"objectClassName": "entity", "roles": ["registrant"],
                         "vcardArray": vcard(["fn", {}, "text", "REDACTED FOR PRIVACY"],
                                             ["adr", {"cc": "IS"}, "text", ["", "", "", "", "", "", ""]])})
    else:
        entities.append({"objectClassName": "entity", "roles": ["registrant"],
                         "vcardArray": vcard(["fn", {}, "text", f"Clip Vault {domain['index']} Ltd"],
                                             ["org", {}, "text", f"Clip Vault {domain['index']} Ltd"],
                                             ["adr", {"cc": "PA"}, "text", ["", "", "", "", "", "", ""]])})
    return {
        "rdapConformance": ["rdap_level_0", "icann_rdap_response_profile_0"],
        "objectClassName": "domain", "handle": f"{domain['index']}_DOMAIN-BENCH", "ldhName": upper, "links": links,
        "status": ["client transfer prohibited"], "entities": entities,
        "events": [{"eventAction": "registration", "eventDate": f"2024-{domain['index'] % 12 + 1:02d}-11T08:14:37Z"},
                   {"eventAction": "expiration", "eventDate": f"2027-{domain['index'] % 12 + 1:02d}-11T08:14:37Z"}],
        "nameservers": [{"objectClassName": "nameserver", "ldhName": "NS1.BENCH-DNS.NET"},
                        {"objectClassName": "nameserver", "ldhName": "NS2.BENCH-DNS.NET"}],
    }


def rdap_registrar_domain(domain):
    doc = rdap_domain(dict(domain, linked=False), f"https://{domain['registrar'][5]}/domain/{domain['name'].upper()}")
    doc["entities"][1]["vcardArray"][1].append(["email", {}, "text", f"owner{domain['index']}@privacy.example"])
    return doc


def rdap_network(network):
    prefix = network["prefix"]
    key = "v4prefix" if prefix.version == 4 else "v6prefix"
    return {
        "rdapConformance": ["rdap_level_0", "nro_rdap_profile_0", "cidr0"],
        "objectClassName": "ip network", "handle": f"BENCH-NET-{network['index']}",
        "name": f"BENCH-HOSTING-NET-{network['index']}", "startAddress": str(prefix.network_address),
        "endAddress": str(prefix.broadcast_address), "ipVersion": f"v{prefix.version}", "type": "ASSIGNED PA",
        "country": network["country"], "cidr0_cidrs": [{key: str(prefix.network_address), "length": prefix.prefixlen}],
        "entities": [{
            "objectClassName": "entity", "roles": ["registrant"], "handle": f"BENCH-ORG-{network['asn']}",
            "vcardArray": vcard(["fn", {}, "text", f"Bench Hosting {network['asn']}"], ["kind", {}, "text", "org"],
                                ["adr", {"cc": network["country"]}, "text", ["", "", "", "", "", "", ""]]),
            "entities": [{"objectClassName": "entity", "roles": ["abuse"],
                          "vcardArray": vcard(["fn", {}, "text", "Abuse desk"],
                                              ["email", {}, "text", f"abuse@as{network['asn']}.example"])}],
        }],
    }


def whois_text(domain):
    index = domain["index"]
    if domain["tld"] == "jp":
        return (f"[ JPRS database provides information on network administration. ]\n\nDomain Information:\n"
                f"[Domain Name]                   {domain['name'].upper()}\n\n"
                f"[Registrant]                    Clip Vault {index} K.K.\n\n"
                f"[Name Server]                   ns1.bench-dns.net\n[Name Server]                   ns2.bench-dns.net\n"
                f"[Created on]                    2019/04/01\n[Expires on]                    2027/04/30\n"
                f"[Status]                        Active\n[Last Updated]                  2026/11/01 01:05:03 (JST)\n")
    return (f"% TCI Whois Service. Terms of use:\n% https://tcinet.ru/documents/whois_ru_rf.pdf\n\n"
            f"domain:        {domain['name'].upper()}\nnserver:       ns1.bench-dns.net.\nnserver:       ns2.bench-dns.net.\n"
            f"state:         REGISTERED, DELEGATED, UNVERIFIED\norg:           Clip Vault {index} LLC\n"
            f"registrar:     RU-CENTER-RU\nadmin-contact: https://www.nic.ru/whois\n"
            f"created:       2023-06-14T09:21:44Z\npaid-till:     2027-06-14T21:00:00Z\nsource:        TCI\n")


def generate(out, domain_count, network_count, url_count):
    fixtures = os.path.join(out, "fixtures")
    if os.path.exists(fixtures):
        subprocess.run(["rm", "-rf", fixtures], check=True)
    networks = make_networks(network_count)
    domains = make_domains(domain_count, networks)
    expected = {"urls": url_count, "domains": domain_count, "networks": network_count, "web": {}, "whois": {},
                "domainPaths": {}, "networkPrefixes": {}}
    web = collections.Counter()
    whois = collections.Counter()
    for domain in domains:
        write(os.path.join(fixtures, "zones", domain["name"] + ".zone"), zone_for(domain))
        if domain["tld"] in WHOIS_TLDS:
            server = WHOIS_TLDS[domain["tld"]]
            query = f"{domain['name']}/e" if domain["tld"] == "jp" else domain["name"]
            write(os.path.join(fixtures, "whois", server, query.replace("/", "_") + ".txt"), whois_text(domain))
            whois[server] += 1
            continue
        base = rdap_base_for_tld(domain["tld"])
        url = base + "domain/" + domain["name"]
        host, path = url[len("https://"):].split("/", 1)
        write(os.path.join(fixtures, "web", host, path), json.dumps(rdap_domain(domain, url), indent=1))
        web[host] += 1
        expected["domainPaths"][f"{host}/{path}"] = domain["name"]
        if domain["linked"]:
            rdap_host = domain["registrar"][5]
            write(os.path.join(fixtures, "web", rdap_host, "domain", domain["name"]),
                  json.dumps(rdap_registrar_domain(domain), indent=1))
            web[rdap_host] += 1
            expected["domainPaths"][f"{rdap_host}/domain/{domain['name'].upper()}"] = domain["name"]
    used = set()
    for domain in domains:
        used.update(domain["addresses"])
    for network in networks:
        doc = json.dumps(rdap_network(network), indent=1)
        base = network["rdap"]
        host, root = base[len("https://"):].split("/", 1)
        members = [a for a in used if a in network["prefix"]]
        for address in members:
            write(os.path.join(fixtures, "web", host, root, "ip", str(address)), doc)
        if members:
            web[host] += 1
            expected["networkPrefixes"][str(network["prefix"])] = host
    for name, lines in cymru_zones(networks).items():
        write(os.path.join(fixtures, "zones", name + ".zone"), "\n".join(lines) + "\n")
    write(os.path.join(fixtures, "zones", "bench-dns.net.zone"),
          "\n".join(["$ORIGIN bench-dns.net.", "$TTL 300", SOA, "@ IN NS ns1", "ns1 IN A 192.0.2.53",
                     "ns2 IN A 192.0.2.54"]) + "\n")
    urls = []
    for index in range(url_count):
        domain = domains[index % domain_count]
        k = index // domain_count
        urls.append([f"https://www.{domain['name']}/watch/{k}", f"http://{domain['name']}/v/{k}",
                     f"https://m.{domain['name']}/clip/{k}"][k % 3])
    write(os.path.join(out, "urls.txt"), "url\n" + "\n".join(urls) + "\n")
    expected["web"] = dict(sorted(web.items()))
    expected["whois"] = dict(sorted(whois.items()))
    write(os.path.join(out, "expected.json"), json.dumps(expected, indent=1, sort_keys=True))
    print(f"generated {url_count} URLs over {domain_count} domains and {network_count} networks in {out}")


def fetch_counts(state_dir):
    with open(os.path.join(state_dir, "ready.json"), encoding="utf-8") as handle:
        port = json.load(handle)["httpPort"]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_counts", timeout=30) as response:
        return json.load(response)


def stat_fields(pid):
    with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
        return stat.read().rsplit(")", 1)[1].split()


def processes():
    """pid -> (ppid, CPU ticks, command line) for every process we can read."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = stat_fields(entry)
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                command = handle.read().replace(b"\0", b" ").decode("utf-8", "replace")
            table[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]), command)
        except (OSError, IndexError, ValueError):
            continue
    return table


def cpu_seconds(table, pid, with_descendants):
    """CPU seconds of `pid`, and of everything below it when asked (nsd serves from a grandchild)."""
    if pid not in table:
        return None
    ticks = table[pid][1]
    if with_descendants:
        below = [child for child, (parent, _, _) in table.items() if parent == pid]
        while below:
            child = below.pop()
            ticks += table[child][1]
            below += [grandchild for grandchild, (parent, _, _) in table.items() if parent == child]
    return ticks / os.sysconf("SC_CLK_TCK")


def server_cpu(state_dir):
    """CPU seconds so far of the local internet: serve.py itself (web, RDAP, WHOIS) and nsd's process tree."""
    with open(os.path.join(state_dir, "ready.json"), encoding="utf-8") as handle:
        serve = json.load(handle)["pid"]
    table = processes()
    result = {"web+whois (serve.py)": cpu_seconds(table, serve, False)}
    for pid, (parent, _, command) in table.items():
        if parent == serve and "nsd" in command:
            result["nsd"] = cpu_seconds(table, pid, True)
    return result


def run(out, binary, state_dir):
    with open(os.path.join(out, "expected.json"), encoding="utf-8") as handle:
        expected = json.load(handle)
    cpu_before = server_cpu(state_dir)
    before = fetch_counts(state_dir)
    command = [binary, "resolve", "--from", os.path.join(out, "urls.txt"), "--json"]
    profiles_path = os.path.join(out, "profiles.json")
    start = time.monotonic()
    with open(profiles_path, "wb") as sink:
        status = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE).returncode
    elapsed = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kib = usage.ru_maxrss
    cpu = {"longarm": usage.ru_utime + usage.ru_stime}
    for name, now in server_cpu(state_dir).items():
        if now is not None and cpu_before.get(name) is not None:
            cpu[name] = now - cpu_before[name]
    after = fetch_counts(state_dir)
    with open(profiles_path, encoding="utf-8") as handle:
        profiles = json.load(handle)
    return report(expected, before, after, profiles, elapsed, peak_kib, status, cpu)


def report(expected, before, after, profiles, elapsed, peak_kib, status, cpu):
    problems = []
    web = collections.Counter(after["web"]) - collections.Counter(before["web"])
    whois = collections.Counter(after["whois"]) - collections.Counter(before["whois"])
    dns = {key: after["dns"].get(key, 0) - before["dns"].get(key, 0) for key in after["dns"]}
    paths = collections.Counter(after["paths"]) - collections.Counter(before["paths"])
    print(f"resolve: {len(profiles)} URLs, {expected['domains']} registrable domains, {expected['networks']} networks")
    print(f"  time {elapsed:.2f} s ({len(profiles) / elapsed:.0f} URLs/s), peak RSS {peak_kib / 1024:.1f} MiB, "
          f"exit status {status}")
    print("  CPU seconds during the run (2 cores shared by all): "
          + ", ".join(f"{name} {seconds:.2f}" for name, seconds in cpu.items()))
    print("  requests received by each local server:")
    for host in sorted(set(web) | set(expected["web"])):
        want = expected["web"].get(host, 0)
        print(f"    web   {host:40s} {web[host]:6d}  (one per distinct domain/network: {want})")
        if web[host] != want:
            problems.append(f"{host}: {web[host]} requests, expected {want}")
    for server in sorted(set(whois) | set(expected["whois"])):
        want = expected["whois"].get(server, 0)
        print(f"    whois {server:40s} {whois[server]:6d}  (one per domain: {want})")
        if whois[server] != want:
            problems.append(f"{server}: {whois[server]} queries, expected {want}")
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(dns.items()) if k != "queries" and v)
    print(f"    dns   nsd {dns.get('queries', 0):6d} queries ({kinds})")
    repeated = [(path, n) for path, n in paths.items() if n > 1 and ("/domain/" in path or "/ip/" in path)]
    for path, n in sorted(repeated)[:10]:
        problems.append(f"{path}: asked {n} times")
    missing = [p for p in expected["domainPaths"] if paths.get(p, 0) == 0 and paths.get(p.lower(), 0) == 0]
    if missing:
        problems.append(f"{len(missing)} domain documents never asked for, e.g. {missing[0]}")
    if len(profiles) != expected["urls"]:
        problems.append(f"{len(profiles)} profiles for {expected['urls']} URLs")
    # The generated networks take one registry country per RIR (all of APNIC's in SG, …) while the shipped
    # geolocation database places the same real address space in its real countries, so the resolver rightly
    # warns that registry and geolocation disagree. Any other warning means a fault in the run.
    warned = sum(1 for p in profiles if p.get("warnings"))
    other = collections.Counter(w for p in profiles for w in p.get("warnings", []) if not GEO_DISAGREES(w))
    no_domain = sum(1 for p in profiles if not p.get("domain"))
    no_network = sum(1 for p in profiles if not any(a.get("network") for a in p.get("addresses", [])))
    print(f"  profiles: {warned} with warnings ({sum(other.values())} warnings other than registry/geolocation "
          f"country disagreements), {no_domain} without registration facts, {no_network} without a network")
    if no_domain or no_network:
        problems.append("some profiles lack registration or network facts")
    for warning, n in other.most_common(5):
        problems.append(f"unexpected warning ({n}x): {warning}")
    verdict = "OK" if not problems else "FAILED"
    print(f"  exactly one RDAP request per distinct domain and network: {verdict}")
    for problem in problems[:20]:
        print(f"    {problem}")
    return 0 if not problems and status == 0 else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("out")
    gen.add_argument("--domains", type=int, default=1000)
    gen.add_argument("--networks", type=int, default=500)
    gen.add_argument("--urls", type=int, default=10000)
    runner = sub.add_parser("run")
    runner.add_argument("out")
    runner.add_argument("binary")
    runner.add_argument("state")
    args = parser.parse_args()
    if args.command == "generate":
        generate(os.path.abspath(args.out), args.domains, args.networks, args.urls)
        return 0
    return run(os.path.abspath(args.out), os.path.abspath(args.binary), os.path.abspath(args.state))


if __name__ == "__main__":
    sys.exit(main())
