import Foundation
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
}
