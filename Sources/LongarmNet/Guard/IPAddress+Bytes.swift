package import LongarmCore

// The network layer works on Core's `IPAddress` (one address type for the whole tool); these are the byte-level
// views that sockets, DNS records and the private-address guard need.
extension IPAddress {
    /// Wraps raw bytes in network order; `nil` unless there are 4 (IPv4) or 16 (IPv6).
    package init?(bytes: some Collection<UInt8>) {
        let bytes = Array(bytes)
        switch bytes.count {
        case 4:
            self.init(v4: bytes.reduce(0) { $0 << 8 | UInt32($1) })
        case 16:
            let high = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let low = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            self.init(v6High: high, low: low)
        default:
            return nil
        }
    }

    /// True for an IPv4 address.
    package var isIPv4: Bool { family == .v4 }

    /// Whether the first `length` bits equal those of `prefix` (same family).
    func hasPrefix(_ prefix: [UInt8], length: Int) -> Bool {
        let bytes = self.bytes
        guard prefix.count == bytes.count else { return false }
        var remaining = length
        for index in 0..<bytes.count where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if bytes[index] & mask != prefix[index] & mask { return false }
            remaining -= bits
        }
        return true
    }
}
