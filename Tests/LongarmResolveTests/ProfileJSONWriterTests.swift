import Foundation
import LongarmCore
import LongarmResolve
import Testing

/// The encoder the CLI writes profiles with (`JSONOutput` in the CLI): the writer must match it byte for byte.
private func referenceEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
}

private func source(_ method: FactSource.Method, _ server: String) -> FactSource { FactSource(method, server: server) }

/// A profile with every optional field set and every array filled.
private func fullProfile(
    hostile: String = "plain",
    resolvedAt: Date = Date(timeIntervalSince1970: 1_795_000_000.75)
)
    -> HostingProfile
{
    let network = NetworkFacts(
        name: "NET-\(hostile)",
        handle: "H-1",
        cidr: "192.0.2.0/24, 198.51.100.0/24",
        country: CountryCode(lenient: "DE"),
        registry: "RIPE",
        organization: "Org \(hostile)",
        abuseEmail: "abuse@example.net",
        source: source(.rdap, "https://rdap.db.ripe.net/ip/192.0.2.7")
    )
    let address = AddressFacts(
        ip: "192.0.2.7",
        asn: 64_500,
        asName: "EXAMPLE-AS, DE",
        prefix: "192.0.2.0/24",
        asnSource: source(.cymru, "127.0.0.1:53 7.2.0.192.origin.asn.cymru.com"),
        network: network,
        geo: GeoFacts(country: CountryCode(lenient: "FR"), source: source(.mmdb, "/data/geo.mmdb")),
        cdn: "Cloudflare"
    )
    return HostingProfile(
        url: "https://www.example.com/a?b=c&d=\(hostile)",
        canonicalUrl: "https://www.example.com/a?b=c&d=e",
        host: "www.example.com",
        registrableDomain: "example.com",
        dns: DNSFacts(
            cname: ["www.example.com.cdn.cloudflare.net"],
            a: ["192.0.2.7"],
            aaaa: ["2001:db8::7"],
            ns: ["ns1.example.net", "ns2.example.net"],
            source: source(.dns, "127.0.0.1:53")
        ),
        domain: DomainFacts(
            source: source(.rdap, "https://rdap.verisign.com/com/v1/domain/example.com"),
            registrar: RegistrarFacts(
                name: "Registrar \(hostile)",
                ianaId: "146",
                abuseEmail: "abuse@registrar.example",
                abusePhone: "+1.5555550100",
                country: CountryCode(lenient: "US")
            ),
            registrant: RegistrantFacts(organization: hostile, country: CountryCode(lenient: "PA"), redacted: true),
            created: Date(timeIntervalSince1970: -86_400 * 365 * 20 - 0.5),
            expires: Date(timeIntervalSince1970: 1_835_395_199.999),
            status: ["client transfer prohibited", "server hold"]
        ),
        addresses: [address, AddressFacts(ip: "2001:db8::7", network: NetworkFacts(cidr: "2001:db8::/32"))],
        cdn: CDNMatch(name: "Cloudflare", source: source(.ranges, "Data/cdn"), evidence: "192.0.2.7 in 192.0.2.0/24"),
        origin: OriginFacts(hidden: true, revealedBy: "the CDN's abuse form"),
        countries: CountryFacts(
            hosting: [CountryCode(lenient: "DE")!, CountryCode(lenient: "FR")!],
            registrar: CountryCode(lenient: "US"),
            registrant: CountryCode(lenient: "PA"),
            cdn: CountryCode(lenient: "US")
        ),
        warnings: ["first \(hostile)", "second"],
        resolvedAt: resolvedAt
    )
}

/// Paths of optional fields left `nil` and arrays left empty anywhere in `value`.
private func unsetFields(_ value: Any, path: String = "profile") -> [String] {
    let mirror = Mirror(reflecting: value)
    if mirror.displayStyle == .optional {
        guard let wrapped = mirror.children.first?.value else { return [path] }
        return unsetFields(wrapped, path: path)
    }
    if mirror.displayStyle == .collection {
        if mirror.children.isEmpty { return [path] }
        return unsetFields(mirror.children.first!.value, path: path + "[0]")
    }
    guard mirror.displayStyle == .struct else { return [] }
    return mirror.children.flatMap { child in unsetFields(child.value, path: path + "." + (child.label ?? "?")) }
}

@Test func theFullProfileSetsEveryField() {
    // A field added to a profile type shows up here until the test profile (and the writer) handle it.
    #expect(unsetFields(fullProfile()) == [])
}

@Test(arguments: [
    "plain",
    "quote \" backslash \\ slash / tab \t newline \n return \r",
    "controls \u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F} end",
    "Unicode é 東京 \u{2028} 😀 Ω",
    "",
])
func writesTheBytesJSONEncoderWrites(hostile: String) throws {
    let profile = fullProfile(hostile: hostile)
    let expected = try referenceEncoder().encode(profile)
    #expect(
        String(decoding: ProfileJSONWriter.encode(profile), as: UTF8.self) == String(decoding: expected, as: UTF8.self)
    )
}

@Test func writesEmptyAndMissingFieldsAsJSONEncoderDoes() throws {
    let bare = HostingProfile(
        url: "http://192.0.2.1/",
        canonicalUrl: "",
        host: "",
        registrableDomain: nil,
        warnings: [],
        resolvedAt: Date(timeIntervalSince1970: 0)
    )
    let expected = try referenceEncoder().encode(bare)
    #expect(ProfileJSONWriter.encode(bare) == Array(expected))
}

@Test(arguments: [
    0.0, -0.5, 59.999, 951_782_400, 951_868_799.5, 4_102_444_800, 1_795_000_000.999_9, -2_208_988_800, 253_402_300_799,
])
func writesDatesAsTheISO8601Strategy(seconds: Double) throws {
    let profile = fullProfile(resolvedAt: Date(timeIntervalSince1970: seconds))
    let expected = try referenceEncoder().encode(profile)
    #expect(
        String(decoding: ProfileJSONWriter.encode(profile), as: UTF8.self) == String(decoding: expected, as: UTF8.self)
    )
}

@Test func writesTheArrayDocumentWithATrailingNewline() throws {
    let profiles = [
        fullProfile(), fullProfile(hostile: "x\"y"),
        HostingProfile(url: "u", canonicalUrl: "", host: "", registrableDomain: nil),
    ]
    for list in [profiles, [profiles[0]], []] {
        var expected = try referenceEncoder().encode(list)
        expected.append(0x0A)
        #expect(ProfileJSONWriter.document(list) == Array(expected))
    }
}
