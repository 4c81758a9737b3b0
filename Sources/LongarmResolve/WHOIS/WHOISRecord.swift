public import Foundation
public import LongarmCore

/// The facts read from one WHOIS answer. Its JSON form is what `longarm parse whois --json` prints.
public struct WHOISRecord: Sendable, Codable, Hashable {
    /// The registrar of record and its abuse desk.
    public struct Registrar: Sendable, Codable, Hashable {
        /// The name as published.
        public var name: String?
        /// The IANA registrar ID.
        public var ianaId: String?
        /// The abuse desk's e-mail address.
        public var abuseEmail: String?
        /// The abuse desk's telephone number.
        public var abusePhone: String?
        /// The registrar's own WHOIS server, as the registry names it.
        public var whoisServer: String?
        /// Creates an empty value.
        public init() {}
    }

    /// The registrant, as far as published; `redacted` is true when it was withheld or is a privacy service.
    public struct Registrant: Sendable, Codable, Hashable {
        /// The organisation, never a placeholder or privacy service.
        public var organization: String?
        /// The country, as an ISO 3166-1 code.
        public var country: CountryCode?
        /// True when the data was withheld or replaced by a privacy service.
        public var redacted: Bool = false
        /// Creates an empty value.
        public init() {}
    }

    /// An address block from a regional registry's answer.
    public struct Network: Sendable, Codable, Hashable {
        /// The registry's handle.
        public var handle: String?
        /// The name as published.
        public var name: String?
        /// The range as published (`a - b` or a CIDR).
        public var range: String?
        /// The range as CIDR blocks.
        public var cidrs: [String] = []
        /// The country, as an ISO 3166-1 code.
        public var country: CountryCode?
        /// The organisation, never a placeholder or privacy service.
        public var organization: String?
        /// The abuse desk's e-mail address.
        public var abuseEmail: String?
        /// Creates an empty value.
        public init() {}
    }

    /// Which layout read the answer (`icann`, `jprs`, `tci`, `rpsl`, …).
    public var layout: String
    /// The character set the bytes were decoded from.
    public var encoding: String
    /// The domain the answer is about, lower-cased.
    public var domain: String?
    /// The registrar of record.
    public var registrar = Registrar()
    /// The registrant, as far as published.
    public var registrant = Registrant()
    /// When the object was registered.
    public var created: Date?
    /// When the object was last changed.
    public var updated: Date?
    /// When the registration expires.
    public var expires: Date?
    /// Name-server host names, lower-cased, without a trailing dot.
    public var nameServers: [String] = []
    /// Status values; EPP codes without the explanatory URL.
    public var status: [String] = []
    /// False for a "no match" answer (and for a throttled one, which says nothing about the object).
    public var found = true
    /// True when the server refused the query because of a rate limit.
    public var throttled = false
    /// The next server to ask, when the answer points to one.
    public var referral: WHOISReferral?
    /// The address block, for answers of regional registries.
    public var network: Network?

    /// Creates an empty record.
    public init(layout: String, encoding: String) {
        self.layout = layout
        self.encoding = encoding
    }

    /// True when the layout extracted anything about an object.
    var hasContent: Bool {
        domain != nil || registrar.name != nil || created != nil || expires != nil || !nameServers.isEmpty
            || network != nil || registrant.organization != nil || !status.isEmpty
    }

    /// The registration facts for the hosting profile, sourced to `server` (`host:port`).
    public func domainFacts(server: String) -> DomainFacts {
        DomainFacts(
            source: FactSource(.whois, server: server),
            registrar: RegistrarFacts(
                name: registrar.name,
                ianaId: registrar.ianaId,
                abuseEmail: registrar.abuseEmail,
                abusePhone: registrar.abusePhone
            ),
            registrant: RegistrantFacts(
                organization: registrant.organization,
                country: registrant.country,
                redacted: registrant.redacted
            ),
            created: created,
            expires: expires,
            status: status
        )
    }

    /// The network facts for the hosting profile (regional registries' answers), sourced to `server`.
    public func networkFacts(server: String) -> NetworkFacts? {
        guard let network else { return nil }
        return NetworkFacts(
            name: network.name,
            handle: network.handle,
            cidr: network.cidrs.first,
            country: network.country,
            registry: RIRName.guess(port43: server, handle: network.handle),
            organization: network.organization,
            abuseEmail: network.abuseEmail,
            source: FactSource(.whois, server: server)
        )
    }
}

/// A WHOIS server another server referred to.
public struct WHOISReferral: Sendable, Codable, Hashable {
    /// `whois` (port 43) or `rwhois`.
    public var scheme: String
    /// The host name.
    public var host: String
    /// The port (43 for WHOIS, 4321 by default for RWhois).
    public var port: Int

    /// Creates a referral.
    public init(scheme: String = "whois", host: String, port: Int = 43) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }
}

/// A WHOIS answer as received: the raw bytes, the decoded text and the parsed record.
public struct WHOISResponse: Sendable, Hashable {
    /// The bytes exactly as the server sent them.
    public var raw: Data
    /// The bytes decoded to text.
    public var text: String
    /// The parsed facts.
    public var record: WHOISRecord
}

// The JSON of `longarm parse whois --json` is a contract: every field of the shape is present, with
// `null` when the answer did not say, so scripts can rely on the keys.

extension WHOISRecord {
    /// Writes every field, absent values as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(layout, forKey: .layout)
        try container.encode(encoding, forKey: .encoding)
        try container.encode(domain, forKey: .domain)
        try container.encode(registrar, forKey: .registrar)
        try container.encode(registrant, forKey: .registrant)
        try container.encode(created, forKey: .created)
        try container.encode(updated, forKey: .updated)
        try container.encode(expires, forKey: .expires)
        try container.encode(nameServers, forKey: .nameServers)
        try container.encode(status, forKey: .status)
        try container.encode(found, forKey: .found)
        try container.encode(throttled, forKey: .throttled)
        try container.encode(referral, forKey: .referral)
        try container.encodeIfPresent(network, forKey: .network)
    }
}

extension WHOISRecord.Registrar {
    /// Writes every field, absent values as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(ianaId, forKey: .ianaId)
        try container.encode(abuseEmail, forKey: .abuseEmail)
        try container.encode(abusePhone, forKey: .abusePhone)
        try container.encode(whoisServer, forKey: .whoisServer)
    }
}

extension WHOISRecord.Registrant {
    /// Writes every field, absent values as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(organization, forKey: .organization)
        try container.encode(country, forKey: .country)
        try container.encode(redacted, forKey: .redacted)
    }
}
