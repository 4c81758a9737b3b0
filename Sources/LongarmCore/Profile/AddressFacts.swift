import Foundation

/// What is known about one address the host resolved to.
public struct AddressFacts: Sendable, Codable, Hashable {
    /// The address, in its canonical text form.
    public var ip: String
    /// The origin AS number.
    public var asn: Int?
    /// The AS name.
    public var asName: String?
    /// The announced prefix containing the address.
    public var prefix: String?
    /// Where the ASN, AS name and prefix came from.
    public var asnSource: FactSource?
    /// The network (RDAP IP network object) that holds the address.
    public var network: NetworkFacts?
    /// Geolocation of the address.
    public var geo: GeoFacts?
    /// The CDN or cloud whose published ranges contain the address.
    public var cdn: String?

    public init(
        ip: String,
        asn: Int? = nil,
        asName: String? = nil,
        prefix: String? = nil,
        asnSource: FactSource? = nil,
        network: NetworkFacts? = nil,
        geo: GeoFacts? = nil,
        cdn: String? = nil
    ) {
        self.ip = ip
        self.asn = asn
        self.asName = asName
        self.prefix = prefix
        self.asnSource = asnSource
        self.network = network
        self.geo = geo
        self.cdn = cdn
    }
}

/// The registered network holding an address, and its abuse contact.
public struct NetworkFacts: Sendable, Codable, Hashable {
    public var name: String?
    public var handle: String?
    public var cidr: String?
    public var country: CountryCode?
    /// The regional registry that answered (ARIN, RIPE, APNIC, LACNIC, AFRINIC).
    public var registry: String?
    /// The network owner's organisation name.
    public var organization: String?
    public var abuseEmail: String?
    public var source: FactSource?

    public init(
        name: String? = nil,
        handle: String? = nil,
        cidr: String? = nil,
        country: CountryCode? = nil,
        registry: String? = nil,
        organization: String? = nil,
        abuseEmail: String? = nil,
        source: FactSource? = nil
    ) {
        self.name = name
        self.handle = handle
        self.cidr = cidr
        self.country = country
        self.registry = registry
        self.organization = organization
        self.abuseEmail = abuseEmail
        self.source = source
    }
}

/// Geolocation of an address.
public struct GeoFacts: Sendable, Codable, Hashable {
    public var country: CountryCode?
    public var source: FactSource

    public init(country: CountryCode?, source: FactSource) {
        self.country = country
        self.source = source
    }
}

/// A CDN recognised in front of a site.
public struct CDNMatch: Sendable, Codable, Hashable {
    /// The provider's name as in `Data/cdn/` (for example `Cloudflare`).
    public var name: String
    /// How it was recognised.
    public var source: FactSource
    /// The range, CNAME or header that matched.
    public var evidence: String

    public init(name: String, source: FactSource, evidence: String) {
        self.name = name
        self.source = source
        self.evidence = evidence
    }
}

/// Whether the origin server is known.
public struct OriginFacts: Sendable, Codable, Hashable {
    /// True when a CDN hides the origin's addresses.
    public var hidden: Bool
    /// How the origin can be learnt (for example the CDN's abuse form, which forwards to the host).
    public var revealedBy: String?

    public init(hidden: Bool = false, revealedBy: String? = nil) {
        self.hidden = hidden
        self.revealedBy = revealedBy
    }
}

/// The countries involved in hosting and registration.
public struct CountryFacts: Sendable, Codable, Hashable {
    /// Countries of the servers that hold the content (not of CDN edges), most certain first.
    public var hosting: [CountryCode]
    public var registrar: CountryCode?
    public var registrant: CountryCode?
    public var cdn: CountryCode?

    public init(
        hosting: [CountryCode] = [],
        registrar: CountryCode? = nil,
        registrant: CountryCode? = nil,
        cdn: CountryCode? = nil
    ) {
        self.hosting = hosting
        self.registrar = registrar
        self.registrant = registrant
        self.cdn = cdn
    }
}
