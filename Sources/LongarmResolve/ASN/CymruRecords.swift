import Foundation
public import LongarmCore

/// One origin record of Team Cymru's IP-to-ASN service:
/// `"15169 | 8.8.8.0/24 | US | arin | 2023-12-28"`.
public struct CymruOrigin: Sendable, Hashable {
    /// The origin AS numbers; more than one when the prefix has multiple origins (MOAS).
    public var asns: [UInt32]
    /// The announced BGP prefix.
    public var prefix: CIDR
    /// The country of the RIR allocation: *not* a geolocation (Cymru says so itself).
    public var allocationCountry: CountryCode?
    /// The registry that allocated the space: `arin`, `ripencc`, `apnic`, `lacnic` or `afrinic`.
    public var registry: String?
    /// The allocation date, `YYYY-MM-DD`, when given.
    public var allocated: String?

    /// Creates a record.
    public init(asns: [UInt32], prefix: CIDR, allocationCountry: CountryCode?, registry: String?, allocated: String?) {
        self.asns = asns
        self.prefix = prefix
        self.allocationCountry = allocationCountry
        self.registry = registry
        self.allocated = allocated
    }

    /// Parses one TXT string; `nil` when it does not have the origin layout.
    public init?(txt: String) {
        let fields = CymruFields.split(txt)
        guard fields.count >= 2 else { return nil }
        let asns = fields[0].split(separator: " ").compactMap { UInt32($0) }
        guard !asns.isEmpty, asns.count == fields[0].split(separator: " ").count, let prefix = CIDR(fields[1]) else {
            return nil
        }
        self.asns = asns
        self.prefix = prefix
        allocationCountry = fields.count > 2 ? CountryCode(lenient: fields[2]) : nil
        registry = fields.count > 3 ? CymruFields.registry(fields[3]) : nil
        allocated = fields.count > 4 ? CymruFields.date(fields[4]) : nil
    }
}

/// One AS record of Team Cymru's service: `"23028 | US | arin | 2002-01-04 | TEAMCYMRU - SAUNET"`.
public struct CymruASNRecord: Sendable, Hashable {
    /// The AS number.
    public var asn: UInt32
    /// The country of the registration (not a location).
    public var country: CountryCode?
    /// The registry that assigned the AS number.
    public var registry: String?
    /// The assignment date, `YYYY-MM-DD`.
    public var allocated: String?
    /// The AS name and description as Cymru prints it (`GOOGLE, US`).
    public var name: String?

    /// Parses one TXT string; `nil` when it does not have the AS layout.
    public init?(txt: String) {
        let fields = CymruFields.split(txt)
        guard fields.count >= 2, let asn = UInt32(fields[0]) else { return nil }
        self.asn = asn
        country = CountryCode(lenient: fields[1])
        registry = fields.count > 2 ? CymruFields.registry(fields[2]) : nil
        allocated = fields.count > 3 ? CymruFields.date(fields[3]) : nil
        // An AS name may itself hold " | "; everything after the fourth separator belongs to it.
        let name = fields.count > 4 ? fields[4...].joined(separator: " | ") : ""
        self.name = name.isEmpty ? nil : name
    }
}

/// Field handling shared by the Cymru record kinds.
enum CymruFields {
    static let registries: Set<String> = ["arin", "ripencc", "apnic", "lacnic", "afrinic"]

    /// Splits on `|`, trims the padding and any quotes the DNS layer left around the string.
    static func split(_ txt: String) -> [String] {
        var text = txt.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        return text.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    /// A known registry name, lower-case; anything else (a swapped or missing field) is dropped.
    static func registry(_ field: String) -> String? {
        let value = field.lowercased()
        return registries.contains(value) ? value : nil
    }

    /// A `YYYY-MM-DD` date, else nil.
    static func date(_ field: String) -> String? {
        let parts = field.split(separator: "-")
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        return field
    }
}
