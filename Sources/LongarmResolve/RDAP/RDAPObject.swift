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

    /// The entities that carry `role`.
    public func entities(withRole role: String) -> [RDAPEntity] { entities[role] ?? [] }
}

/// Domain-specific RDAP fields.
public struct RDAPDomainPart: Sendable, Codable, Hashable {
    /// The name in LDH (ASCII) form, lower-cased, without a trailing dot.
    public var ldhName: String?
    /// The name in Unicode, when the registry publishes it.
    public var unicodeName: String?
    /// When the object was registered.
    public var created: Date?
    /// When the object was last changed.
    public var updated: Date?
    /// When the registration expires.
    public var expires: Date?
    /// Name-server host names, lower-cased without the trailing dot.
    public var nameServers: [String] = []
}

/// IP-network-specific RDAP fields.
public struct RDAPNetworkPart: Sendable, Codable, Hashable {
    /// The name as published.
    public var name: String?
    /// The first address of the range.
    public var startAddress: String?
    /// The last address of the range.
    public var endAddress: String?
    /// The range as CIDR blocks (from `cidr0_cidrs` when present, else computed from start and end).
    public var cidrs: [String] = []
    /// `v4` or `v6`.
    public var ipVersion: String?
    /// The country, as an ISO 3166-1 code.
    public var country: CountryCode?
    /// The registry's type of allocation or assignment.
    public var type: String?
    /// The handle of the enclosing network.
    public var parentHandle: String?
    /// The regional registry that holds the network (`ARIN`, `RIPE`, `APNIC`, `LACNIC`, `AFRINIC`).
    public var registry: String?
}

/// Autnum-specific RDAP fields.
public struct RDAPAutnumPart: Sendable, Codable, Hashable {
    /// The first AS number of the block.
    public var start: Int?
    /// The last AS number of the block.
    public var end: Int?
    /// The name as published.
    public var name: String?
    /// The country, as an ISO 3166-1 code.
    public var country: CountryCode?
    /// The registry's type of allocation or assignment.
    public var type: String?
    /// The regional registry (`ARIN`, `RIPE`, `APNIC`, `LACNIC`, `AFRINIC`).
    public var registry: String?
}

/// Nameserver-specific RDAP fields.
public struct RDAPNameserverPart: Sendable, Codable, Hashable {
    /// The name in LDH (ASCII) form, lower-cased, without a trailing dot.
    public var ldhName: String?
    /// IPv4 glue addresses.
    public var ipv4: [String] = []
    /// IPv6 glue addresses.
    public var ipv6: [String] = []
}

/// The registrar as the profile needs it.
public struct RDAPRegistrarPart: Sendable, Codable, Hashable {
    /// The name as published.
    public var name: String?
    /// The IANA registrar ID.
    public var ianaId: String?
    /// The abuse desk's e-mail address.
    public var abuseEmail: String?
    /// The abuse desk's telephone number.
    public var abusePhone: String?
    /// The country, as an ISO 3166-1 code.
    public var country: CountryCode?
}

/// The registrant as the profile needs it; `redacted` is true when its data was withheld.
public struct RDAPRegistrantPart: Sendable, Codable, Hashable {
    /// The organisation, never a placeholder or privacy service.
    public var organization: String?
    /// The country, as an ISO 3166-1 code.
    public var country: CountryCode?
    /// True when the data was withheld or replaced by a privacy service.
    public var redacted: Bool
}

/// An abuse contact.
public struct RDAPAbusePart: Sendable, Codable, Hashable {
    /// The registry's handle.
    public var handle: String?
    /// The name as published.
    public var name: String?
    /// The e-mail address.
    public var email: String?
    /// The voice telephone number.
    public var phone: String?
    /// 1 when the abuse entity sits directly on the object, more when nested.
    public var depth: Int
}

/// The content of an RDAP error document.
public struct RDAPErrorPart: Sendable, Codable, Hashable {
    /// The HTTP status code the server reported.
    public var code: Int?
    /// The error's short title.
    public var title: String?
    /// The error's explanation, line by line.
    public var description: [String]
}
