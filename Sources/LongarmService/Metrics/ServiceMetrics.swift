public import Foundation
import LongarmWatch
import Synchronization

/// The service's counters, kept in memory and written in the Prometheus text format by `GET /metrics`.
public final class ServiceMetrics: Sendable {
    struct RequestKey: Hashable, Comparable {
        var route: String
        var method: String
        var status: Int

        static func < (lhs: RequestKey, rhs: RequestKey) -> Bool {
            (lhs.route, lhs.method, lhs.status) < (rhs.route, rhs.method, rhs.status)
        }
    }

    struct Timing {
        var count = 0
        var seconds = 0.0
    }

    struct State {
        var requests: [RequestKey: Int] = [:]
        var durations: [String: Timing] = [:]
        var resolutions: [String: Int] = ["resolved": 0, "failed": 0]
        var plans = 0
        var authFailures = 0
        var rateLimited = 0
        var recheckRuns: [String: Int] = [:]
        var checks: [String: Int] = [:]
        var stateChanges: [String: Int] = [:]
    }

    private let state = Mutex(State())
    /// When the service started, for `longarm_start_time_seconds`.
    let started: Date

    /// Creates empty counters.
    public init(started: Date = Date()) {
        self.started = started
    }

    /// Counts one answered request; `route` is the route's template (`/v1/cases/{id}`), never the raw path.
    func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            state.durations[route, default: Timing()].count += 1
            state.durations[route, default: Timing()].seconds += seconds
        }
    }

    /// Counts targets whose resolution ended, by outcome (`resolved`, `failed`).
    func recordResolutions(_ count: Int, outcome: String) {
        guard count > 0 else { return }
        state.withLock { $0.resolutions[outcome, default: 0] += count }
    }

    /// Counts stored plans.
    func recordPlans(_ count: Int) {
        state.withLock { $0.plans += count }
    }

    /// Counts a re-check run by what started it (`scheduler`, `api`), its stored checks by outcome, and the state
    /// changes it found by the new state.
    func recordRecheck(_ report: RecheckReport, trigger: String) {
        state.withLock { state in
            state.recheckRuns[trigger, default: 0] += 1
            for (outcome, count) in report.outcomes { state.checks[outcome, default: 0] += count }
            for change in report.changes { state.stateChanges[change.to, default: 0] += 1 }
        }
    }

    /// Counts a request refused for a missing or wrong token.
    func recordAuthFailure() {
        state.withLock { $0.authFailures += 1 }
    }

    /// Counts a request refused by the rate limit.
    func recordRateLimited() {
        state.withLock { $0.rateLimited += 1 }
    }

    /// How many requests were answered with `status` on `route`.
    package func requestCount(route: String, method: String, status: Int) -> Int {
        state.withLock { $0.requests[RequestKey(route: route, method: method, status: status)] ?? 0 }
    }

    /// The counters as one consistent copy.
    func snapshot() -> State {
        state.withLock { $0 }
    }
}
