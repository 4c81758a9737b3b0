import Foundation

/// An IPv4 or IPv6 address, parsed from and printed as canonical text (RFC 5952 for IPv6).
///
/// The 128 bits are kept as two 64-bit halves; an IPv4 address uses the low 32 bits of `low`.
/// Addresses order by family (IPv4 first) and then numerically.
public struct IPAddress: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The address family.
    public enum Family: Int, Sendable, Hashable, Codable {
        case v4 = 4
        case v6 = 6

        /// The number of bits in an address of this family.
        public var bitWidth: Int { self == .v4 ? 32 : 128 }
    }

    /// IPv4 or IPv6.
    public let family: Family
    /// The high 64 bits of an IPv6 address; zero for IPv4.
    public let high: UInt64
    /// The low 64 bits of an IPv6 address, or the IPv4 address in the low 32 bits.
    public let low: UInt64

    /// An IPv4 address from its 32-bit value.
    public init(v4 value: UInt32) {
        family = .v4
        high = 0
        low = UInt64(value)
    }

    /// An IPv6 address from its two 64-bit halves.
    public init(v6High high: UInt64, low: UInt64) {
        family = .v6
        self.high = high
        self.low = low
    }

    /// Parses dotted-quad IPv4 or IPv6 text (with `::` and a trailing dotted quad); `nil` for anything else.
    ///
    /// Surrounding brackets (`[2001:db8::1]`) are accepted; zone identifiers (`%eth0`) and IPv4 octets with
    /// leading zeros (ambiguous: octal for some parsers) are not.
    public init?(_ text: String) {
        // Resolution parses addresses for every profile and range test: read the UTF-8 bytes, not Characters.
        var text = text
        guard let parsed = text.withUTF8({ Self.parse($0[...]) }) else { return nil }
        self = parsed
    }

    /// The IPv4 value; `nil` for IPv6.
    public var v4Value: UInt32? { family == .v4 ? UInt32(truncatingIfNeeded: low) : nil }

    /// The address in network byte order (4 or 16 bytes).
    public var bytes: [UInt8] {
        switch family {
        case .v4: return (0..<4).map { UInt8(truncatingIfNeeded: low >> (24 - 8 * $0)) }
        case .v6:
            return (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
                + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
        }
    }

    /// The IPv4 address embedded in an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), if it is one.
    public var unmappedV4: IPAddress? {
        guard family == .v6, high == 0, low >> 32 == 0xffff else { return nil }
        return IPAddress(v4: UInt32(truncatingIfNeeded: low))
    }

    /// Canonical text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run shortened).
    public var description: String {
        switch family {
        case .v4:
            return bytes.map(String.init).joined(separator: ".")
        case .v6:
            if let mapped = unmappedV4 { return "::ffff:\(mapped)" }
            let groups =
                (0..<4).map { UInt16(truncatingIfNeeded: high >> (48 - 16 * $0)) }
                + (0..<4).map { UInt16(truncatingIfNeeded: low >> (48 - 16 * $0)) }
            return Self.formatV6(groups)
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.family.rawValue, lhs.high, lhs.low) < (rhs.family.rawValue, rhs.high, rhs.low)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let address = IPAddress(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not an IP address")
            )
        }
        self = address
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    private static func parse(_ text: Bytes) -> IPAddress? {
        var text = text
        if text.count >= 2, text.first == UInt8(ascii: "["), text.last == UInt8(ascii: "]") {
            text = text.dropFirst().dropLast()
        }
        if text.contains(UInt8(ascii: ":")) {
            guard let (high, low) = parseV6(text) else { return nil }
            return IPAddress(v6High: high, low: low)
        }
        return parseV4(text).map { IPAddress(v4: $0) }
    }

    /// Four decimal octets of one to three digits, none with a leading zero.
    private static func parseV4(_ text: Bytes) -> UInt32? {
        var value: UInt32 = 0
        var dots = 0
        var octet: UInt32 = 0
        var digits = 0
        for byte in text {
            switch byte {
            case UInt8(ascii: "."):
                guard digits > 0, dots < 3 else { return nil }
                value = value << 8 | octet
                dots += 1
                octet = 0
                digits = 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 3, digits == 0 || octet != 0 else { return nil }
                octet = octet * 10 + UInt32(byte - UInt8(ascii: "0"))
                guard octet <= 255 else { return nil }
                digits += 1
            default:
                return nil
            }
        }
        guard digits > 0, dots == 3 else { return nil }
        return value << 8 | octet
    }

    private static func parseV6(_ text: Bytes) -> (UInt64, UInt64)? {
        guard text.count <= 45 else { return nil }
        var groups: [UInt16] = []
        groups.reserveCapacity(8)
        guard let gap = doubleColon(in: text, from: text.startIndex) else {
            guard parseGroups(text, allowV4Tail: true, into: &groups), groups.count == 8 else { return nil }
            return combine(groups)
        }
        let tailText = text[(gap + 2)...]
        guard doubleColon(in: tailText, from: tailText.startIndex) == nil,
            parseGroups(text[..<gap], allowV4Tail: false, into: &groups)
        else { return nil }
        let headCount = groups.count
        guard parseGroups(tailText, allowV4Tail: true, into: &groups), groups.count <= 7 else { return nil }
        groups.insert(contentsOf: repeatElement(0, count: 8 - groups.count), at: headCount)
        return combine(groups)
    }

    /// The index of the first `::` at or after `start`.
    private static func doubleColon(in text: Bytes, from start: Int) -> Int? {
        var index = start
        while index + 1 < text.endIndex {
            if text[index] == UInt8(ascii: ":") && text[index + 1] == UInt8(ascii: ":") { return index }
            index += 1
        }
        return nil
    }

    /// Appends the colon-separated hex groups of `text`, the last of which may be a dotted quad (two groups).
    private static func parseGroups(_ text: Bytes, allowV4Tail: Bool, into groups: inout [UInt16]) -> Bool {
        if text.isEmpty { return true }
        var partStart = text.startIndex
        while true {
            let partEnd = text[partStart...].firstIndex(of: UInt8(ascii: ":")) ?? text.endIndex
            let part = text[partStart..<partEnd]
            let isLast = partEnd == text.endIndex
            if isLast, allowV4Tail, part.contains(UInt8(ascii: ".")) {
                guard let v4 = parseV4(part) else { return false }
                groups.append(UInt16(v4 >> 16))
                groups.append(UInt16(v4 & 0xffff))
            } else {
                guard (1...4).contains(part.count), groups.count < 8 else { return false }
                var group: UInt16 = 0
                for byte in part {
                    guard let digit = hexValue(byte) else { return false }
                    group = group << 4 | digit
                }
                groups.append(group)
            }
            if isLast { return true }
            partStart = partEnd + 1
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt16? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt16(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt16(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt16(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func combine(_ groups: [UInt16]) -> (UInt64, UInt64) {
        let high = groups[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = groups[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    private static func formatV6(_ groups: [UInt16]) -> String {
        // RFC 5952 §4.2: shorten the longest run of two or more zero groups, the first one on a tie.
        var bestStart = -1
        var bestLength = 1
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else {
                index += 1
                continue
            }
            var end = index
            while end < 8, groups[end] == 0 { end += 1 }
            if end - index > bestLength { (bestStart, bestLength) = (index, end - index) }
            index = end
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestStart >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }
}
