import Foundation
import LongarmCore
import Synchronization
import Testing

@testable import LongarmResolve

/// Serves canned responses by URL and records the order of requests and the peak concurrency.
private final class CannedHTTP: HTTPFetching {
    struct Response {
        var status: Int
        var headers: [HTTPHeader] = []
        var body = Data()
    }

    private let state = Mutex<(log: [String], inFlight: Int, peak: Int, served: [String: Int])>(([], 0, 0, [:]))
    let responses: [String: [Response]]
    let delay: Duration

    init(_ responses: [String: [Response]], delay: Duration = .zero) {
        self.responses = responses
        self.delay = delay
    }

    var log: [String] { state.withLock { $0.log } }
    var peak: Int { state.withLock { $0.peak } }

    func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
        let index = state.withLock { s -> Int in
            s.log.append(request.url)
            s.inFlight += 1
            s.peak = max(s.peak, s.inFlight)
            defer { s.served[request.url, default: 0] += 1 }
            return s.served[request.url, default: 0]
        }
        if delay > .zero { try await Task.sleep(for: delay) }
        state.withLock { $0.inFlight -= 1 }
        guard let list = responses[request.url] else { return HTTPExchange(request: request, status: 404) }
        let response = list[min(index, list.count - 1)]
        return HTTPExchange(request: request, status: response.status, headers: response.headers, body: response.body)
    }
}

@Suite struct RDAPFetcherTests {
    private let document = Data(#"{"objectClassName":"ip network"}"#.utf8)

    @Test func followsRedirectBetweenRegistries() async {
        let http = CannedHTTP([
            "https://rdap.arin.net/registry/ip/88.198.21.14": [
                .init(status: 301, headers: [HTTPHeader("Location", "https://rdap.db.ripe.net/ip/88.198.21.14")])
            ],
            "https://rdap.db.ripe.net/ip/88.198.21.14": [.init(status: 200, body: document)],
        ])
        let outcome = await RDAPFetcher(http: http).fetch("https://rdap.arin.net/registry/ip/88.198.21.14")
        guard case .document(let data, let url) = outcome else {
            Issue.record("expected a document, got \(outcome)")
            return
        }
        #expect(data == document)
        #expect(url == "https://rdap.db.ripe.net/ip/88.198.21.14")
    }

    @Test func detectsRedirectLoops() async {
        let http = CannedHTTP([
            "https://a.example/x": [.init(status: 302, headers: [HTTPHeader("Location", "https://b.example/x")])],
            "https://b.example/x": [.init(status: 302, headers: [HTTPHeader("Location", "https://a.example/x")])],
        ])
        guard case .failed(let reason) = await RDAPFetcher(http: http).fetch("https://a.example/x") else {
            Issue.record("a loop must fail")
            return
        }
        #expect(reason.contains("redirect loop"))
        #expect(http.log.count == 2)
    }

    @Test func honoursRetryAfterOnceThenSucceeds() async {
        let slept = Mutex<[Duration]>([])
        let http = CannedHTTP([
            "https://rdap.example/domain/x.com": [
                .init(status: 429, headers: [HTTPHeader("Retry-After", "3")]), .init(status: 200, body: document),
            ]
        ])
        let fetcher = RDAPFetcher(http: http, sleep: { duration in slept.withLock { $0.append(duration) } })
        guard case .document = await fetcher.fetch("https://rdap.example/domain/x.com") else {
            Issue.record("expected a document after the retry")
            return
        }
        #expect(slept.withLock { $0 } == [.seconds(3)])
    }

    @Test func refusesRetryAfterBeyondTheCap() async {
        let http = CannedHTTP([
            "https://rdap.example/domain/x.com": [.init(status: 429, headers: [HTTPHeader("Retry-After", "3600")])]
        ])
        let fetcher = RDAPFetcher(http: http, maximumRetryAfter: .seconds(30), sleep: { _ in })
        guard case .failed(let reason) = await fetcher.fetch("https://rdap.example/domain/x.com") else {
            Issue.record("expected a failure")
            return
        }
        #expect(reason.contains("429"))
        #expect(http.log.count == 1)
    }

    @Test func reportsNotFoundAndServerErrorsDistinctly() async {
        let http = CannedHTTP(["https://rdap.example/domain/down.com": [.init(status: 503)]])
        let fetcher = RDAPFetcher(http: http)
        guard case .notFound = await fetcher.fetch("https://rdap.example/domain/none.com") else {
            Issue.record("404 must be notFound")
            return
        }
        guard case .failed(let reason) = await fetcher.fetch("https://rdap.example/domain/down.com") else {
            Issue.record("503 must fail")
            return
        }
        #expect(reason == "https://rdap.example/domain/down.com: HTTP 503")
    }

    @Test func capsRequestsInFlightPerServer() async {
        var responses: [String: [CannedHTTP.Response]] = [:]
        for index in 0..<12 {
            responses["https://rdap.example/ip/10.0.0.\(index)"] = [.init(status: 200, body: document)]
        }
        let http = CannedHTTP(responses, delay: .milliseconds(20))
        let fetcher = RDAPFetcher(http: http, perServerLimit: 3)
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<12 { group.addTask { _ = await fetcher.fetch("https://rdap.example/ip/10.0.0.\(index)") } }
        }
        #expect(http.log.count == 12)
        #expect(http.peak == 3)
    }

    @Test(arguments: [("120", 120), ("0", 0), ("soon", -1)])
    func parsesRetryAfterSeconds(_ text: String, _ seconds: Int) {
        #expect(RDAPFetcher.retryAfter(text) == (seconds < 0 ? nil : .seconds(seconds)))
    }
}
