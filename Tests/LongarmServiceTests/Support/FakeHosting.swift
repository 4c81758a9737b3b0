import Foundation
import LongarmCore
import LongarmNet
import LongarmResolve

/// A small hosting world for the service's tests: hosts resolve to addresses in a few networks and countries.
/// Only the I/O edges are fake; the resolver, the real private-address guard and everything after are real.
struct FakeHosting: Sendable {
    struct Site: Sendable {
        var address: String
        var country: String
        var asn: Int
        var network: String
        var abuse: String
    }

    /// Sites by host name.
    var sites: [String: Site] = [
        "videos.deepclip-host.net": Site(
            address: "88.198.21.14",
            country: "DE",
            asn: 24940,
            network: "HETZNER-NET",
            abuse: "abuse@hetzner.example"
        ),
        "www.faceswap-clips.com": Site(
            address: "45.83.220.7",
            country: "NL",
            asn: 9009,
            network: "M247-NL",
            abuse: "abuse@m247.example"
        ),
        "intranet.evil-mirror.net": Site(address: "10.0.0.5", country: "ZZ", asn: 0, network: "-", abuse: "-"),
    ]
    /// A delay per DNS lookup, to keep resolutions in flight.
    var delay: Duration = .zero

    /// A resolver over these sites with the real private-address guard.
    func resolver() -> HostingResolver {
        HostingResolver(
            sources: HostingResolver.Sources(
                dns: DNS(hosting: self),
                registration: Registration(),
                network: Networks(hosting: self),
                asn: ASN(hosting: self),
                geo: Geo(hosting: self),
                cdn: NoCDN(),
                policy: PrivateAddressGuard()
            )
        )
    }

    func site(ip: String) -> Site? { sites.values.first { $0.address == ip } }

    struct DNS: HostAddressLookup {
        let hosting: FakeHosting
        func resolve(host: String, registrableDomain: String?) async -> Lookup<DNSFacts> {
            if hosting.delay > .zero { try? await Task.sleep(for: hosting.delay) }
            guard let site = hosting.sites[host] else { return Lookup(nil, warnings: ["\(host): NXDOMAIN"]) }
            return Lookup(DNSFacts(a: [site.address], source: FactSource(.dns, server: "fake")))
        }
    }

    struct Registration: DomainRegistrationLookup {
        func lookup(domain: String) async -> Lookup<DomainFacts> {
            Lookup(
                DomainFacts(
                    source: FactSource(.rdap, server: "https://rdap.example/"),
                    registrar: RegistrarFacts(name: "Namecheap", country: CountryCode(lenient: "US"))
                )
            )
        }
    }

    struct Networks: NetworkLookup {
        let hosting: FakeHosting
        func lookup(ip: String) async -> Lookup<NetworkFacts> {
            guard let site = hosting.site(ip: ip) else { return Lookup(nil, warnings: ["\(ip): no network"]) }
            return Lookup(
                NetworkFacts(
                    name: site.network,
                    cidr: "\(ip)/32",
                    country: CountryCode(lenient: site.country),
                    abuseEmail: site.abuse,
                    source: FactSource(.rdap, server: "https://rdap.example/")
                )
            )
        }
    }

    struct ASN: OriginASNLookup {
        let hosting: FakeHosting
        func lookup(ip: String) async -> Lookup<ASNOrigin> {
            guard let site = hosting.site(ip: ip) else { return Lookup(nil) }
            return Lookup(
                ASNOrigin(asn: site.asn, asName: site.network, source: FactSource(.cymru, server: "fake"))
            )
        }
    }

    struct Geo: GeoLookup {
        let hosting: FakeHosting
        func geo(ip: String) -> GeoFacts? {
            guard let site = hosting.site(ip: ip) else { return nil }
            return GeoFacts(country: CountryCode(lenient: site.country), source: FactSource(.mmdb, server: "fake"))
        }
    }

    struct NoCDN: CDNLookup {
        func match(ip: String) -> CDNMatch? { nil }
        func match(cnameChain: [String]) -> CDNMatch? { nil }
        func origin(for match: CDNMatch) -> OriginFacts { OriginFacts() }
        func operatorCountry(cdn: String) -> CountryCode? { nil }
    }
}
