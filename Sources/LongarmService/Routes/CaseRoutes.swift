import HTTPTypes
import Hummingbird
import Logging
import LongarmCore
import LongarmStore

/// `POST /v1/cases` and `GET /v1/cases/{id}`.
struct CaseRoutes {
    let dependencies: ServiceDependencies
    let configuration: ServiceConfiguration

    /// Creates a case from the holder, kind and letter particulars; answers 201 with the stored case.
    func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let data = try await JSONBody.read(request, limit: configuration.maxBodyBytes)
        let body = try JSONBody.decode(CaseRequest.self, from: data, shape: CaseRequest.shape)
        let stored = try dependencies.store.createCase(try body.caseFile(now: dependencies.now()))
        let id = stored.id ?? 0
        context.logger.info("case created", metadata: ["case.id": "\(id)"])
        var response = try APIJSON.response(stored, status: .created)
        response.headers[.location] = "/v1/cases/\(id)"
        return response
    }

    /// The case with every target's stage, latest profile summary and plan summary.
    func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try context.identifier("id")
        let caseFile = try dependencies.store.requireCase(id)
        let targets = try TargetView.of(caseID: id, store: dependencies.store)
        return try APIJSON.response(CaseView(case: caseFile, targets: targets))
    }
}
