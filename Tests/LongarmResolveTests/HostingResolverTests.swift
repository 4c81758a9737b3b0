import Foundation
import LongarmCore
import LongarmResolve
import Testing

@Suite struct HostingResolverTests {
    private static let rdap = FactSource(.rdap, server: "https://rdap.example/")

    private func request(_ host: String, domain: String?) -> ResolutionRequest {
        ResolutionRequest(
            url: "https://\(host)/v",
            canonicalUrl: "https://\(host)/v",
            host: host,
            registrableDomain: domain
        )
    }

    private func sources(
        dns: [String: DNSFacts],
        dnsLookup: FakeDNS? = nil,
        registration: FakeRegistration = FakeRegistration(facts: [:]),
        networks: FakeNetworks = FakeNetworks(networks: []),
        geo: [String: String] = [:]
    ) -> HostingResolver.Sources {
        HostingResolver.Sources(
            dns: dnsLookup ?? FakeDNS(answers: dns),
            registration: registration,
            network: networks,
            asn: FakeASN(origins: [
                "88.198": ASNOrigin(
                    asn: 24940,
                    asName: "HETZNER-AS, DE",
                    prefix: "88.198.0.0/16",
                    source: FactSource(.cymru, server: "127.0.0.1:53")
                )
            ]),
            geo: FakeGeo(countries: geo),
            cdn: FakeCDN(),
            policy: LoopbackPolicy()
        )
    }

    @Test func directlyHostedSiteGetsNetworkASNGeoAndHostingCountry() async throws {
        let networks = FakeNetworks(networks: [
            (
                "88.198.0.0/16",
                NetworkFacts(
                    name: "HETZNER-NET",
                    cidr: "88.198.0.0/16",
                    country: CountryCode(lenient: "DE"),
                    abuseEmail: "abuse@hetzner.example"
                )
            )
        ])
        let registration = FakeRegistration(facts: [
            "deepclip-host.net": DomainFacts(
                source: Self.rdap,
                registrar: RegistrarFacts(name: "Namecheap", country: CountryCode(lenient: "US")),
                registrant: RegistrantFacts(country: CountryCode(lenient: "IS"))
            )
        ])
        let resolver = HostingResolver(
            sources: sources(
                dns: ["videos.deepclip-host.net": DNSFacts(a: ["88.198.21.14"])],
                registration: registration,
                networks: networks,
                geo: ["88.198.21.14": "DE"]
            )
        )
        let profile = await resolver.resolve(request("videos.deepclip-host.net", domain: "deepclip-host.net"))
        let address = try #require(profile.addresses.first)
        #expect(address.asn == 24940)
        #expect(address.network?.abuseEmail == "abuse@hetzner.example")
        #expect(address.geo?.country?.rawValue == "DE")
        #expect(profile.countries.hosting.map(\.rawValue) == ["DE"])
        #expect(profile.countries.registrar?.rawValue == "US")
        #expect(profile.countries.registrant?.rawValue == "IS")
        #expect(profile.origin.hidden == false)
        #expect(profile.warnings.isEmpty, "unexpected warnings \(profile.warnings)")
    }

    @Test func cdnFrontedSiteHidesOriginAndKeepsCDNCountryApart() async throws {
        let resolver = HostingResolver(
            sources: sources(
                dns: [
                    "www.faceswap-clips.com": DNSFacts(
                        cname: ["faceswap-clips.com.cdn.cloudflare.net"],
                        a: ["104.21.48.12"]
                    )
                ],
                geo: ["104.21.48.12": "CA"]
            )
        )
        let profile = await resolver.resolve(request("www.faceswap-clips.com", domain: "faceswap-clips.com"))
        #expect(profile.cdn?.name == "Cloudflare")
        #expect(profile.origin.hidden)
        #expect(profile.origin.revealedBy == "Cloudflare's abuse form")
        #expect(profile.countries.hosting.isEmpty, "an anycast CDN address must not give a hosting country")
        #expect(profile.countries.cdn?.rawValue == "US")
        #expect(profile.warnings.contains { $0.contains("hidden") })
    }

    @Test func eachDomainAndNetworkIsLookedUpOnceAcrossManyURLs() async {
        let networks = FakeNetworks(networks: [
            (
                "88.198.0.0/16",
                NetworkFacts(name: "HETZNER-NET", cidr: "88.198.0.0/16", country: CountryCode(lenient: "DE"))
            )
        ])
        let registration = FakeRegistration(facts: [:])
        var dns: [String: DNSFacts] = [:]
        var requests: [ResolutionRequest] = []
        for site in 0..<10 {
            for page in 0..<20 {
                let host = "h\(page).site\(site).net"
                dns[host] = DNSFacts(a: ["88.198.\(site).\(page + 1)"])
                requests.append(request(host, domain: "site\(site).net"))
            }
        }
        let resolver = HostingResolver(sources: sources(dns: dns, registration: registration, networks: networks))
        let profiles = await resolver.resolve(requests)
        #expect(profiles.map(\.host) == requests.map(\.host), "profiles must come back in input order")
        #expect(registration.calls.total == 10)
        #expect((0..<10).allSatisfy { registration.calls["site\($0).net"] == 1 })
        #expect(networks.calls.total == 1, "200 addresses in one announced prefix share one network lookup")
    }

    @Test func eachHostIsAskedOfDNSOnceHoweverManyURLsShareIt() async {
        let answers = [
            "www.site.net": DNSFacts(a: ["88.198.1.1"]), "m.site.net": DNSFacts(a: ["88.198.1.2"]),
        ]
        let dns = FakeDNS(answers: answers)
        let requests = (0..<60).map { index in
            ResolutionRequest(
                url: "https://\(index % 2 == 0 ? "www" : "m").site.net/v/\(index)",
                canonicalUrl: "https://\(index % 2 == 0 ? "www" : "m").site.net/v/\(index)",
                host: index % 2 == 0 ? "www.site.net" : "m.site.net",
                registrableDomain: "site.net"
            )
        }
        let resolver = HostingResolver(sources: sources(dns: [:], dnsLookup: dns), concurrency: 16)
        let profiles = await resolver.resolve(requests)
        #expect(dns.calls.total == 2, "60 URLs on two hosts ask DNS twice")
        #expect(dns.calls["www.site.net"] == 1)
        #expect(profiles.filter { $0.dns.a == ["88.198.1.1"] }.count == 30)
        #expect(profiles[1].url == "https://m.site.net/v/1", "each profile keeps its own URL")
    }

    @Test func networkThatDoesNotCoverTheAddressIsLookedUpSeparately() async {
        let networks = FakeNetworks(networks: [
            (
                "88.198.1.0/24",
                NetworkFacts(name: "CUSTOMER-A", cidr: "88.198.1.0/24", country: CountryCode(lenient: "DE"))
            ),
            (
                "88.198.2.0/24",
                NetworkFacts(name: "CUSTOMER-B", cidr: "88.198.2.0/24", country: CountryCode(lenient: "FI"))
            ),
        ])
        let resolver = HostingResolver(
            sources: sources(
                dns: ["a.x.net": DNSFacts(a: ["88.198.1.5"]), "b.x.net": DNSFacts(a: ["88.198.2.5"])],
                networks: networks
            ),
            concurrency: 1
        )
        let profiles = await resolver.resolve([
            request("a.x.net", domain: "x.net"), request("b.x.net", domain: "x.net"),
        ])
        #expect(profiles.map { $0.addresses.first?.network?.name } == ["CUSTOMER-A", "CUSTOMER-B"])
        #expect(profiles[1].countries.hosting.map(\.rawValue) == ["FI"])
    }

    @Test func privateAddressesAreRefusedAndNotDescribed() async {
        let networks = FakeNetworks(networks: [])
        let resolver = HostingResolver(
            sources: sources(dns: ["intranet.evil.net": DNSFacts(a: ["10.0.0.5"])], networks: networks)
        )
        let profile = await resolver.resolve(request("intranet.evil.net", domain: "evil.net"))
        #expect(profile.addresses.isEmpty)
        #expect(networks.calls.total == 0)
        #expect(profile.warnings.contains("10.0.0.5: private or loopback address refused"))
    }

    @Test func failuresBecomeWarningsAndTheProfileIsStillReturned() async {
        let resolver = HostingResolver(sources: sources(dns: [:]))
        let profile = await resolver.resolve(request("gone.example.net", domain: "example.net"))
        #expect(profile.warnings.contains("gone.example.net: NXDOMAIN from 127.0.0.1:53"))
        #expect(profile.warnings.contains("example.net: RDAP 404 at test"))
        #expect(profile.domain == nil)
    }

    @Test func ipLiteralHostSkipsDNSAndRegistration() async {
        let registration = FakeRegistration(facts: [:])
        let resolver = HostingResolver(
            sources: sources(dns: [:], registration: registration, geo: ["88.198.7.7": "DE"])
        )
        let profile = await resolver.resolve(request("88.198.7.7", domain: nil))
        #expect(profile.dns.a == ["88.198.7.7"])
        #expect(registration.calls.total == 0)
        #expect(profile.countries.hosting.map(\.rawValue) == ["DE"])
    }
}
