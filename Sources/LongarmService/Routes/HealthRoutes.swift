import Foundation
import HTTPTypes
import Hummingbird
import Logging
import LongarmStore
import NIOCore

/// `GET /healthz` (open, for load balancers and process supervisors) and `GET /metrics` (Prometheus text).
struct HealthRoutes {
    struct Health: Encodable {
        var status: String
        var version: String
        var database: String
    }

    let dependencies: ServiceDependencies
    let queue: ResolutionQueue
    let metrics: ServiceMetrics
    let gate: RecheckGate
    let version: String

    /// 200 `{"status": "ok"}` when the database answers, 503 otherwise. Reveals nothing about cases.
    func health(_ request: Request, context: APIRequestContext) async throws -> Response {
        do {
            _ = try dependencies.store.appliedMigrations()
            return try APIJSON.response(Health(status: "ok", version: version, database: "ok"))
        } catch {
            context.logger.error("health check: the database does not answer", metadata: ["error": "\(error)"])
            return try APIJSON.response(
                Health(status: "unavailable", version: version, database: "unavailable"),
                status: .serviceUnavailable
            )
        }
    }

    /// The counters in the Prometheus text format.
    func metricsText(_ request: Request, context: APIRequestContext) async throws -> Response {
        let snapshot = metrics.snapshot()
        let store = dependencies.store
        let depth = try store.unresolvedTargetCount()
        let counts = try store.counts()
        var text = PrometheusText()
        text.family(
            "longarm_http_requests_total",
            type: "counter",
            help: "HTTP requests answered, by route and status."
        )
        for (key, count) in snapshot.requests.sorted(by: { $0.key < $1.key }) {
            text.sample(
                "longarm_http_requests_total",
                ["route": key.route, "method": key.method, "status": String(key.status)],
                Double(count)
            )
        }
        text.family(
            "longarm_http_request_duration_seconds",
            type: "summary",
            help: "Time spent answering requests, by route."
        )
        for (route, timing) in snapshot.durations.sorted(by: { $0.key < $1.key }) {
            text.sample("longarm_http_request_duration_seconds_sum", ["route": route], timing.seconds)
            text.sample("longarm_http_request_duration_seconds_count", ["route": route], Double(timing.count))
        }
        text.family(
            "longarm_auth_failures_total",
            type: "counter",
            help: "Requests refused for a missing or bad token."
        )
        text.sample("longarm_auth_failures_total", Double(snapshot.authFailures))
        text.family("longarm_rate_limited_total", type: "counter", help: "Requests refused by the rate limit.")
        text.sample("longarm_rate_limited_total", Double(snapshot.rateLimited))
        text.family("longarm_resolutions_total", type: "counter", help: "Targets whose resolution ended, by outcome.")
        for (outcome, count) in snapshot.resolutions.sorted(by: { $0.key < $1.key }) {
            text.sample("longarm_resolutions_total", ["outcome": outcome], Double(count))
        }
        text.family("longarm_plans_total", type: "counter", help: "Notice plans stored by the service.")
        text.sample("longarm_plans_total", Double(snapshot.plans))
        text.family(
            "longarm_resolution_queue_depth",
            type: "gauge",
            help: "Targets waiting for resolution (stored without a profile), in flight included."
        )
        text.sample("longarm_resolution_queue_depth", Double(depth))
        text.family("longarm_resolution_in_flight", type: "gauge", help: "Targets being resolved now.")
        text.sample("longarm_resolution_in_flight", Double(queue.inFlight.count))
        text.family("longarm_recheck_runs_total", type: "counter", help: "Re-check runs, by what started them.")
        for (trigger, count) in snapshot.recheckRuns.sorted(by: { $0.key < $1.key }) {
            text.sample("longarm_recheck_runs_total", ["trigger": trigger], Double(count))
        }
        text.family("longarm_checks_total", type: "counter", help: "Re-checks stored, by outcome.")
        for (outcome, count) in snapshot.checks.sorted(by: { $0.key < $1.key }) {
            text.sample("longarm_checks_total", ["outcome": outcome], Double(count))
        }
        text.family(
            "longarm_check_state_changes_total",
            type: "counter",
            help: "Targets whose state a re-check changed, by the new state."
        )
        for (state, count) in snapshot.stateChanges.sorted(by: { $0.key < $1.key }) {
            text.sample("longarm_check_state_changes_total", ["to": state], Double(count))
        }
        text.family("longarm_recheck_running", type: "gauge", help: "1 while a re-check run is going.")
        text.sample("longarm_recheck_running", gate.isRunning ? 1 : 0)
        text.family("longarm_cases", type: "gauge", help: "Cases in the store.")
        text.sample("longarm_cases", Double(counts.cases))
        text.family("longarm_targets", type: "gauge", help: "Targets in the store.")
        text.sample("longarm_targets", Double(counts.targets))
        text.family("longarm_start_time_seconds", type: "gauge", help: "When the service started, in Unix seconds.")
        text.sample("longarm_start_time_seconds", metrics.started.timeIntervalSince1970.rounded())
        return Response(
            status: .ok,
            headers: [.contentType: PrometheusText.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text.text))
        )
    }
}
