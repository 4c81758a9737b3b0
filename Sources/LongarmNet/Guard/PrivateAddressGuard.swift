public import LongarmCore

/// Refuses targets that resolve to loopback, private, link-local, multicast or reserved space.
///
/// A submitted URL must not make Longarm talk to the operator's own network (SSRF). Connect-to overrides are
/// the operator's explicit choice and are never judged; callers skip the guard for them.
public struct PrivateAddressGuard: Sendable, Hashable {
    /// When true every address is permitted (`--allow-private-targets`, `LONGARM_ALLOW_PRIVATE`).
    public var allowPrivate: Bool

    /// Creates a guard.
    public init(allowPrivate: Bool = false) {
        self.allowPrivate = allowPrivate
    }

    /// Whether a connection to `address` is permitted.
    public func permits(_ address: IPAddress) -> Bool {
        allowPrivate || !Self.classify(address).scope.isNonPublic
    }

    /// Throws `privateAddressRefused` naming `host` and the first non-public address among `addresses`.
    public func check(host: String, addresses: [IPAddress]) throws {
        guard !allowPrivate else { return }
        for address in addresses {
            let scope = Self.classify(address).scope
            if scope.isNonPublic {
                throw NetError(
                    .privateAddressRefused,
                    "\(host) resolves to \(address) (\(scope.rawValue)); refused without --allow-private-targets"
                )
            }
        }
    }

    /// Classifies `address`; IPv4-mapped, NAT64 and 6to4 addresses are judged by the IPv4 address they embed.
    public static func classify(_ address: IPAddress) -> AddressClassification {
        if address.isIPv4 { return AddressClassification(scope: classifyIPv4(address)) }
        let bytes = address.bytes
        if address.hasPrefix(v6(0, 0, 0, 0, 0, 0xFFFF), length: 96) {
            let embedded = IPAddress(bytes: Array(bytes[12..<16]))!
            return AddressClassification(scope: classifyIPv4(embedded), embeddedIPv4: embedded, note: "IPv4-mapped")
        }
        if address.hasPrefix(v6(0x64, 0xFF9B), length: 96) {
            let embedded = IPAddress(bytes: Array(bytes[12..<16]))!
            return AddressClassification(scope: classifyIPv4(embedded), embeddedIPv4: embedded, note: "NAT64")
        }
        if address.hasPrefix(v6(0x2002), length: 16) {
            let embedded = IPAddress(bytes: Array(bytes[2..<6]))!
            return AddressClassification(scope: classifyIPv4(embedded), embeddedIPv4: embedded, note: "6to4")
        }
        if address.hasPrefix(v6(0x2001, 0), length: 32) {
            let embedded = IPAddress(bytes: bytes[12..<16].map { $0 ^ 0xFF })!
            return AddressClassification(scope: .global, embeddedIPv4: embedded, note: "Teredo")
        }
        for (prefix, length, scope) in ipv6Table where address.hasPrefix(prefix, length: length) {
            return AddressClassification(scope: scope)
        }
        return AddressClassification(scope: .global)
    }

    static func classifyIPv4(_ address: IPAddress) -> AddressScope {
        for (prefix, length, scope) in ipv4Table where address.hasPrefix(prefix, length: length) {
            return scope
        }
        return .global
    }

    // First match wins, so the /32 broadcast precedes 240/4.
    private static let ipv4Table: [([UInt8], Int, AddressScope)] = [
        ([255, 255, 255, 255], 32, .broadcast),
        ([0, 0, 0, 0], 8, .unspecified),
        ([10, 0, 0, 0], 8, .privateUse),
        ([100, 64, 0, 0], 10, .sharedAddressSpace),
        ([127, 0, 0, 0], 8, .loopback),
        ([169, 254, 0, 0], 16, .linkLocal),
        ([172, 16, 0, 0], 12, .privateUse),
        ([192, 0, 0, 0], 24, .reserved),
        ([192, 0, 2, 0], 24, .documentation),
        ([192, 88, 99, 0], 24, .reserved),
        ([192, 168, 0, 0], 16, .privateUse),
        ([198, 18, 0, 0], 15, .reserved),
        ([198, 51, 100, 0], 24, .documentation),
        ([203, 0, 113, 0], 24, .documentation),
        ([224, 0, 0, 0], 4, .multicast),
        ([240, 0, 0, 0], 4, .reserved),
    ]

    private static let ipv6Table: [([UInt8], Int, AddressScope)] = [
        (v6(0, 0, 0, 0, 0, 0, 0, 0), 128, .unspecified),
        (v6(0, 0, 0, 0, 0, 0, 0, 1), 128, .loopback),
        (v6(0, 0, 0, 0, 0, 0), 96, .reserved),  // deprecated IPv4-compatible addresses
        (v6(0x100), 64, .reserved),  // discard-only
        (v6(0x2001, 0xDB8), 32, .documentation),
        (v6(0x3FFF), 20, .documentation),
        (v6(0xFC00), 7, .uniqueLocal),
        (v6(0xFE80), 10, .linkLocal),
        (v6(0xFEC0), 10, .reserved),  // deprecated site-local
        (v6(0xFF00), 8, .multicast),
    ]

    // Builds 16 bytes from leading 16-bit groups, the rest zero.
    private static func v6(_ groups: UInt16...) -> [UInt8] {
        var bytes = groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        bytes.append(contentsOf: repeatElement(0, count: 16 - bytes.count))
        return bytes
    }
}
