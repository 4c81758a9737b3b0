import Foundation
import LongarmCore

/// Decodes a stored profile without `JSONDecoder`, which took most of the time of planning a large case. It
/// reads the keys the synthesized `Decodable` conformances read, with the same rules (a missing required key,
/// an unknown country code or method is an error; unknown keys are ignored; `null` is an absent optional) and
/// throws ``JSONScanner/Unsupported`` at anything else, so that ``LongarmStore/decodeProfile(_:)`` falls back to
/// `JSONDecoder`. A test compares both decoders on every sample and synthetic profile.
enum ProfileJSONReader {
    static func profile(_ json: Data) throws -> HostingProfile {
        try json.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            let profile = try profile(&scanner)
            guard scanner.atEnd() else { throw JSONScanner.Unsupported() }
            return profile
        }
    }

    /// Fails unless every required key was seen.
    private static func require(_ seen: Bool...) throws {
        guard !seen.contains(false) else { throw JSONScanner.Unsupported() }
    }

    private static func profile(_ s: inout JSONScanner) throws -> HostingProfile {
        var url: String?
        var canonical: String?
        var host: String?
        var registrable: String?
        var dns: DNSFacts?
        var domain: DomainFacts?
        var addresses: [AddressFacts]?
        var cdn: CDNMatch?
        var origin: OriginFacts?
        var countries: CountryFacts?
        var warnings: [String]?
        var resolvedAt: Date?
        try s.object { s, key in
            switch key {
            case "url": url = try s.string()
            case "canonicalUrl": canonical = try s.string()
            case "host": host = try s.string()
            case "registrableDomain": registrable = try s.null() ? nil : try s.string()
            case "dns": dns = try self.dns(&s)
            case "domain": domain = try s.null() ? nil : try self.domain(&s)
            case "addresses":
                var list: [AddressFacts] = []
                try s.array { list.append(try address(&$0)) }
                addresses = list
            case "cdn": cdn = try s.null() ? nil : try self.cdn(&s)
            case "origin": origin = try self.origin(&s)
            case "countries": countries = try self.countries(&s)
            case "warnings": warnings = try s.strings()
            case "resolvedAt": resolvedAt = try s.date()
            default: try s.skipValue()
            }
        }
        guard let url, let canonical, let host, let dns, let addresses, let origin, let countries, let warnings,
            let resolvedAt
        else { throw JSONScanner.Unsupported() }
        return HostingProfile(
            url: url,
            canonicalUrl: canonical,
            host: host,
            registrableDomain: registrable,
            dns: dns,
            domain: domain,
            addresses: addresses,
            cdn: cdn,
            origin: origin,
            countries: countries,
            warnings: warnings,
            resolvedAt: resolvedAt
        )
    }

    private static func dns(_ s: inout JSONScanner) throws -> DNSFacts {
        var facts = DNSFacts()
        var seen = (cname: false, a: false, aaaa: false, ns: false)
        try s.object { s, key in
            switch key {
            case "cname": (facts.cname, seen.cname) = (try s.strings(), true)
            case "a": (facts.a, seen.a) = (try s.strings(), true)
            case "aaaa": (facts.aaaa, seen.aaaa) = (try s.strings(), true)
            case "ns": (facts.ns, seen.ns) = (try s.strings(), true)
            case "source": facts.source = try s.null() ? nil : try source(&s)
            default: try s.skipValue()
            }
        }
        try require(seen.cname, seen.a, seen.aaaa, seen.ns)
        return facts
    }

    private static func domain(_ s: inout JSONScanner) throws -> DomainFacts {
        var source: FactSource?
        var registrar: RegistrarFacts?
        var registrant: RegistrantFacts?
        var created: Date?
        var expires: Date?
        var status: [String]?
        try s.object { s, key in
            switch key {
            case "source": source = try self.source(&s)
            case "registrar": registrar = try s.null() ? nil : try self.registrar(&s)
            case "registrant": registrant = try s.null() ? nil : try self.registrant(&s)
            case "created": created = try s.null() ? nil : try s.date()
            case "expires": expires = try s.null() ? nil : try s.date()
            case "status": status = try s.strings()
            default: try s.skipValue()
            }
        }
        guard let source, let status else { throw JSONScanner.Unsupported() }
        return DomainFacts(
            source: source,
            registrar: registrar,
            registrant: registrant,
            created: created,
            expires: expires,
            status: status
        )
    }

    private static func registrar(_ s: inout JSONScanner) throws -> RegistrarFacts {
        var facts = RegistrarFacts()
        try s.object { s, key in
            switch key {
            case "name": facts.name = try optionalString(&s)
            case "ianaId": facts.ianaId = try optionalString(&s)
            case "abuseEmail": facts.abuseEmail = try optionalString(&s)
            case "abusePhone": facts.abusePhone = try optionalString(&s)
            case "country": facts.country = try optionalCountry(&s)
            default: try s.skipValue()
            }
        }
        return facts
    }

    private static func registrant(_ s: inout JSONScanner) throws -> RegistrantFacts {
        var facts = RegistrantFacts()
        var redacted: Bool?
        try s.object { s, key in
            switch key {
            case "organization": facts.organization = try optionalString(&s)
            case "country": facts.country = try optionalCountry(&s)
            case "redacted": redacted = try s.bool()
            default: try s.skipValue()
            }
        }
        guard let redacted else { throw JSONScanner.Unsupported() }
        facts.redacted = redacted
        return facts
    }

    private static func address(_ s: inout JSONScanner) throws -> AddressFacts {
        var ip: String?
        var facts = AddressFacts(ip: "")
        try s.object { s, key in
            switch key {
            case "ip": ip = try s.string()
            case "asn": facts.asn = try s.null() ? nil : try s.int()
            case "asName": facts.asName = try optionalString(&s)
            case "prefix": facts.prefix = try optionalString(&s)
            case "asnSource": facts.asnSource = try s.null() ? nil : try source(&s)
            case "network": facts.network = try s.null() ? nil : try network(&s)
            case "geo": facts.geo = try s.null() ? nil : try geo(&s)
            case "cdn": facts.cdn = try optionalString(&s)
            default: try s.skipValue()
            }
        }
        guard let ip else { throw JSONScanner.Unsupported() }
        facts.ip = ip
        return facts
    }

    private static func network(_ s: inout JSONScanner) throws -> NetworkFacts {
        var facts = NetworkFacts()
        try s.object { s, key in
            switch key {
            case "name": facts.name = try optionalString(&s)
            case "handle": facts.handle = try optionalString(&s)
            case "cidr": facts.cidr = try optionalString(&s)
            case "country": facts.country = try optionalCountry(&s)
            case "registry": facts.registry = try optionalString(&s)
            case "organization": facts.organization = try optionalString(&s)
            case "abuseEmail": facts.abuseEmail = try optionalString(&s)
            case "source": facts.source = try s.null() ? nil : try source(&s)
            default: try s.skipValue()
            }
        }
        return facts
    }

    private static func geo(_ s: inout JSONScanner) throws -> GeoFacts {
        var country: CountryCode?
        var source: FactSource?
        try s.object { s, key in
            switch key {
            case "country": country = try optionalCountry(&s)
            case "source": source = try self.source(&s)
            default: try s.skipValue()
            }
        }
        guard let source else { throw JSONScanner.Unsupported() }
        return GeoFacts(country: country, source: source)
    }

    private static func cdn(_ s: inout JSONScanner) throws -> CDNMatch {
        var name: String?
        var source: FactSource?
        var evidence: String?
        try s.object { s, key in
            switch key {
            case "name": name = try s.string()
            case "source": source = try self.source(&s)
            case "evidence": evidence = try s.string()
            default: try s.skipValue()
            }
        }
        guard let name, let source, let evidence else { throw JSONScanner.Unsupported() }
        return CDNMatch(name: name, source: source, evidence: evidence)
    }

    private static func origin(_ s: inout JSONScanner) throws -> OriginFacts {
        var hidden: Bool?
        var revealedBy: String?
        try s.object { s, key in
            switch key {
            case "hidden": hidden = try s.bool()
            case "revealedBy": revealedBy = try optionalString(&s)
            default: try s.skipValue()
            }
        }
        guard let hidden else { throw JSONScanner.Unsupported() }
        return OriginFacts(hidden: hidden, revealedBy: revealedBy)
    }

    private static func countries(_ s: inout JSONScanner) throws -> CountryFacts {
        var facts = CountryFacts()
        var hosting: [CountryCode]?
        try s.object { s, key in
            switch key {
            case "hosting":
                var list: [CountryCode] = []
                try s.array { list.append(try country(&$0)) }
                hosting = list
            case "registrar": facts.registrar = try optionalCountry(&s)
            case "registrant": facts.registrant = try optionalCountry(&s)
            case "cdn": facts.cdn = try optionalCountry(&s)
            default: try s.skipValue()
            }
        }
        guard let hosting else { throw JSONScanner.Unsupported() }
        facts.hosting = hosting
        return facts
    }

    private static func source(_ s: inout JSONScanner) throws -> FactSource {
        var method: FactSource.Method?
        var server: String?
        try s.object { s, key in
            switch key {
            case "method":
                guard let known = FactSource.Method(rawValue: try s.string()) else { throw JSONScanner.Unsupported() }
                method = known
            case "server": server = try s.string()
            default: try s.skipValue()
            }
        }
        guard let method, let server else { throw JSONScanner.Unsupported() }
        return FactSource(method, server: server)
    }

    private static func optionalString(_ s: inout JSONScanner) throws -> String? {
        try s.null() ? nil : try s.string()
    }

    private static func optionalCountry(_ s: inout JSONScanner) throws -> CountryCode? {
        try s.null() ? nil : try country(&s)
    }

    private static func country(_ s: inout JSONScanner) throws -> CountryCode {
        guard let code = try? CountryCode(try s.string()) else { throw JSONScanner.Unsupported() }
        return code
    }
}
