public import Foundation

/// Everything resolution found about who holds one URL and where, with the source of every fact.
///
/// The JSON form of this value is part of Longarm's CLI contract (`docs/profile.md`).
public struct HostingProfile: Sendable, Codable, Hashable {
    /// The URL as submitted.
    public var url: String
    /// The canonical URL.
    public var canonicalUrl: String
    /// The host (IDNA A-labels), or the address for an IP-literal URL.
    public var host: String
    /// The registrable domain from the Public Suffix List; `nil` for an IP-literal host.
    public var registrableDomain: String?
    /// What DNS answered for the host.
    public var dns: DNSFacts
    /// Registration facts of the registrable domain, from RDAP or WHOIS.
    public var domain: DomainFacts?
    /// One entry per address the host resolved to.
    public var addresses: [AddressFacts]
    /// The CDN or reverse proxy in front of the site, if any.
    public var cdn: CDNMatch?
    /// Whether the origin server is hidden behind the CDN, and how to learn it.
    public var origin: OriginFacts
    /// The countries involved, derived from the facts above.
    public var countries: CountryFacts
    /// Everything that could not be learnt, one sentence each.
    public var warnings: [String]
    /// When resolution finished.
    public var resolvedAt: Date

    /// Creates a profile.
    public init(
        url: String,
        canonicalUrl: String,
        host: String,
        registrableDomain: String?,
        dns: DNSFacts = DNSFacts(),
        domain: DomainFacts? = nil,
        addresses: [AddressFacts] = [],
        cdn: CDNMatch? = nil,
        origin: OriginFacts = OriginFacts(),
        countries: CountryFacts = CountryFacts(),
        warnings: [String] = [],
        resolvedAt: Date = Date()
    ) {
        self.url = url
        self.canonicalUrl = canonicalUrl
        self.host = host
        self.registrableDomain = registrableDomain
        self.dns = dns
        self.domain = domain
        self.addresses = addresses
        self.cdn = cdn
        self.origin = origin
        self.countries = countries
        self.warnings = warnings
        self.resolvedAt = resolvedAt
    }
}

/// DNS answers for the host.
public struct DNSFacts: Sendable, Codable, Hashable {
    /// The CNAME chain, in order, starting from the host.
    public var cname: [String]
    /// IPv4 addresses.
    public var a: [String]
    /// IPv6 addresses.
    public var aaaa: [String]
    /// Name servers of the registrable domain.
    public var ns: [String]
    /// The server asked.
    public var source: FactSource?

    /// Creates DNS facts.
    public init(
        cname: [String] = [],
        a: [String] = [],
        aaaa: [String] = [],
        ns: [String] = [],
        source: FactSource? = nil
    ) {
        self.cname = cname
        self.a = a
        self.aaaa = aaaa
        self.ns = ns
        self.source = source
    }
}

/// Registration facts of a domain.
public struct DomainFacts: Sendable, Codable, Hashable {
    /// RDAP or WHOIS, and the server.
    public var source: FactSource
    /// The sponsoring registrar.
    public var registrar: RegistrarFacts?
    /// The registrant, as far as it is published.
    public var registrant: RegistrantFacts?
    /// Registration date.
    public var created: Date?
    /// Expiration date.
    public var expires: Date?
    /// EPP or RDAP status values.
    public var status: [String]

    /// Creates domain facts.
    public init(
        source: FactSource,
        registrar: RegistrarFacts? = nil,
        registrant: RegistrantFacts? = nil,
        created: Date? = nil,
        expires: Date? = nil,
        status: [String] = []
    ) {
        self.source = source
        self.registrar = registrar
        self.registrant = registrant
        self.created = created
        self.expires = expires
        self.status = status
    }
}

/// The registrar of a domain and how to reach its abuse desk.
public struct RegistrarFacts: Sendable, Codable, Hashable {
    public var name: String?
    /// The IANA registrar ID (from RDAP `publicIds` or WHOIS).
    public var ianaId: String?
    public var abuseEmail: String?
    public var abusePhone: String?
    public var country: CountryCode?

    public init(
        name: String? = nil,
        ianaId: String? = nil,
        abuseEmail: String? = nil,
        abusePhone: String? = nil,
        country: CountryCode? = nil
    ) {
        self.name = name
        self.ianaId = ianaId
        self.abuseEmail = abuseEmail
        self.abusePhone = abusePhone
        self.country = country
    }
}

/// What is published about the registrant.
public struct RegistrantFacts: Sendable, Codable, Hashable {
    public var organization: String?
    public var country: CountryCode?
    /// True when the registry or registrar redacted the registrant's data.
    public var redacted: Bool

    public init(organization: String? = nil, country: CountryCode? = nil, redacted: Bool = false) {
        self.organization = organization
        self.country = country
        self.redacted = redacted
    }
}
