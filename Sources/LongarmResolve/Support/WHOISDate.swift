public import Foundation

/// Reads the many date forms WHOIS servers print (ISO 8601, `02-Jan-2024`, `2024/01/02 (JST)`, `20240102`…).
///
/// A time without a zone is taken as UTC; `(JST)` and `(UTC+8)` style suffixes are honoured.
public enum WHOISDate {
    private static let formats: [String] = [
        "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd HH:mm:ssXXXXX", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/MM/dd",
        "yyyy.MM.dd HH:mm:ss",
        "yyyy.MM.dd", "yyyy. MM. dd.", "yyyy. MM. dd", "dd-MMM-yyyy HH:mm:ss", "dd-MMM-yyyy", "dd-MM-yyyy",
        "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy", "yyyyMMdd", "MMM dd yyyy",
        "dd MMM yyyy", "EEE MMM dd HH:mm:ss zzz yyyy", "EEE MMM dd yyyy", "yyyy-MMM-dd", "MMMM dd yyyy", "dd MMMM yyyy",
    ]

    private static let formatters: [DateFormatter] = formats.map { format in
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        formatter.isLenient = false
        return formatter
    }

    private static let lock = NSLock()

    /// The date `text` denotes, or `nil`.
    public static func parse(_ text: String) -> Date? {
        var value = text.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        var offset = 0
        // Zone suffixes in words or parentheses: "(JST)", "(UTC+8)", " UTC", " GMT".
        if let zoneStart = value.lastIndex(of: "("), value.hasSuffix(")") {
            let zone = value[value.index(after: zoneStart)..<value.index(before: value.endIndex)]
            offset = zoneOffset(String(zone)) ?? 0
            value = String(value[..<zoneStart]).trimmingCharacters(in: .whitespaces)
        }
        for suffix in [" UTC", " GMT", " Z"] where value.hasSuffix(suffix) {
            value = String(value.dropLast(suffix.count))
        }
        for suffix in [" JST", " KST", " CST"] where value.hasSuffix(suffix) {
            offset = zoneOffset(String(suffix.dropFirst())) ?? 0
            value = String(value.dropLast(suffix.count))
        }
        // registro.br appends a ticket number: "20000501 #123456"; drop it and anything after a second space run.
        if let hash = value.firstIndex(of: "#") {
            value = String(value[..<hash]).trimmingCharacters(in: .whitespaces)
        }
        // "Connected (2025/03/31)" style values are handled by the caller; "before Aug-1996" has no day.
        let date: Date? = lock.withLock {
            for formatter in formatters {
                if let date = formatter.date(from: value) { return date }
            }
            return nil
        }
        return date.map { $0.addingTimeInterval(TimeInterval(-offset)) }
    }

    /// Seconds east of UTC for `JST`, `KST`, `CST` (China), `UTC+8`, `GMT+09:00`.
    static func zoneOffset(_ zone: String) -> Int? {
        let upper = zone.uppercased().trimmingCharacters(in: .whitespaces)
        switch upper {
        case "JST", "KST": return 9 * 3600
        case "CST", "HKT", "UTC+8": return 8 * 3600
        case "UTC", "GMT", "Z": return 0
        default: break
        }
        for prefix in ["UTC", "GMT"] where upper.hasPrefix(prefix) {
            let rest = upper.dropFirst(prefix.count)
            guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
            let digits = rest.dropFirst().split(separator: ":")
            guard let hours = Int(digits.first ?? "") else { return nil }
            let minutes = digits.count > 1 ? Int(digits[1]) ?? 0 : 0
            return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        return nil
    }
}
