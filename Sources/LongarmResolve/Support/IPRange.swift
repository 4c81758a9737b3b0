import Foundation
import Glibc

/// An inclusive range of IPv4 or IPv6 addresses, and its decomposition into CIDR blocks.
public struct IPRange: Sendable, Hashable {
    /// The first address, as 16 bytes (IPv4 in the last four).
    let start: [UInt8]
    /// The last address, as 16 bytes.
    let end: [UInt8]
    /// True for IPv4.
    public let isIPv4: Bool

    /// Reads `start` and `end` (both IPv4 or both IPv6); `nil` when either is not an address or they are reversed.
    public init?(start: String, end: String) {
        guard let first = Self.bytes(of: start), let last = Self.bytes(of: end), first.count == last.count else {
            return nil
        }
        let wideStart = Self.widen(first)
        let wideEnd = Self.widen(last)
        guard wideStart == wideEnd || wideStart.lexicographicallyPrecedes(wideEnd) else { return nil }
        self.init(wideStart: wideStart, wideEnd: wideEnd, isIPv4: first.count == 4)
    }

    /// Reads `a.b.c.d - e.f.g.h` (RPSL, ARIN) or a CIDR `prefix/len` (LACNIC, abbreviated IPv4 allowed).
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let dash = trimmed.range(of: " - ") ?? trimmed.range(of: "-") {
            self.init(
                start: String(trimmed[..<dash.lowerBound]).trimmingCharacters(in: .whitespaces),
                end: String(trimmed[dash.upperBound...]).trimmingCharacters(in: .whitespaces)
            )
            return
        }
        let parts = trimmed.split(separator: "/")
        guard parts.count == 2, let length = Int(parts[1]) else { return nil }
        var address = String(parts[0])
        if !address.contains(":") {
            let octets = address.split(separator: ".")
            guard (1...4).contains(octets.count) else { return nil }
            address = (octets.map(String.init) + Array(repeating: "0", count: 4 - octets.count)).joined(separator: ".")
        }
        guard let bytes = Self.bytes(of: address), length >= 0, length <= bytes.count * 8 else { return nil }
        let wide = Self.widen(bytes)
        let hostBits = bytes.count * 8 - length
        var first = wide
        var last = wide
        for bit in 0..<hostBits {
            let index = 15 - bit / 8
            let mask = UInt8(1 << (bit % 8))
            first[index] &= ~mask
            last[index] |= mask
        }
        self.init(wideStart: first, wideEnd: last, isIPv4: bytes.count == 4)
    }

    private init(wideStart: [UInt8], wideEnd: [UInt8], isIPv4: Bool) {
        self.start = wideStart
        self.end = wideEnd
        self.isIPv4 = isIPv4
    }

    /// The smallest list of CIDR blocks that covers the range exactly.
    public var cidrs: [String] {
        let width = isIPv4 ? 32 : 128
        var result: [String] = []
        var current = start
        while true {
            var size = 0
            // Grow the block while the start stays aligned and the block's last address stays in range.
            while size < width {
                let candidate = size + 1
                if !Self.isAligned(current, bits: candidate) { break }
                if Self.lastAddress(current, bits: candidate).lexicographicallyPrecedes(end)
                    || Self.lastAddress(current, bits: candidate) == end
                {
                    size = candidate
                } else {
                    break
                }
            }
            result.append("\(Self.text(of: current, ipv4: isIPv4))/\(width - size)")
            let last = Self.lastAddress(current, bits: size)
            if last == end { break }
            guard let next = Self.increment(last) else { break }
            current = next
            if result.count > 256 { break }
        }
        return result
    }

    /// The first address as text.
    public var startText: String { Self.text(of: start, ipv4: isIPv4) }
    /// The last address as text.
    public var endText: String { Self.text(of: end, ipv4: isIPv4) }

    static func bytes(of text: String) -> [UInt8]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains(":") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, trimmed, &address) == 1 else { return nil }
            return withUnsafeBytes(of: &address) { Array($0) }
        }
        var address = in_addr()
        guard inet_pton(AF_INET, trimmed, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    static func widen(_ bytes: [UInt8]) -> [UInt8] {
        bytes.count == 16 ? bytes : Array(repeating: 0, count: 12) + bytes
    }

    static func text(of wide: [UInt8], ipv4: Bool) -> String {
        if ipv4 { return wide.suffix(4).map(String.init).joined(separator: ".") }
        var address = in6_addr()
        withUnsafeMutableBytes(of: &address) { buffer in
            for index in 0..<16 { buffer[index] = wide[index] }
        }
        var output = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &output, socklen_t(output.count)) != nil else { return "" }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func isAligned(_ address: [UInt8], bits: Int) -> Bool {
        for bit in 0..<bits where address[15 - bit / 8] & UInt8(1 << (bit % 8)) != 0 {
            return false
        }
        return true
    }

    static func lastAddress(_ address: [UInt8], bits: Int) -> [UInt8] {
        var last = address
        for bit in 0..<bits { last[15 - bit / 8] |= UInt8(1 << (bit % 8)) }
        return last
    }

    static func increment(_ address: [UInt8]) -> [UInt8]? {
        var next = address
        for index in stride(from: 15, through: 0, by: -1) {
            if next[index] == 0xFF {
                next[index] = 0
            } else {
                next[index] += 1
                return next
            }
        }
        return nil
    }
}
