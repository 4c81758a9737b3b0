import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 prefix, enough to tell whether an address lies inside a network already looked up.
struct AddressPrefix: Sendable, Hashable {
    /// The network bytes (4 or 16).
    let bytes: [UInt8]
    /// The prefix length in bits.
    let length: Int

    /// Parses `a.b.c.d/n` or `x:y::/n`; a bare address is a full-length prefix.
    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let bytes = Self.addressBytes(first) else { return nil }
        let maximum = bytes.count * 8
        let length = parts.count == 2 ? Int(parts[1]) : maximum
        guard let length, (0...maximum).contains(length) else { return nil }
        self.bytes = bytes
        self.length = length
    }

    /// True when `address` lies inside this prefix (and is of the same family).
    func contains(_ address: String) -> Bool {
        guard let other = Self.addressBytes(address), other.count == bytes.count else { return false }
        var remaining = length
        for index in bytes.indices where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if bytes[index] & mask != other[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// True when `text` is an IPv4 or IPv6 address literal.
    static func isAddress(_ text: String) -> Bool { addressBytes(text) != nil }

    /// The address bytes of an IPv4 or IPv6 literal (brackets allowed), or `nil`.
    static func addressBytes(_ text: String) -> [UInt8]? {
        var literal = text
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, literal, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
