import Foundation
import LongarmCore
import Testing

@testable import LongarmCLI

@Suite struct JSONOutputTests {
    @Test func concurrentArrayEncodingWritesTheSameBytesAsOneEncoder() async throws {
        let profiles = (0..<1_500).map { index in
            var profile = HostingProfile(
                url: "https://www\(index).example.com/v/\(index)",
                canonicalUrl: "https://www\(index).example.com/v/\(index)",
                host: "www\(index).example.com",
                registrableDomain: "example.com",
                warnings: index % 3 == 0 ? ["line one\nstill one string", "second"] : [],
                resolvedAt: Date(timeIntervalSince1970: Double(index))
            )
            profile.dns.a = ["192.0.2.\(index % 250)"]
            return profile
        }
        var expected = try JSONOutput.encoder.encode(profiles)
        expected.append(0x0A)
        let concurrent = try await JSONOutput.encodeArray(profiles)
        #expect(concurrent == expected)
        var empty = try JSONOutput.encoder.encode([HostingProfile]())
        empty.append(0x0A)
        #expect(try await JSONOutput.encodeArray([HostingProfile]()) == empty)
        #expect(try JSONSerialization.jsonObject(with: concurrent) is [Any])
    }
}
