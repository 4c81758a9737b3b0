import Foundation

/// An ISO 3166-1 alpha-2 country code, validated against the standard's list.
///
/// `EU` is accepted too, as the code of the European Union's common layer of rules (ISO reserves it
/// exceptionally for that use).
public struct CountryCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The upper-case two-letter code.
    public let rawValue: String

    /// Validates `text` (any case, surrounding spaces ignored).
    public init(_ text: String) throws(IntakeError) {
        if let code = Self.plainCode(text) {
            rawValue = code
            return
        }
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard Self.assigned.contains(code) else {
            throw IntakeError(.unknownCountry, input: text, detail: "not an ISO 3166-1 alpha-2 code")
        }
        rawValue = code
    }

    /// Returns `nil` instead of throwing, for data that may carry junk (WHOIS, RDAP, MMDB).
    public init?(lenient text: String) {
        try? self.init(text)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description)
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The code when `text` is exactly two ASCII letters of an assigned code: the common case, checked against a
    /// table without Foundation's trimming and case mapping (stored profiles hold thousands of codes).
    private static func plainCode(_ text: String) -> String? {
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next(), let second = utf8.next(), utf8.next() == nil,
            let row = letterIndex(first), let column = letterIndex(second), assignedTable[row * 26 + column]
        else { return nil }
        return first < 0x61 && second < 0x61 ? text : String(decoding: [first & 0xDF, second & 0xDF], as: UTF8.self)
    }

    private static func letterIndex(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x41...0x5A: Int(byte - 0x41)
        case 0x61...0x7A: Int(byte - 0x61)
        default: nil
        }
    }

    /// ``assigned`` as a 26 × 26 table indexed by the two letters.
    private static let assignedTable: [Bool] = {
        var table = [Bool](repeating: false, count: 26 * 26)
        for code in assigned {
            let bytes = Array(code.utf8)
            table[Int(bytes[0] - 0x41) * 26 + Int(bytes[1] - 0x41)] = true
        }
        return table
    }()

    /// Officially assigned ISO 3166-1 alpha-2 codes, plus `EU`.
    public static let assigned: Set<String> = [
        "EU",
        "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB",
        "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY",
        "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX",
        "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK",
        "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS",
        "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR",
        "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA",
        "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
        "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE",
        "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
        "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG",
        "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF",
        "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY",
        "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
    ]
}
