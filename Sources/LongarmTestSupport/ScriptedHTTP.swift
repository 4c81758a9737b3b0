import Foundation
public import LongarmCore
public import LongarmNet
import Synchronization

/// An HTTP fake for unit tests (the I/O edge of re-checks, in the watch and service tests): answers each URL as scripted, records every request, and can hold requests until
/// released (to cancel a run mid-flight).
public final class ScriptedHTTP: HTTPFetching {
    /// What a URL answers.
    public enum Answer: Sendable {
        case page(status: Int, body: String, headers: [HTTPHeader] = [])
        case failure(NetError)
        /// Waits until the task is cancelled.
        case hang
    }

    private struct State {
        var answers: [String: Answer] = [:]
        var fallback: Answer = .page(status: 200, body: "<p>a page</p>")
        /// Every request so far, in order.
        public var requests: [HTTPRequest] = []
        var inFlight = 0
        var peak = 0
        var conditional: [String: String] = [:]
    }

    private let state = Mutex(State())

    /// A fake answering 200 with a small page to every unscripted URL.
    public init() {}

    /// Sets what `url` answers from now on.
    public func set(_ url: String, _ answer: Answer) { state.withLock { $0.answers[url] = answer } }

    /// Sets what every unscripted URL answers.
    public func setFallback(_ answer: Answer) { state.withLock { $0.fallback = answer } }

    /// Makes `url` answer 304 to a request whose `If-None-Match` equals `etag`.
    public func notModified(_ url: String, etag: String) { state.withLock { $0.conditional[url] = etag } }

    /// Every request so far, in order.
    public var requests: [HTTPRequest] { state.withLock { $0.requests } }
    /// The most requests in flight at once.
    public var peakConcurrency: Int { state.withLock { $0.peak } }

    public func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
        let answer = state.withLock { state -> Answer in
            state.requests.append(request)
            state.inFlight += 1
            state.peak = max(state.peak, state.inFlight)
            if let etag = state.conditional[request.url],
                request.headers.contains(where: { $0.name == "If-None-Match" && $0.value == etag })
            {
                return .page(status: 304, body: "")
            }
            return state.answers[request.url] ?? state.fallback
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        await Task.yield()
        switch answer {
        case .page(let status, let body, let headers):
            return HTTPExchange(request: request, status: status, headers: headers, body: Data(body.utf8))
        case .failure(let error):
            throw error
        case .hang:
            while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(5)) }
            throw CancellationError()
        }
    }
}
