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
