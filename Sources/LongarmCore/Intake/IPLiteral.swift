import Foundation

/// Parsing and canonical text of IP address literals in URL hosts.
enum IPLiteral {
    /// Whether a host should be read as an IPv4 address: its last label is all digits, or hexadecimal with `0x`.
    ///
    /// Browsers (WHATWG) read such hosts as addresses, so `http://999.1.1.1/` is an invalid address, not a name.
    static func looksLikeIPv4(_ host: String) -> Bool {
        var bytes = host.utf8[...]
        if bytes.count > 1, bytes.last == UInt8(ascii: ".") { bytes = bytes.dropLast() }
        let last = bytes.lastIndex(of: UInt8(ascii: ".")).map { bytes[bytes.index(after: $0)...] } ?? bytes
        guard !last.isEmpty else { return false }
        if last.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return true }
        guard last.count >= 2, last.first == UInt8(ascii: "0"),
            last.dropFirst().first == UInt8(ascii: "x") || last.dropFirst().first == UInt8(ascii: "X")
        else { return false }
        return last.dropFirst(2).allSatisfy(isASCIIHexDigit)
    }

    /// The dotted-decimal form of an IPv4 literal: exactly four decimal parts of 0–255 without leading zeros.
    ///
    /// Shorter, hexadecimal and octal forms (`127.1`, `0x7f.0.0.1`, `010.0.0.1`) are refused rather than
    /// guessed: the evidence should name the address the way the submitter will recognise it.
    static func ipv4(_ host: String) -> String? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var values: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            guard part.count == 1 || part.first != "0" else { return nil }
            guard let value = Int(part), value <= 255 else { return nil }
            values.append(value)
        }
        return values.map(String.init).joined(separator: ".")
    }

    /// The canonical text (RFC 5952) of an IPv6 literal given without brackets, or `nil` if it is not one.
    ///
    /// Lower-case hexadecimal, no leading zeros, the longest run of two or more zero groups as `::` (the first
    /// such run on a tie), and IPv4-mapped addresses as `::ffff:a.b.c.d`. Zone identifiers are refused.
    static func ipv6(_ text: String) -> String? {
        guard let groups = ipv6Groups(text) else { return nil }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
            let a = groups[6] >> 8
            let b = groups[6] & 0xFF
            let c = groups[7] >> 8
            let d = groups[7] & 0xFF
            return "::ffff:\(a).\(b).\(c).\(d)"
        }
        var bestStart = -1
        var bestLength = 0
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else {
                index += 1
                continue
            }
            let start = index
            while index < 8 && groups[index] == 0 { index += 1 }
            if index - start > bestLength && index - start >= 2 {
                bestStart = start
                bestLength = index - start
            }
        }
        func hex(_ range: Range<Int>) -> String {
            groups[range].map { String($0, radix: 16) }.joined(separator: ":")
        }
        guard bestStart >= 0 else { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }

    static func isASCIIHexDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }

    private static func ipv6Groups(_ text: String) -> [UInt16]? {
        guard !text.isEmpty, !text.contains("%") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        guard var head = parseGroups(halves[0], allowIPv4Tail: halves.count == 1) else { return nil }
        if halves.count == 1 {
            return head.count == 8 ? head : nil
        }
        guard let tail = parseGroups(halves[1], allowIPv4Tail: true), head.count + tail.count <= 7 else {
            return nil
        }
        head += [UInt16](repeating: 0, count: 8 - head.count - tail.count)
        return head + tail
    }

    private static func parseGroups(_ text: String, allowIPv4Tail: Bool) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (index, piece) in pieces.enumerated() {
            if index == pieces.count - 1, allowIPv4Tail, piece.contains(".") {
                guard let dotted = ipv4(String(piece)) else { return nil }
                let bytes = dotted.split(separator: ".").compactMap { UInt16($0) }
                groups.append(bytes[0] << 8 | bytes[1])
                groups.append(bytes[2] << 8 | bytes[3])
                continue
            }
            guard (1...4).contains(piece.utf8.count), piece.utf8.allSatisfy(isASCIIHexDigit),
                let value = UInt16(piece, radix: 16)
            else { return nil }
            groups.append(value)
        }
        return groups
    }
}
