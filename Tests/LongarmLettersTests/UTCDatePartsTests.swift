import Foundation
import Testing

@testable import LongarmLetters

/// The arithmetic UTC calendar agrees with Foundation's Gregorian calendar.
struct UTCDatePartsTests {
    @Test(arguments: [
        -86_401.0, -1.0, 0.0, 951_782_400.0, 951_868_799.0, 1_795_000_000.0, 4_107_542_400.0, 1_709_164_800.5,
    ])
    func matchesFoundationsCalendar(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let parts = UTCDateParts(date)
        #expect(parts.year == c.year && parts.month == c.month && parts.day == c.day)
        #expect(parts.hour == c.hour && parts.minute == c.minute && parts.second == c.second)
        #expect(parts.weekday == (c.weekday ?? 0) - 1)
    }

    @Test func formatsTheLetterDatesAndTheMailHeader() {
        let parts = UTCDateParts(Date(timeIntervalSince1970: 1_795_000_000))
        #expect(parts.isoDay == "2026-11-18")
        #expect(parts.isoTimestamp == "2026-11-18T11:06:40Z")
        #expect(parts.rfc5322 == "Wed, 18 Nov 2026 11:06:40 +0000")
    }

    @Test func fillsKnownSlotsAndKeepsUnknownOnes() {
        #expect(fill("{a} and {b} and {c", ["a": "1", "b": "{a}"]) == "1 and {a} and {c")
        #expect(fill("注意 {name}：{x}", ["name": "李伟"]) == "注意 李伟：{x}")
        #expect(fill("no slots", ["a": "1"]) == "no slots")
    }
}
