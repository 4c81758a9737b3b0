public import LongarmCore

/// The answer of one lookup: the value when something was learnt, and every problem met on the way.
///
/// A failed lookup is a value, not an error: resolution of a URL always produces a profile, with the
/// failures as warnings (a timeout at the registry must not hide what DNS found).
public struct Lookup<Value: Sendable>: Sendable {
    /// What was learnt, if anything.
    public var value: Value?
    /// One sentence per problem, naming the server or input.
    public var warnings: [String]

    /// Creates a lookup result.
    public init(_ value: Value?, warnings: [String] = []) {
        self.value = value
        self.warnings = warnings
    }
}

extension Lookup: Equatable where Value: Equatable {}

/// The origin AS of an address, as announced in BGP.
public struct ASNOrigin: Sendable, Hashable {
    public var asn: Int
    public var asName: String?
    /// The announced prefix containing the address, e.g. `88.198.0.0/16`.
    public var prefix: String?
    /// The registry country of the AS, as Team Cymru reports it.
    public var country: CountryCode?
    public var source: FactSource

    public init(asn: Int, asName: String? = nil, prefix: String? = nil, country: CountryCode? = nil, source: FactSource)
    {
        self.asn = asn
        self.asName = asName
        self.prefix = prefix
        self.country = country
        self.source = source
    }
}

/// DNS: a host's CNAME chain and addresses, and the registrable domain's name servers.
public protocol HostAddressLookup: Sendable {
    /// Resolves `host` (CNAME chain, A, AAAA) and the name servers of `registrableDomain`.
    func resolve(host: String, registrableDomain: String?) async -> Lookup<DNSFacts>
}

/// Registration facts of a registrable domain: RDAP first, WHOIS where RDAP has no service.
public protocol DomainRegistrationLookup: Sendable {
    /// Looks up `domain` (a registrable domain, A-labels).
    func lookup(domain: String) async -> Lookup<DomainFacts>
}

/// The registered network that holds an address (RDAP at the right RIR).
public protocol NetworkLookup: Sendable {
    /// Looks up the network containing `ip`.
    func lookup(ip: String) async -> Lookup<NetworkFacts>
}

/// The origin AS of an address (Team Cymru over DNS, RDAP autnum as a fallback).
public protocol OriginASNLookup: Sendable {
    /// Looks up the origin AS of `ip`.
    func lookup(ip: String) async -> Lookup<ASNOrigin>
}

/// Geolocation of an address from an MMDB database.
public protocol GeoLookup: Sendable {
    /// The country the database places `ip` in, with the database as source.
    func geo(ip: String) -> GeoFacts?
}

/// Recognition of CDNs and clouds from published ranges, CNAME suffixes and headers.
public protocol CDNLookup: Sendable {
    /// The CDN whose published ranges contain `ip`.
    func match(ip: String) -> CDNMatch?
    /// The CDN one of whose CNAME suffixes ends the chain.
    func match(cnameChain: [String]) -> CDNMatch?
    /// Whether a match hides the origin (a CDN or WAF does, a cloud front end does not), and which channel
    /// reveals it.
    func origin(for match: CDNMatch) -> OriginFacts
    /// The country of the CDN's operator (which decides how to reach it, not the law of the content).
    func operatorCountry(cdn: String) -> CountryCode?
}

/// Decides whether an address may be contacted for a submitted URL (the private-address guard).
public protocol AddressPolicy: Sendable {
    /// A sentence saying why `ip` is refused, or `nil` when it is allowed.
    func refusal(for ip: String) -> String?
}
