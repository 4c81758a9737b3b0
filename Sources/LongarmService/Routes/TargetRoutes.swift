import HTTPTypes
import Hummingbird
import Logging
import LongarmCore
import LongarmStore

/// `POST /v1/cases/{id}/targets`: canonicalises and stores URLs, then queues them for resolution or resolves them
/// within the request.
struct TargetRoutes {
    let dependencies: ServiceDependencies
    let configuration: ServiceConfiguration
    let pipeline: ResolutionPipeline

    /// Adds the URLs; each row is reported as added, duplicate or rejected.
    ///
    /// Status: 202 when new targets were queued, 201 when they were resolved within the request, 200 when every
    /// good row was already stored, 422 when no row could be taken.
    func submit(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caseID = try context.identifier("id")
        _ = try dependencies.store.requireCase(caseID)
        let data = try await JSONBody.read(request, limit: configuration.maxBodyBytes)
        let body = try JSONBody.decode(TargetsRequest.self, from: data, shape: TargetsRequest.shape)
        let mode = try body.resolveMode()
        let defaultKind = try body.defaultKind()
        let rows = body.rows
        guard !rows.isEmpty else { throw APIError.invalidField("urls", "give at least one URL in urls or targets") }
        guard rows.count <= configuration.maxTargetsPerRequest else {
            throw APIError(
                .contentTooLarge,
                code: "too_many_targets",
                "\(rows.count) URLs in one request; at most \(configuration.maxTargetsPerRequest)"
            )
        }
        let outcome = await dependencies.intake.prepareConcurrently(
            rows.map(\.row),
            source: "body",
            caseID: caseID,
            defaultKind: defaultKind,
            defaultNote: body.note.flatMap { $0.isEmpty ? nil : $0 },
            now: dependencies.now()
        )
        let results = try dependencies.store.addTargets(outcome.prepared.map(\.target))
        let field = { (line: Int) in rows[line - 1].field }
        let rejected = outcome.rejected.map {
            SubmissionReport.Rejected(field: field($0.line), input: $0.error.input, error: $0.error.description)
        }
        var added: [(field: String, target: Target)] = []
        var duplicates: [SubmissionReport.Duplicate] = []
        for (item, result) in zip(outcome.prepared, results) {
            switch result {
            case .added(let target):
                added.append((field(item.line), target))
            case .duplicate(let original):
                duplicates.append(
                    SubmissionReport.Duplicate(
                        field: field(item.line),
                        input: item.target.submittedURL,
                        canonicalURL: item.target.canonicalURL,
                        duplicateOf: original.id
                    )
                )
            }
        }
        if added.isEmpty && duplicates.isEmpty {
            throw APIError(
                .unprocessableContent,
                code: "invalid_targets",
                "none of the \(rows.count) URL(s) can be taken",
                details: rejected.map { APIError.Detail(field: $0.field, message: $0.error) }
            )
        }
        context.logger.info(
            "targets submitted",
            metadata: [
                "case.id": "\(caseID)", "target.added": "\(added.count)", "target.rejected": "\(rejected.count)",
            ]
        )
        var resolution = SubmissionReport.Resolution.queued
        var warnings: [String] = []
        if !added.isEmpty {
            switch mode {
            case .queue:
                pipeline.queue.announce()
            case .wait:
                do {
                    try await pipeline.run(added.map(\.target))
                    await pipeline.queue.waitUntilReleased(added.compactMap(\.target.id))
                    resolution = .done
                } catch {
                    context.logger.error("resolution failed", metadata: ["case.id": "\(caseID)", "error": "\(error)"])
                    warnings.append("resolution failed (\(error)); the targets stay queued for the worker")
                    pipeline.queue.announce()
                }
            }
        }
        // Queued targets have no profile yet: only a waiting request has anything to look up.
        let views =
            resolution == .done
            ? try TargetView.of(caseID: caseID, targets: added.map(\.target), store: dependencies.store)
            : added.map { TargetView(target: $0.target) }
        let report = SubmissionReport(
            caseId: caseID,
            resolution: resolution,
            added: zip(added, views).map { item, view in
                SubmissionReport.Added(field: item.field, input: item.target.submittedURL, target: view)
            },
            duplicates: duplicates,
            rejected: rejected,
            warnings: warnings
        )
        let status: HTTPResponse.Status = added.isEmpty ? .ok : (resolution == .done ? .created : .accepted)
        return try APIJSON.response(report, status: status)
    }
}
