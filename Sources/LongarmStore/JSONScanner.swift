import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull scanner over JSON bytes for the hand-written decoders: it reads exactly what they ask for and throws
/// ``Unsupported`` at anything unexpected, so that the caller can fall back to `JSONDecoder`.
struct JSONScanner {
    /// The input is not what the fast path reads; `JSONDecoder` decides.
    struct Unsupported: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Whether only whitespace is left.
    mutating func atEnd() -> Bool {
        skipSpace()
        return index == bytes.count
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func peek() throws -> UInt8 {
        skipSpace()
        guard index < bytes.count else { throw Unsupported() }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw Unsupported() }
        index += 1
    }

    /// An object's key, still the bytes of the input: a `switch` compares it with string literals byte for byte,
    /// without making a `String` of every key of every profile.
    struct Key {
        fileprivate let bytes: UnsafeBufferPointer<UInt8>

        static func ~= (pattern: StaticString, key: Key) -> Bool {
            pattern.utf8CodeUnitCount == key.bytes.count
                && (key.bytes.isEmpty || memcmp(pattern.utf8Start, key.bytes.baseAddress!, key.bytes.count) == 0)
        }
    }

    /// Reads a key: a string without escapes (a key with one is left to JSONDecoder).
    private mutating func key() throws -> Key {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]))
            case UInt8(ascii: "\\"), 0x00..<0x20: throw Unsupported()
            default: index += 1
            }
        }
        throw Unsupported()
    }

    /// Reads an object, calling `field` with each key; `field` must read the value (or call ``skipValue()``).
    mutating func object(_ field: (inout JSONScanner, Key) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            let key = try key()
            try expect(UInt8(ascii: ":"))
            try field(&self, key)
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw Unsupported()
            }
        }
    }

    /// Reads an array, calling `element` for each item.
    mutating func array(_ element: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try element(&self)
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw Unsupported()
            }
        }
    }

    /// Reads an array of strings.
    mutating func strings() throws -> [String] {
        var result: [String] = []
        try array { result.append(try $0.string()) }
        return result
    }

    /// Consumes a `null` if one comes next.
    mutating func null() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Unsupported() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw Unsupported() }
        index += count
    }

    /// Reads `true` or `false`.
    mutating func bool() throws -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        default: throw Unsupported()
        }
    }

    /// Reads an integer written as plain digits (with an optional minus).
    mutating func int() throws -> Int {
        _ = try peek()
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var value = 0
        var digits = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, digits < 18 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
            digits += 1
        }
        // Fractions, exponents and very long numbers are left to JSONDecoder.
        guard digits > 0, index == bytes.count || !Self.numberTail.contains(bytes[index]) else { throw Unsupported() }
        return negative ? -value : value
    }

    private static let numberTail: Set<UInt8> = Set(".eE0123456789".utf8)

    /// Reads a string; escapes other than `\uXXXX` are decoded here, `\u` is left to JSONDecoder.
    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw Unsupported() }
            index += 1
        }
        throw Unsupported()
    }

    /// Reads the rest of a string that has an escape (`\/` in every stored URL), decoding straight into the
    /// string's own storage: the text is never longer than its escaped form.
    private mutating func escapedString(from start: Int) throws -> String {
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard end < bytes.count else { throw Unsupported() }
        var failed = false
        let text = String(unsafeUninitializedCapacity: end - start) { out in
            var count = 0
            var position = start
            while position < end {
                var byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\\") {
                    switch bytes[position] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte = bytes[position]
                    case UInt8(ascii: "n"): byte = 0x0A
                    case UInt8(ascii: "r"): byte = 0x0D
                    case UInt8(ascii: "t"): byte = 0x09
                    case UInt8(ascii: "b"): byte = 0x08
                    case UInt8(ascii: "f"): byte = 0x0C
                    default:
                        failed = true
                        return 0
                    }
                    position += 1
                } else if byte < 0x20 {
                    failed = true
                    return 0
                }
                out[count] = byte
                count += 1
            }
            return count
        }
        guard !failed else { throw Unsupported() }
        index = end + 1
        return text
    }

    /// Skips any value (for keys the decoder does not know, which JSONDecoder ignores too).
    mutating func skipValue() throws {
        switch try peek() {
        case UInt8(ascii: "{"): try object { scanner, _ in try scanner.skipValue() }
        case UInt8(ascii: "["): try array { try $0.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): _ = try null()
        default:
            while index < bytes.count, Self.numberBytes.contains(bytes[index]) { index += 1 }
        }
    }

    private static let numberBytes: Set<UInt8> = Set("-+.eE0123456789".utf8)

    /// Reads a date written as `yyyy-MM-ddTHH:mm:ssZ` (what the store's encoder writes); other forms are left to
    /// JSONDecoder.
    mutating func date() throws -> Date {
        try expect(UInt8(ascii: "\""))
        guard index + 21 <= bytes.count, bytes[index + 20] == UInt8(ascii: "\"") else { throw Unsupported() }
        let text = UnsafeBufferPointer(rebasing: bytes[index..<index + 20])
        index += 21
        guard text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"),
            text[10] == UInt8(ascii: "T"), text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":"),
            text[19] == UInt8(ascii: "Z")
        else { throw Unsupported() }
        func number(_ range: Range<Int>) throws -> Int {
            var value = 0
            for position in range {
                let digit = text[position]
                guard digit >= 0x30, digit <= 0x39 else { throw Unsupported() }
                value = value * 10 + Int(digit - 0x30)
            }
            return value
        }
        let year = try number(0..<4)
        let month = try number(5..<7)
        let day = try number(8..<10)
        let hour = try number(11..<13)
        let minute = try number(14..<16)
        let second = try number(17..<19)
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        // Before 1583 Foundation counts in the Julian calendar, which this arithmetic does not.
        guard year >= 1583, (1...12).contains(month), day >= 1, day <= monthDays[month - 1], hour < 24, minute < 60,
            second < 60
        else {
            throw Unsupported()
        }
        // Days from the civil date (Howard Hinnant's algorithm), proleptic Gregorian, UTC.
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
