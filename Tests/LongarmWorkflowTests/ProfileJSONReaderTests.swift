import Foundation
import LongarmCore
import LongarmRules
import Testing

@testable import LongarmStore

/// The hand-written profile reader decodes what `JSONDecoder` decodes, and leaves the rest to it.
struct ProfileJSONReaderTests {
    static func viaJSONDecoder(_ json: Data) throws -> HostingProfile {
        try LongarmStore.jsonDecoder.decode(HostingProfile.self, from: json)
    }

    @Test func syntheticAndSampleProfilesDecodeAsJSONDecoderDecodesThem() throws {
        var profiles = PlanBenchmark.profiles(count: 400, book: WorkflowFixtures.book)
        profiles += try PlanFragmentStoreTests.sampleProfiles()
        for profile in profiles {
            let json = try LongarmStore.jsonEncoder.encode(profile)
            let fast = try ProfileJSONReader.profile(json)
            #expect(fast == (try Self.viaJSONDecoder(json)))
            #expect(fast == profile)
        }
    }

    @Test func everyFieldSetReadsBack() throws {
        var profile = HostingProfile(
            url: "https://x.example/a\"b\\c/d\te",
            canonicalUrl: "https://x.example/a",
            host: "x.example",
            registrableDomain: "x.example",
            dns: DNSFacts(cname: ["c.example"], a: ["192.0.2.1"], aaaa: ["2001:db8::1"], ns: ["ns.example"]),
            resolvedAt: Date(timeIntervalSince1970: 951_782_400)  // 2000-02-29
        )
        profile.domain = DomainFacts(
            source: FactSource(.whois, server: "whois.example:43"),
            registrar: RegistrarFacts(
                name: "R",
                ianaId: "1",
                abuseEmail: "a@r",
                abusePhone: "+1",
                country: CountryCode(lenient: "US")
            ),
            registrant: RegistrantFacts(organization: "O", country: CountryCode(lenient: "JP"), redacted: false),
            created: Date(timeIntervalSince1970: -86_400 * 365),
            expires: Date(timeIntervalSince1970: 4_102_444_800),
            status: ["ok"]
        )
        profile.addresses = [
            AddressFacts(
                ip: "192.0.2.1",
                asn: 4_200_000_000,
                asName: "N",
                prefix: "192.0.2.0/24",
                asnSource: FactSource(.cymru, server: "c"),
                network: NetworkFacts(
                    name: "n",
                    handle: "h",
                    cidr: "c",
                    country: CountryCode(lenient: "DE"),
                    registry: "RIPE",
                    organization: "o",
                    abuseEmail: "e",
                    source: FactSource(.rdap, server: "r")
                ),
                geo: GeoFacts(country: nil, source: FactSource(.mmdb, server: "m")),
                cdn: "C"
            )
        ]
        profile.cdn = CDNMatch(name: "C", source: FactSource(.header, server: "h"), evidence: "e")
        profile.origin = OriginFacts(hidden: true, revealedBy: "r")
        profile.countries = CountryFacts(
            hosting: [CountryCode(lenient: "DE"), CountryCode(lenient: "FR")].compactMap { $0 },
            registrar: CountryCode(lenient: "US"),
            registrant: CountryCode(lenient: "JP"),
            cdn: CountryCode(lenient: "US")
        )
        profile.warnings = ["w1", "李伟 😀"]
        let json = try LongarmStore.jsonEncoder.encode(profile)
        #expect(try ProfileJSONReader.profile(json) == profile)
        #expect(try LongarmStore.decodeProfile(json) == profile)
    }

    @Test func nullsUnknownKeysAndSpacesAreReadLikeJSONDecoder() throws {
        let json = Data(
            """
            { "url" : "https://a.example/", "canonicalUrl":"https://a.example/", "host":"a.example",
              "registrableDomain": null, "extra": {"x": [1, 2.5e3, true, null, "s"]},
              "dns": {"cname":[],"a":[],"aaaa":[],"ns":[],"source":null}, "domain": null,
              "addresses": [{"ip":"192.0.2.1","asn":null,"geo":{"country":"us","source":{"method":"mmdb","server":"m"}}}],
              "origin": {"hidden": false}, "countries": {"hosting": ["us"]}, "warnings": [],
              "resolvedAt": "2026-11-25T18:49:56Z" }
            """.utf8
        )
        let fast = try ProfileJSONReader.profile(json)
        #expect(fast == (try Self.viaJSONDecoder(json)))
        #expect(fast.countries.hosting.first?.rawValue == "US")
    }

    @Test func whatTheReaderDoesNotTakeIsLeftToJSONDecoder() throws {
        let base = try LongarmStore.jsonEncoder.encode(PlanBenchmark.profiles(count: 1, book: WorkflowFixtures.book)[0])
        let text = String(decoding: base, as: UTF8.self)
        // A \u escape and a date with fractional seconds: JSONDecoder's to read.
        let escaped = Data(text.replacingOccurrences(of: "\"host\":\"", with: "\"host\":\"\\u00e9").utf8)
        #expect(throws: (any Error).self) { try ProfileJSONReader.profile(escaped) }
        #expect(try LongarmStore.decodeProfile(escaped) == (try Self.viaJSONDecoder(escaped)))
        // A date before 1583, which Foundation reads in the Julian calendar.
        let julian = Data(text.replacingOccurrences(of: "\"resolvedAt\":\"2026", with: "\"resolvedAt\":\"1500").utf8)
        #expect(throws: (any Error).self) { try ProfileJSONReader.profile(julian) }
        #expect(try LongarmStore.decodeProfile(julian) == (try Self.viaJSONDecoder(julian)))
        // Errors stay JSONDecoder's: a missing required key, an unknown country code.
        let missing = Data(text.replacingOccurrences(of: "\"warnings\":", with: "\"warningz\":").utf8)
        #expect(throws: DecodingError.self) { try LongarmStore.decodeProfile(missing) }
        let badCountry = Data(text.replacingOccurrences(of: "\"hosting\":[\"", with: "\"hosting\":[\"Q").utf8)
        #expect(throws: DecodingError.self) { try LongarmStore.decodeProfile(badCountry) }
        let badDate = Data(text.replacingOccurrences(of: "\"resolvedAt\":\"2026", with: "\"resolvedAt\":\"x026").utf8)
        #expect(throws: DecodingError.self) { try LongarmStore.decodeProfile(badDate) }
    }
}
