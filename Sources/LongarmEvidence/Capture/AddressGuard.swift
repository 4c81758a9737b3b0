import Foundation

/// Tells addresses a submitted URL must not reach: loopback, private, link-local, multicast, reserved.
enum AddressGuard {
    /// True when `address` (IPv4 or IPv6 text) lies in space that is not public.
    static func isNonPublic(_ address: String) -> Bool {
        if let v4 = ipv4(address) { return isNonPublicV4(v4) }
        let lower = address.lowercased()
        guard lower.contains(":") else { return false }
        if lower == "::1" || lower == "::" { return true }
        if let mapped = lower.split(separator: ":").last, lower.hasPrefix("::ffff:"), let v4 = ipv4(String(mapped)) {
            return isNonPublicV4(v4)
        }
        let first = lower.split(separator: ":", omittingEmptySubsequences: false).first ?? ""
        guard let word = UInt16(first.isEmpty ? "0" : first, radix: 16) else { return true }
        return (word & 0xFE00) == 0xFC00  // unique local fc00::/7
            || (word & 0xFFC0) == 0xFE80  // link-local fe80::/10
            || (word & 0xFF00) == 0xFF00  // multicast ff00::/8
            || word == 0x2001 && lower.hasPrefix("2001:db8:")  // documentation
    }

    private static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { UInt8($0) }
        return bytes.count == 4 ? bytes : nil
    }

    private static func isNonPublicV4(_ b: [UInt8]) -> Bool {
        switch (b[0], b[1]) {
        case (0, _), (10, _), (127, _), (169, 254), (192, 168): return true
        case (172, 16...31), (100, 64...127), (198, 18...19): return true
        case (192, 0) where b[2] == 0 || b[2] == 2: return true
        case (198, 51) where b[2] == 100, (203, 0) where b[2] == 113: return true
        default: return b[0] >= 224
        }
    }
}
