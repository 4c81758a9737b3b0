import Foundation

/// Dates as GRDB stores them (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), written without a `DateFormatter`: re-checks store
/// thousands of dates a second. Rounded to the nearest millisecond, so a date read back and written again gives the
/// same text (the unique key of a check depends on it).
enum StoreDate {
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        var rest = milliseconds - days * 86_400_000
        let millisecond = rest % 1000
        rest /= 1000
        let second = rest % 60
        let minute = (rest / 60) % 60
        let hour = rest / 3600
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(23)
        func put(_ value: Int64, _ width: Int) {
            var digits = [UInt8](repeating: 0x30, count: width)
            var number = value
            for index in stride(from: width - 1, through: 0, by: -1) {
                digits[index] = 0x30 + UInt8(number % 10)
                number /= 10
            }
            bytes += digits
        }
        put(year, 4)
        bytes.append(0x2D)
        put(month, 2)
        bytes.append(0x2D)
        put(day, 2)
        bytes.append(0x20)
        put(hour, 2)
        bytes.append(0x3A)
        put(minute, 2)
        bytes.append(0x3A)
        put(second, 2)
        bytes.append(0x2E)
        put(millisecond, 3)
        return String(decoding: bytes, as: UTF8.self)
    }
}
