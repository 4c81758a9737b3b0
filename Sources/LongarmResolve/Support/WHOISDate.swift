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
        if let date = numericDate(value) { return date.addingTimeInterval(TimeInterval(-offset)) }
        // "before Aug-1996" has no day and matches nothing.
        // Month names need the formats with letters; the others are tried only for digits.
        let hasLetters = value.contains { $0.isLetter && $0 != "T" && $0 != "Z" }
        let date: Date? = lock.withLock {
            for (format, formatter) in zip(formats, formatters) where format.contains("MMM") == hasLetters {
                if let date = formatter.date(from: value) { return date }
            }
            return nil
        }
        return date.map { $0.addingTimeInterval(TimeInterval(-offset)) }
    }

    /// The all-numeric forms (`2024-01-02`, `2024/01/02 03:04:05`, `2024-01-02T03:04:05.123+09:00`, `20240102`)
    /// read without a formatter: they are most of what servers send, and formatters are slow to fail.
    static func numericDate(_ text: String) -> Date? {
        let scalars = Array(text.utf8)
        var index = 0
        func number(_ maximumDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while index < scalars.count, digits < maximumDigits, scalars[index] >= 48, scalars[index] <= 57 {
                value = value * 10 + Int(scalars[index] - 48)
                index += 1
                digits += 1
            }
            return digits == 0 ? nil : value
        }
        func skip(_ characters: String) -> Bool {
            guard index < scalars.count, characters.utf8.contains(scalars[index]) else { return false }
            index += 1
            return true
        }
        var parts = DateComponents()
        if scalars.count >= 8, scalars.prefix(8).allSatisfy({ $0 >= 48 && $0 <= 57 }), scalars.count == 8 {
            parts.year = number(4)
            parts.month = number(2)
            parts.day = number(2)
        } else {
            guard let year = number(4), year > 1900, skip("-/.") else { return nil }
            _ = skip(" ")
            guard let month = number(2), skip("-/.") else { return nil }
            _ = skip(" ")
            guard let day = number(2) else { return nil }
            _ = skip(".")
            parts.year = year
            parts.month = month
            parts.day = day
            if skip("T ") {
                guard let hour = number(2), skip(":"), let minute = number(2) else { return nil }
                parts.hour = hour
                parts.minute = minute
                if skip(":") { parts.second = number(2) }
                if skip(".") {
                    let start = index
                    _ = number(9)
                    let fraction = Double("0." + String(decoding: scalars[start..<index], as: UTF8.self)) ?? 0
                    parts.nanosecond = Int(fraction * 1e9)
                }
            }
        }
        var offset = 0
        if index < scalars.count {
            if skip("Z") {
            } else if index < scalars.count, scalars[index] == 43 || scalars[index] == 45 {
                let sign = scalars[index] == 45 ? -1 : 1
                index += 1
                guard let hours = number(2) else { return nil }
                _ = skip(":")
                let minutes = number(2) ?? 0
                offset = sign * (hours * 3600 + minutes * 60)
            } else {
                return nil
            }
        }
        guard index == scalars.count, let month = parts.month, (1...12).contains(month), let day = parts.day,
            (1...31).contains(day), (parts.hour ?? 0) < 24, (parts.minute ?? 0) < 60, (parts.second ?? 0) < 61
        else { return nil }
        parts.timeZone = TimeZone(identifier: "UTC")
        return utc.date(from: parts)?.addingTimeInterval(TimeInterval(-offset))
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

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
