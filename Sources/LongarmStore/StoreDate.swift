import Foundation

/// Dates written without a formatter, byte for byte as the formatters would write them: the plan and re-check
/// pipelines write hundreds of thousands of dates.
enum StoreDate {
    /// The date as GRDB stores it (`yyyy-MM-dd HH:mm:ss.SSS`, UTC). Rounded to the nearest millisecond, so a date
    /// read back and written again gives the same text (the unique key of a check depends on it).
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let time = CivilTime(milliseconds: milliseconds)
        return time.text(dateTimeSeparator: UInt8(ascii: " "), fraction: true, zone: false)
    }

    /// The date GRDB reads from ``text(_:)``'s form (`yyyy-MM-dd HH:mm:ss.SSS`, UTC, years 1583 to 9999), without
    /// the calendar GRDB goes through for every row; `nil` for any other text, which is then GRDB's to read.
    static func date(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 23, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                bytes[19] == UInt8(ascii: ".")
            else { return nil }
            func number(_ start: Int, _ count: Int) -> Int64? {
                var value: Int64 = 0
                for index in start..<start + count {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int64(digit)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                let millisecond = number(20, 3), year >= 1583, (1...12).contains(month),
                (1...CivilTime.days(inMonth: month, year: year)).contains(day), hour < 24, minute < 60, second < 60
            else { return nil }
            let days = CivilTime.days(year: year, month: month, day: day)
            let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second
            // From the reference date, as Foundation's calendar computes it: the same Double to the last bit.
            return Date(timeIntervalSinceReferenceDate: Double(seconds - 978_307_200) + Double(millisecond) / 1000)
        }
    }

    /// The date as `Date.ISO8601FormatStyle()` and `JSONEncoder`'s `.iso8601` write it (`yyyy-MM-ddTHH:mm:ssZ`,
    /// UTC, the fraction of a second dropped); Foundation writes dates before 1582-10-15 or after 9999.
    static func iso8601(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        // From the Gregorian calendar's first day (1582-10-15) to the end of 9999: before it Foundation counts in the
        // Julian calendar.
        guard seconds >= -12_219_292_800, seconds < 253_402_300_800 else {
            return date.formatted(Date.ISO8601FormatStyle())
        }
        let time = CivilTime(milliseconds: Int64(seconds) * 1000)
        return time.text(dateTimeSeparator: UInt8(ascii: "T"), fraction: false, zone: true)
    }
}

/// A UTC instant split into its calendar fields (proleptic Gregorian).
private struct CivilTime {
    var year, month, day, hour, minute, second, millisecond: Int64

    init(milliseconds: Int64) {
        var days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        var rest = milliseconds - days * 86_400_000
        millisecond = rest % 1000
        rest /= 1000
        second = rest % 60
        minute = (rest / 60) % 60
        hour = rest / 3600
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days from 1970-01-01 to the civil date (the inverse of the algorithm above).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The number of days in `month` of `year`.
    static func days(inMonth month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `yyyy-MM-dd`, the separator, `HH:mm:ss`, then `.SSS` and `Z` when asked.
    func text(dateTimeSeparator: UInt8, fraction: Bool, zone: Bool) -> String {
        String(unsafeUninitializedCapacity: 24) { buffer in
            var index = 0
            func put(_ value: Int64, _ width: Int) {
                var number = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[index + offset] = 0x30 + UInt8(truncatingIfNeeded: number % 10)
                    number /= 10
                }
                index += width
            }
            func put(_ byte: UInt8) {
                buffer[index] = byte
                index += 1
            }
            put(year, 4)
            put(UInt8(ascii: "-"))
            put(month, 2)
            put(UInt8(ascii: "-"))
            put(day, 2)
            put(dateTimeSeparator)
            put(hour, 2)
            put(UInt8(ascii: ":"))
            put(minute, 2)
            put(UInt8(ascii: ":"))
            put(second, 2)
            if fraction {
                put(UInt8(ascii: "."))
                put(millisecond, 3)
            }
            if zone { put(UInt8(ascii: "Z")) }
            return index
        }
    }
}
