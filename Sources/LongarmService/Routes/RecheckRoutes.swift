import Foundation
import HTTPTypes
import Hummingbird
import Logging
import LongarmStore
import LongarmWatch

/// `POST /v1/recheck` (run a round of checks now and answer with its report) and `GET /v1/targets/{id}/history`
/// (a target's checks, notices and follow-ups in time order): the same library calls as `longarm recheck` and
/// `longarm history`.
struct RecheckRoutes {
    let dependencies: ServiceDependencies
    let configuration: ServiceConfiguration
    let gate: RecheckGate
    let metrics: ServiceMetrics

    /// Runs the checks within the request. 200 with the report (`interrupted` when the request was cancelled);
    /// 409 while another run (the scheduler's or another request's) is going; 503 without a re-check runner.
    func run(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let runner = dependencies.recheck else {
            throw APIError(.serviceUnavailable, code: "recheck_unavailable", "the service runs without re-checks")
        }
        let data = try await JSONBody.read(request, limit: configuration.maxBodyBytes)
        let body = try JSONBody.decode(RecheckRequest.self, from: data, shape: RecheckRequest.shape)
        let selection = try body.selection(maxTargets: configuration.maxTargetsPerRequest)
        try requireExistence(of: selection)
        guard gate.tryEnter() else {
            throw APIError(
                .conflict,
                code: "recheck_running",
                "a re-check run is in progress; ask again when it has finished",
                headers: [.retryAfter: "5"]
            )
        }
        defer { gate.leave() }
        let report: RecheckReport
        do {
            report = try await runner.run(selection: selection)
        } catch let error as WatchError {
            throw APIError(.internalServerError, code: "recheck_failed", error.description)
        }
        metrics.recordRecheck(report, trigger: "api")
        context.logger.info(
            "re-check run",
            metadata: ["recheck.selection": "\(selection)", "recheck.checked": "\(report.checked)"]
        )
        return try APIJSON.response(report)
    }

    /// The timeline of one target; 404 for an unknown one.
    func history(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try context.identifier("id")
        do {
            return try APIJSON.response(try TargetHistory.load(targetID: id, store: dependencies.store))
        } catch let error as WatchError where error.code == .notFound {
            throw APIError.notFound(error.description)
        }
    }

    /// 404 naming the case or the targets that do not exist.
    private func requireExistence(of selection: RecheckSelection) throws {
        let store = dependencies.store
        switch selection {
        case .caseID(let id):
            _ = try store.requireCase(id)
        case .targets(let ids):
            let missing = try ids.filter { try store.target(id: $0) == nil }
            if !missing.isEmpty {
                let list = missing.map(String.init).joined(separator: ", ")
                throw APIError.notFound("target\(missing.count == 1 ? "" : "s") \(list): no such target")
            }
        case .due, .all:
            break
        }
    }
}
