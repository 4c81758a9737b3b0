import Foundation

/// An IPv4 or IPv6 network in CIDR notation (`192.0.2.0/24`, `2001:db8::/32`).
///
/// The stored address is always the network address: host bits given in the text are cleared, so
/// `192.0.2.7/24` and `192.0.2.0/24` are the same value.
public struct CIDR: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The first address of the network.
    public let network: IPAddress
    /// The number of leading bits that are fixed (0…32 for IPv4, 0…128 for IPv6).
    public let prefixLength: Int

    /// A network from an address and a prefix length; `nil` when the length does not fit the family.
    public init?(_ address: IPAddress, prefixLength: Int) {
        guard (0...address.family.bitWidth).contains(prefixLength) else { return nil }
        self.prefixLength = prefixLength
        let (high, low) = Self.mask(address.family, prefixLength)
        network =
            address.family == .v4
            ? IPAddress(v4: UInt32(truncatingIfNeeded: address.low & low))
            : IPAddress(v6High: address.high & high, low: address.low & low)
    }

    /// Parses `address/length`; a bare address is a host network (/32 or /128). `nil` for malformed text.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPAddress(String(parts[0])) else { return nil }
        var length = address.family.bitWidth
        if parts.count == 2 {
            guard (1...3).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
                let parsed = Int(parts[1])
            else { return nil }
            length = parsed
        }
        self.init(address, prefixLength: length)
    }

    /// IPv4 or IPv6.
    public var family: IPAddress.Family { network.family }

    /// The last address of the network.
    public var lastAddress: IPAddress {
        let (high, low) = Self.mask(family, prefixLength)
        return family == .v4
            ? IPAddress(v4: UInt32(truncatingIfNeeded: network.low | (~low & 0xffff_ffff)))
            : IPAddress(v6High: network.high | ~high, low: network.low | ~low)
    }

    /// Whether `address` lies inside this network (always false across families).
    public func contains(_ address: IPAddress) -> Bool {
        guard address.family == family else { return false }
        let (high, low) = Self.mask(family, prefixLength)
        return address.high & high == network.high && address.low & low == network.low
    }

    /// Whether `other` lies entirely inside this network.
    public func contains(_ other: CIDR) -> Bool {
        other.prefixLength >= prefixLength && contains(other.network)
    }

    /// `network/length`, with the network in canonical text.
    public var description: String { "\(network)/\(prefixLength)" }

    /// Orders by network address, then by prefix length (shorter first).
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.network, lhs.prefixLength) < (rhs.network, rhs.prefixLength)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let cidr = CIDR(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not a CIDR network")
            )
        }
        self = cidr
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The network mask as two 64-bit halves (IPv4 uses the low 32 bits of the low half).
    private static func mask(_ family: IPAddress.Family, _ length: Int) -> (UInt64, UInt64) {
        switch family {
        case .v4:
            return (0, length == 0 ? 0 : UInt64(UInt32.max << (32 - length)))
        case .v6:
            let high: UInt64 = length >= 64 ? .max : (length == 0 ? 0 : .max << (64 - length))
            let low: UInt64 = length <= 64 ? 0 : (length == 128 ? .max : .max << (128 - length))
            return (high, low)
        }
    }
}
