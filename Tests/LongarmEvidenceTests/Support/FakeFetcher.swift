import Foundation
import LongarmCore
import LongarmEvidence
import Synchronization

/// A scripted web: each URL answers with a fixed status, headers and body; every request is remembered.
/// It is the I/O-edge fake of unit tests; integration tests use `IntegrationFetcher` instead.
final class FakeFetcher: HTTPFetching {
    struct Page: Sendable {
        var status = 200
        var headers: [HTTPHeader] = [HTTPHeader("Content-Type", "text/html")]
        var body = Data()
        var ip = "203.0.113.10"
        var certificates: [String] = []
    }

    private let pages: [String: Page]
    let requests = Mutex<[HTTPRequest]>([])

    init(_ pages: [String: Page]) {
        self.pages = pages
    }

    func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
        requests.withLock { $0.append(request) }
        guard let page = pages[request.url] else {
            throw URLError(.cannotConnectToHost)
        }
        let kept = page.body.prefix(request.maxBodyBytes)
        let head =
            "HTTP/1.1 \(page.status) X\r\n" + page.headers.map { "\($0.name): \($0.value)\r\n" }.joined() + "\r\n"
        let https = request.url.hasPrefix("https:")
        return HTTPExchange(
            request: request,
            rawRequestHead: "GET \(URLComponents(string: request.url)?.path ?? "/") HTTP/1.1\r\nHost: x\r\n\r\n",
            status: page.status,
            rawResponseHead: head,
            headers: page.headers,
            body: Data(kept),
            bodyTruncated: kept.count < page.body.count,
            httpVersion: "HTTP/1.1",
            primaryIP: page.ip,
            primaryPort: https ? 443 : 80,
            certificateChain: https ? page.certificates : [],
            tlsVerified: https ? true : nil,
            startedAt: Date(timeIntervalSince1970: 1_790_000_000),
            totalSeconds: 0.012
        )
    }

    static func html(_ text: String) -> Page {
        Page(body: Data(text.utf8))
    }

    static func redirect(to location: String, status: Int = 302) -> Page {
        Page(status: status, headers: [HTTPHeader("Location", location), HTTPHeader("Content-Length", "0")])
    }
}

/// A DNS server that knows a few names.
struct FakeResolver: DNSResolving {
    var records: [String: [DNSRecord]]

    func query(_ name: String, type: DNSRecordType) async throws -> DNSAnswer {
        let matching = (records[name] ?? []).filter { $0.type == type }
        return DNSAnswer(rcode: records[name] == nil ? 3 : 0, records: matching, server: "192.0.2.53:53")
    }
}

/// A clock stopped at one instant.
struct FixedClock: EvidenceClock {
    var date = Date(timeIntervalSince1970: 1_790_000_000)
    func now() -> Date { date }
    var source: String { "test clock (fixed)" }
}
