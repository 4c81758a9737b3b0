import Foundation
import LongarmCore
import LongarmEvidence
import Synchronization
import Testing

@Suite struct EvidenceCapturerTests {
    private func capturer(
        _ web: FakeFetcher,
        resolver: (any DNSResolving)? = nil,
        maxRedirects: Int = 10,
        maxBody: Int = 1000
    )
        -> EvidenceCapturer
    {
        EvidenceCapturer(
            fetcher: web,
            resolver: resolver,
            clock: FixedClock(),
            configuration: CaptureConfiguration(
                maxBodyBytes: maxBody,
                maxRedirects: maxRedirects,
                toolVersion: "longarm/test"
            )
        )
    }

    @Test func followsRedirectChainResolvingRelativeLocations() async throws {
        let web = FakeFetcher([
            "http://a.example/start": FakeFetcher.redirect(to: "https://b.example/x/y", status: 301),
            "https://b.example/x/y": FakeFetcher.redirect(to: "../z?q=1#frag"),
            "https://b.example/z?q=1": FakeFetcher.html("<p>final</p>"),
        ])
        let page = try await capturer(web).capture(url: "http://a.example/start")
        #expect(page.exchanges.map(\.status) == [301, 302, 200])
        #expect(
            page.exchanges.map(\.request.url) == [
                "http://a.example/start", "https://b.example/x/y", "https://b.example/z?q=1",
            ]
        )
        #expect(page.finalURL == "https://b.example/z?q=1")
        #expect(page.stopReason == nil)
        #expect(page.clockSource == "test clock (fixed)")
        #expect(web.requests.withLock { $0 }.allSatisfy { $0.captureCertificates && $0.maxBodyBytes == 1000 })
    }

    @Test func stopsAtARedirectLoop() async throws {
        let web = FakeFetcher([
            "http://a.example/1": FakeFetcher.redirect(to: "/2"),
            "http://a.example/2": FakeFetcher.redirect(to: "/1"),
        ])
        let page = try await capturer(web).capture(url: "http://a.example/1")
        #expect(page.exchanges.count == 2)
        #expect(page.stopReason?.contains("redirect loop") == true)
    }

    @Test func stopsAtTheRedirectLimit() async throws {
        var pages: [String: FakeFetcher.Page] = [:]
        for index in 0..<10 { pages["http://a.example/\(index)"] = FakeFetcher.redirect(to: "/\(index + 1)") }
        let page = try await capturer(FakeFetcher(pages), maxRedirects: 3).capture(url: "http://a.example/0")
        #expect(page.exchanges.count == 4)
        #expect(page.stopReason?.contains("redirect limit (3)") == true)
    }

    @Test func refusesRedirectToAnotherScheme() async throws {
        let web = FakeFetcher(["http://a.example/": FakeFetcher.redirect(to: "file:///etc/passwd")])
        let page = try await capturer(web).capture(url: "http://a.example/")
        #expect(page.exchanges.count == 1)
        #expect(page.stopReason?.contains("unsupported") == true)
        #expect(web.requests.withLock { $0 }.count == 1)
    }

    @Test func marksAnOversizedBodyTruncated() async throws {
        let web = FakeFetcher(["http://a.example/big": FakeFetcher.Page(body: Data(repeating: 65, count: 5000))])
        let page = try await capturer(web, maxBody: 1000).capture(url: "http://a.example/big")
        #expect(page.exchanges[0].body.count == 1000)
        #expect(page.exchanges[0].bodyTruncated)
    }

    @Test func recordsDNSAnswersForEachHost() async throws {
        let web = FakeFetcher([
            "http://a.example/": FakeFetcher.redirect(to: "http://cdn.example/"),
            "http://cdn.example/": FakeFetcher.html("ok"),
        ])
        let resolver = FakeResolver(records: [
            "a.example": [DNSRecord(name: "a.example", type: .a, ttl: 60, data: "93.184.216.34")],
            "cdn.example": [
                DNSRecord(name: "cdn.example", type: .cname, ttl: 60, data: "edge.cdn.net"),
                DNSRecord(name: "edge.cdn.net", type: .aaaa, ttl: 60, data: "2606:2800:220:1::1"),
            ],
        ])
        let page = try await capturer(web, resolver: resolver).capture(url: "http://a.example/")
        #expect(Set(page.resolution.map(\.name)) == ["a.example", "cdn.example"])
        #expect(page.resolution.count == 6)
        #expect(page.resolution.contains { $0.type == .cname && $0.records.first?.data == "edge.cdn.net" })
        #expect(page.resolution.allSatisfy { $0.server == "192.0.2.53:53" })
    }

    @Test(arguments: ["10.1.2.3", "127.0.0.1", "192.168.1.1", "::1", "fe80::1", "169.254.169.254"])
    func refusesHostsResolvingToNonPublicAddresses(_ address: String) async throws {
        let type: DNSRecordType = address.contains(":") ? .aaaa : .a
        let resolver = FakeResolver(records: [
            "internal.example": [DNSRecord(name: "internal.example", type: type, ttl: 1, data: address)]
        ])
        let web = FakeFetcher(["http://internal.example/": FakeFetcher.html("secret")])
        await #expect(throws: EvidenceError.self) {
            try await capturer(web, resolver: resolver).capture(url: "http://internal.example/")
        }
        #expect(web.requests.withLock { $0 }.isEmpty)
    }

    @Test func refusesMalformedURLs() async throws {
        await #expect(throws: EvidenceError.self) {
            try await capturer(FakeFetcher([:])).capture(url: "ftp://x.example/")
        }
        await #expect(throws: EvidenceError.self) { try await capturer(FakeFetcher([:])).capture(url: "not a url") }
    }
}
