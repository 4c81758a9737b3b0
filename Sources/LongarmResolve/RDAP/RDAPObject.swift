public import Foundation
public import LongarmCore

/// The facts read from one RDAP response, whatever its object class.
///
/// Its JSON form is what `longarm parse rdap --json` prints.
public struct RDAPObject: Sendable, Codable, Hashable {
    /// `domain`, `ip network`, `autnum`, `entity`, `nameserver` or `error`.
    public var objectClass: String
    /// The registry's handle of the object.
    public var handle: String?
    /// Status values of the object.
    public var status: [String]
    /// Domain part, for a domain object.
    public var domain: RDAPDomainPart?
    /// Network part, for an IP network object.
    public var network: RDAPNetworkPart?
    /// Autonomous-system part, for an autnum object.
    public var autnum: RDAPAutnumPart?
    /// Name-server part, for a nameserver object.
    public var nameserver: RDAPNameserverPart?
    /// The sponsoring registrar, with its nested abuse contact.
    public var registrar: RDAPRegistrarPart?
    /// The registrant (holder), as far as published.
    public var registrant: RDAPRegistrantPart?
    /// The abuse contact closest to the object (directly on it before nested ones).
    public var abuse: RDAPAbusePart?
    /// Every entity at any depth, listed under each of its roles (`none` for entities without roles).
    public var entities: [String: [RDAPEntity]]
    /// The legacy WHOIS server (`port43`).
    public var port43: String?
    /// The registrar's RDAP URL from a `related` link (registry→registrar referral).
    public var registrarLink: String?
    /// Names of the fields withheld under RFC 9537 (`redacted` members).
    public var redactions: [String]
    /// The error document's content, for class `error`.
    public var error: RDAPErrorPart?

    /// Creates an object.
    public init(objectClass: String) {
        self.objectClass = objectClass
        self.status = []
        self.entities = [:]
        self.redactions = []
    }

    /// Every entity, flattened, in document order (an entity with several roles once).
    public var allEntities: [RDAPEntity] {
        var seen = Set<RDAPEntity>()
        return entities.values.flatMap { $0 }.sorted { ($0.depth, $0.handle ?? "") < ($1.depth, $1.handle ?? "") }
            .filter { seen.insert($0).inserted }
    }

    /// The entities that carry `role`.
    public func entities(withRole role: String) -> [RDAPEntity] { entities[role] ?? [] }
}

/// Domain-specific RDAP fields.
public struct RDAPDomainPart: Sendable, Codable, Hashable {
    public var ldhName: String?
    public var unicodeName: String?
    public var created: Date?
    public var updated: Date?
    public var expires: Date?
    /// Name-server host names, lower-cased without the trailing dot.
    public var nameServers: [String] = []
}

/// IP-network-specific RDAP fields.
public struct RDAPNetworkPart: Sendable, Codable, Hashable {
    public var name: String?
    public var startAddress: String?
    public var endAddress: String?
    /// The range as CIDR blocks (from `cidr0_cidrs` when present, else computed from start and end).
    public var cidrs: [String] = []
    public var ipVersion: String?
    public var country: CountryCode?
    public var type: String?
    public var parentHandle: String?
    /// The regional registry that holds the network (`ARIN`, `RIPE`, `APNIC`, `LACNIC`, `AFRINIC`).
    public var registry: String?
}

/// Autnum-specific RDAP fields.
public struct RDAPAutnumPart: Sendable, Codable, Hashable {
    public var start: Int?
    public var end: Int?
    public var name: String?
    public var country: CountryCode?
    public var type: String?
    public var registry: String?
}

/// Nameserver-specific RDAP fields.
public struct RDAPNameserverPart: Sendable, Codable, Hashable {
    public var ldhName: String?
    public var ipv4: [String] = []
    public var ipv6: [String] = []
}

/// The registrar as the profile needs it.
public struct RDAPRegistrarPart: Sendable, Codable, Hashable {
    public var name: String?
    public var ianaId: String?
    public var abuseEmail: String?
    public var abusePhone: String?
    public var country: CountryCode?
}

/// The registrant as the profile needs it; `redacted` is true when its data was withheld.
public struct RDAPRegistrantPart: Sendable, Codable, Hashable {
    public var organization: String?
    public var country: CountryCode?
    public var redacted: Bool
}

/// An abuse contact.
public struct RDAPAbusePart: Sendable, Codable, Hashable {
    public var handle: String?
    public var name: String?
    public var email: String?
    public var phone: String?
    /// 1 when the abuse entity sits directly on the object, more when nested.
    public var depth: Int
}

/// The content of an RDAP error document.
public struct RDAPErrorPart: Sendable, Codable, Hashable {
    public var code: Int?
    public var title: String?
    public var description: [String]
}
