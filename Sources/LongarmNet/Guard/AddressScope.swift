public import LongarmCore

/// Where an address sits in the address plan, as far as the private-address guard cares.
public enum AddressScope: String, Sendable, Hashable, Codable, CaseIterable {
    /// Globally routable: the only scope a submitted URL may resolve to by default.
    case global
    /// 127.0.0.0/8, ::1.
    case loopback
    /// RFC 1918: 10/8, 172.16/12, 192.168/16.
    case privateUse
    /// RFC 6598 carrier-grade NAT space, 100.64/10.
    case sharedAddressSpace
    /// 169.254/16, fe80::/10.
    case linkLocal
    /// 224/4, ff00::/8.
    case multicast
    /// 0.0.0.0/8, ::.
    case unspecified
    /// 255.255.255.255.
    case broadcast
    /// 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20.
    case documentation
    /// IPv6 unique local addresses, fc00::/7.
    case uniqueLocal
    /// Anything else set aside by IANA (240/4, 198.18/15, 192.0.0/24, 100::/64, fec0::/10 …).
    case reserved

    /// True for every scope but `global`.
    public var isNonPublic: Bool { self != .global }
}

/// The guard's judgement of one address.
public struct AddressClassification: Sendable, Hashable {
    /// The scope that decides.
    public var scope: AddressScope
    /// The IPv4 address embedded in an IPv6 one (IPv4-mapped, NAT64, 6to4, Teredo client), if any.
    public var embeddedIPv4: IPAddress?
    /// A remark such as "6to4" or "Teredo", for the profile's warnings.
    public var note: String?

    /// Creates a classification.
    public init(scope: AddressScope, embeddedIPv4: IPAddress? = nil, note: String? = nil) {
        self.scope = scope
        self.embeddedIPv4 = embeddedIPv4
        self.note = note
    }
}
