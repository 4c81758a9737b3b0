import Foundation
import LongarmCore
import LongarmResolve
import LongarmTestSupport
import Testing

/// Resolution end to end against the local internet: nsd with fixture zones, RDAP over HTTPS with a test CA,
/// WHOIS on TCP, Team Cymru TXT records, the shipped bootstrap, geolocation database and CDN ranges.
@Suite(.serialized) struct ResolveIntegrationTests {
    private func resolver(_ internet: LocalInternet) throws -> HostingResolver {
        try HostingResolver.live(configuration: try internet.configuration())
    }

    private func request(_ url: String, host: String, domain: String) -> ResolutionRequest {
        ResolutionRequest(url: url, canonicalUrl: url, host: host, registrableDomain: domain)
    }

    @Test func cdnFrontedSiteWithRedactedRegistrant() async throws {
        let internet = try await LocalInternet.shared()
        let profile = try await resolver(internet).resolve(
            request(
                "https://www.faceswap-clips.com/watch/8841",
                host: "www.faceswap-clips.com",
                domain: "faceswap-clips.com"
            )
        )
        #expect(profile.dns.cname == ["faceswap-clips.com.cdn.cloudflare.net"])
        #expect(Set(profile.dns.a) == ["104.21.48.12", "172.67.140.3"])
        #expect(profile.cdn?.name == "Cloudflare")
        #expect(profile.origin.hidden)
        #expect(profile.countries.hosting.isEmpty)
        #expect(profile.countries.cdn?.rawValue == "US")
        #expect(profile.addresses.allSatisfy { $0.asn == 13335 && $0.network?.abuseEmail == "abuse@cloudflare.com" })
        let registrar = try #require(profile.domain?.registrar)
        #expect(registrar.name == "NameCheap, Inc.")
        #expect(registrar.ianaId == "1068")
        #expect(registrar.abuseEmail == "abuse@namecheap.com")
        let registrant = try #require(profile.domain?.registrant)
        #expect(registrant.redacted)
        #expect(registrant.organization == nil, "a privacy service must never be reported as the registrant")
        #expect(profile.domain?.source.server.contains("rdap.namecheap.com") == true)
    }

    @Test func directlyHostedIPv4Site() async throws {
        let internet = try await LocalInternet.shared()
        let profile = try await resolver(internet).resolve(
            request(
                "http://videos.deepclip-host.net/v/8841",
                host: "videos.deepclip-host.net",
                domain: "deepclip-host.net"
            )
        )
        let address = try #require(profile.addresses.first)
        #expect(address.ip == "88.198.21.14")
        #expect(address.asn == 24940)
        #expect(address.asName == "HETZNER-AS, DE")
        #expect(address.prefix == "88.198.0.0/16")
        #expect(address.network?.abuseEmail == "abuse@hetzner.com")
        #expect(address.network?.source?.server == "https://rdap.db.ripe.net/ip/88.198.21.14")
        #expect(address.geo?.country?.rawValue == "DE")
        #expect(profile.countries.hosting.map(\.rawValue) == ["DE"])
        #expect(profile.domain?.registrar?.abuseEmail == "abuse@namesilo.com")
        #expect(profile.domain?.registrant?.country?.rawValue == "EE")
        #expect(profile.origin.hidden == false)
        #expect(profile.warnings.isEmpty, "\(profile.warnings)")
    }

    @Test func ipv6OnlySite() async throws {
        let internet = try await LocalInternet.shared()
        let profile = try await resolver(internet).resolve(
            request("https://v6.clipmirror.org/clip/8841", host: "v6.clipmirror.org", domain: "clipmirror.org")
        )
        #expect(profile.dns.a.isEmpty)
        #expect(profile.dns.aaaa == ["2400:6180:0:d0::1f:5001"])
        let address = try #require(profile.addresses.first)
        #expect(address.asn == 14061)
        #expect(address.network?.country?.rawValue == "SG")
        #expect(profile.countries.hosting.map(\.rawValue) == ["SG"])
        #expect(profile.domain?.registrar?.ianaId == "1923")
        #expect(profile.domain?.source.server.contains("publicinterestregistry") == true)
    }

    @Test func whoisOnlyCountryCodeDomain() async throws {
        let internet = try await LocalInternet.shared()
        let profile = try await resolver(internet).resolve(
            request("https://mirror.fakevid.ru/v/8841", host: "mirror.fakevid.ru", domain: "fakevid.ru")
        )
        let domain = try #require(profile.domain)
        #expect(domain.source == FactSource(.whois, server: "whois://whois.tcinet.ru"))
        #expect(domain.registrar?.name == "RU-CENTER-RU")
        #expect(domain.registrant?.redacted == true, "\"Private Person\" is not a name")
        #expect(profile.countries.hosting.map(\.rawValue) == ["RU"])
    }

    @Test func unknownNameStillGetsAProfileWithWarnings() async throws {
        let internet = try await LocalInternet.shared()
        let profile = try await resolver(internet).resolve(
            request(
                "https://missing.broken-example.com/x",
                host: "missing.broken-example.com",
                domain: "broken-example.com"
            )
        )
        #expect(profile.addresses.isEmpty)
        #expect(profile.warnings.contains { $0.contains("NXDOMAIN") }, "\(profile.warnings)")
    }

    @Test func eachDomainAndNetworkIsAskedOnceInARun() async throws {
        let internet = try await LocalInternet.shared()
        let before = try internet.requests().count
        var requests: [ResolutionRequest] = []
        for page in 0..<15 {
            requests.append(
                request(
                    "http://videos.deepclip-host.net/v/\(page)",
                    host: "videos.deepclip-host.net",
                    domain: "deepclip-host.net"
                )
            )
            requests.append(
                request("https://v6.clipmirror.org/clip/\(page)", host: "v6.clipmirror.org", domain: "clipmirror.org")
            )
        }
        let profiles = try await resolver(internet).resolve(requests)
        #expect(profiles.count == 30)
        let served = try internet.requests().dropFirst(before).map { "\($0.host)\($0.path)" }
        #expect(served.filter { $0.hasSuffix("/domain/deepclip-host.net") }.count == 1)
        #expect(served.filter { $0.hasSuffix("/domain/clipmirror.org") }.count == 1)
        #expect(served.filter { $0.contains("/ip/88.198.21.14") }.count == 1)
        #expect(served.filter { $0.contains("/ip/2400:6180:0:d0::1f:5001") }.count == 1)
    }
}
