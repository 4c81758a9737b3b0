import Foundation
import GRDB
import Testing

@testable import LongarmStore

/// The hand-written ISO 8601 dates of plan rows must be Foundation's, or a stored plan's bytes would change.
@Suite struct StoreDateTests {
    static let edges: [Double] = [
        0, -0.5, -1, 0.999_999, 59.999, 951_782_400 - 0.001, 951_782_400, 1_780_000_000.75, 4_102_444_799.999,
        -62_135_596_800, -12_219_292_800, -12_219_292_800.5, 253_402_300_799.9, 253_402_300_800, -2_208_988_800.25,
    ]

    @Test func iso8601IsFoundationsTextForEdgesAndRandomDates() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<20_000).map { _ in Double.random(in: -62_200_000_000...253_500_000_000, using: &generator) }
        for seconds in Self.edges + random {
            let date = Date(timeIntervalSince1970: seconds)
            let expected = date.formatted(Date.ISO8601FormatStyle())
            #expect(StoreDate.iso8601(date) == expected, "\(seconds)")
        }
    }

    @Test func iso8601IsWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        for seconds in Self.edges {
            let date = Date(timeIntervalSince1970: seconds)
            let encoded = String(decoding: try encoder.encode([date]), as: UTF8.self)
            #expect(encoded == "[\"\(StoreDate.iso8601(date))\"]", "\(seconds)")
        }
    }

    @Test func datesReadBackAsGRDBReadsThem() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<20_000).map { _ in Double.random(in: -12_000_000_000...253_402_300_000, using: &generator) }
        for seconds in Self.edges + random {
            let text = StoreDate.text(Date(timeIntervalSince1970: seconds))
            let expected = Date.fromDatabaseValue(text.databaseValue)
            let read = StoreDate.date(text)
            if seconds >= -12_212_553_600, seconds < 253_402_300_800 {
                #expect(read == expected, "\(text)")
                #expect(read.map(StoreDate.text) == text, "\(text) round trip")
            } else {
                #expect(read == nil, "\(text) is left to GRDB")
            }
        }
        for text in [
            "2026-02-29 00:00:00.000", "2026-13-01 00:00:00.000", "2026-01-01 24:00:00.000", "2026-01-01T00:00:00.000",
            "2026-01-01 00:00:00", "2026-01-01 00:00:00.0000", "2026-0a-01 00:00:00.000", "",
        ] {
            #expect(StoreDate.date(text) == nil, "\(text)")
        }
        #expect(
            StoreDate.date("2024-02-29 23:59:59.999") == Date.fromDatabaseValue("2024-02-29 23:59:59.999".databaseValue)
        )
    }
}
