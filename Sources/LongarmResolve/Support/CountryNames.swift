import Foundation
public import LongarmCore

/// Turns the country forms WHOIS and jCard use (a code, an English name, `Name (CC)`) into a `CountryCode`.
public enum CountryNames {
    /// English names (lower-cased) of the countries that registries commonly print in full.
    static let byName: [String: String] = [
        "united states": "US", "united states of america": "US", "usa": "US", "canada": "CA", "mexico": "MX",
        "brazil": "BR", "brasil": "BR", "argentina": "AR", "chile": "CL", "colombia": "CO", "peru": "PE",
        "united kingdom": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
        "ireland": "IE", "france": "FR", "germany": "DE", "deutschland": "DE", "netherlands": "NL",
        "the netherlands": "NL", "nederland": "NL", "belgium": "BE", "luxembourg": "LU", "switzerland": "CH",
        "austria": "AT", "italy": "IT", "spain": "ES", "portugal": "PT", "poland": "PL", "czech republic": "CZ",
        "czechia": "CZ", "sweden": "SE", "norway": "NO", "denmark": "DK", "finland": "FI", "iceland": "IS",
        "estonia": "EE", "latvia": "LV", "lithuania": "LT", "greece": "GR", "cyprus": "CY", "malta": "MT",
        "romania": "RO", "bulgaria": "BG", "hungary": "HU", "slovakia": "SK", "slovenia": "SI", "croatia": "HR",
        "ukraine": "UA", "russia": "RU", "russian federation": "RU", "turkey": "TR", "türkiye": "TR",
        "israel": "IL", "united arab emirates": "AE", "saudi arabia": "SA", "egypt": "EG", "south africa": "ZA",
        "nigeria": "NG", "kenya": "KE", "mauritius": "MU", "morocco": "MA", "india": "IN", "pakistan": "PK",
        "china": "CN", "hong kong": "HK", "taiwan": "TW", "japan": "JP", "korea": "KR", "south korea": "KR",
        "republic of korea": "KR", "singapore": "SG", "malaysia": "MY", "indonesia": "ID", "thailand": "TH",
        "vietnam": "VN", "viet nam": "VN", "philippines": "PH", "australia": "AU", "new zealand": "NZ",
        "panama": "PA", "seychelles": "SC", "belize": "BZ", "bahamas": "BS", "cayman islands": "KY",
        "british virgin islands": "VG", "virgin islands, british": "VG",
    ]

    /// The country `text` names, or `nil` when it names none.
    public static func code(for text: String) -> CountryCode? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count == 2, let code = CountryCode(lenient: trimmed) { return code }
        // "Hong Kong (HK)", "Japan [JP]"
        if let open = trimmed.lastIndex(where: { $0 == "(" || $0 == "[" }) {
            let inner = trimmed[trimmed.index(after: open)...].dropLast()
            if inner.count == 2, let code = CountryCode(lenient: String(inner)) { return code }
        }
        let folded = trimmed.lowercased().trimmingCharacters(in: .punctuationCharacters)
        if let code = byName[folded] { return CountryCode(lenient: code) }
        return nil
    }
}
