import Foundation
import LongarmCore
import LongarmNet
import Synchronization

/// The web as re-checks see it in the service's tests: each URL answers as scripted (a page, a status, a failure,
/// or a wait until cancelled), every request is counted. Only this I/O edge is fake; the runner, the judge and the
/// store are real.
final class ScriptedPages: HTTPFetching {
    enum Answer: Sendable {
        case page(status: Int, body: String)
        case failure(NetError)
        /// Holds the request until the task is cancelled.
        case hang
    }

    private struct State {
        var answers: [String: Answer] = [:]
        var fetched: [String] = []
    }

    private let state = Mutex(State())

    /// Sets what `url` answers from now on; unscripted URLs answer 200 with a small page.
    func set(_ url: String, _ answer: Answer) { state.withLock { $0.answers[url] = answer } }

    /// The URLs fetched so far, in order.
    var fetched: [String] { state.withLock { $0.fetched } }

    func fetch(_ request: HTTPRequest) async throws -> HTTPExchange {
        let answer = state.withLock { state -> Answer in
            state.fetched.append(request.url)
            return state.answers[request.url] ?? .page(status: 200, body: "<p>the infringing clip</p>")
        }
        switch answer {
        case .page(let status, let body):
            return HTTPExchange(request: request, status: status, headers: [], body: Data(body.utf8))
        case .failure(let error):
            throw error
        case .hang:
            while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(5)) }
            throw CancellationError()
        }
    }
}
