import Foundation
import LongarmCore
import LongarmResolve
import Synchronization

/// Counts calls per key, so tests can prove work is shared.
final class CallCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func record(_ key: String) { counts.withLock { $0[key, default: 0] += 1 } }
    subscript(key: String) -> Int { counts.withLock { $0[key, default: 0] } }
    var total: Int { counts.withLock { $0.values.reduce(0, +) } }
}

struct FakeDNS: HostAddressLookup {
    var answers: [String: DNSFacts]
    let calls = CallCounter()
    func resolve(host: String, registrableDomain: String?) async -> Lookup<DNSFacts> {
        calls.record(host)
        guard let facts = answers[host] else { return Lookup(nil, warnings: ["\(host): NXDOMAIN from 127.0.0.1:53"]) }
        return Lookup(facts)
    }
}

struct FakeRegistration: DomainRegistrationLookup {
    var facts: [String: DomainFacts]
    let calls = CallCounter()
    func lookup(domain: String) async -> Lookup<DomainFacts> {
        calls.record(domain)
        try? await Task.sleep(for: .milliseconds(5))  // keep lookups in flight so concurrent callers overlap
        guard let value = facts[domain] else { return Lookup(nil, warnings: ["\(domain): RDAP 404 at test"]) }
        return Lookup(value)
    }
}

struct FakeNetworks: NetworkLookup {
    /// Networks by CIDR; the first containing the address answers.
    var networks: [(cidr: String, facts: NetworkFacts)]
    let calls = CallCounter()
    func lookup(ip: String) async -> Lookup<NetworkFacts> {
        calls.record(ip)
        try? await Task.sleep(for: .milliseconds(5))
        for network in networks where contains(network.cidr, ip) { return Lookup(network.facts) }
        return Lookup(nil, warnings: ["\(ip): no network"])
    }

    private func contains(_ cidr: String, _ ip: String) -> Bool {
        // Test data uses /24 and /16 IPv4 networks only.
        let parts = cidr.split(separator: "/")
        let octets = Int(parts[1])! / 8
        return ip.split(separator: ".").prefix(octets) == parts[0].split(separator: ".").prefix(octets)
    }
}

struct FakeASN: OriginASNLookup {
    /// Origins by announced /16 prefix of the address.
    var origins: [String: ASNOrigin]
    func lookup(ip: String) async -> Lookup<ASNOrigin> {
        let key = ip.split(separator: ".").prefix(2).joined(separator: ".")
        return Lookup(origins[key])
    }
}

struct FakeGeo: GeoLookup {
    var countries: [String: String]
    func geo(ip: String) -> GeoFacts? {
        guard let code = countries[ip] else { return nil }
        return GeoFacts(country: CountryCode(lenient: code), source: FactSource(.mmdb, server: "test.mmdb"))
    }
}

struct FakeCDN: CDNLookup {
    var rangesPrefix: [String: String] = ["104.21.": "Cloudflare"]
    func match(ip: String) -> CDNMatch? {
        for (prefix, name) in rangesPrefix where ip.hasPrefix(prefix) {
            return CDNMatch(name: name, source: FactSource(.ranges, server: "Data/cdn"), evidence: prefix)
        }
        return nil
    }
    func match(cnameChain: [String]) -> CDNMatch? {
        guard let hit = cnameChain.first(where: { $0.hasSuffix(".cdn.cloudflare.net") }) else { return nil }
        return CDNMatch(name: "Cloudflare", source: FactSource(.cname, server: "Data/cdn"), evidence: hit)
    }
    func origin(for match: CDNMatch) -> OriginFacts {
        OriginFacts(hidden: true, revealedBy: match.name == "Cloudflare" ? "Cloudflare's abuse form" : nil)
    }
    func operatorCountry(cdn: String) -> CountryCode? { cdn == "Cloudflare" ? CountryCode(lenient: "US") : nil }
}

struct LoopbackPolicy: AddressPolicy {
    func refusal(for ip: String) -> String? {
        ip.hasPrefix("127.") || ip.hasPrefix("10.") ? "\(ip): private or loopback address refused" : nil
    }
}
