import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Lets a request through only with `Authorization: Bearer TOKEN` carrying the configured token.
///
/// A missing or wrong token gets 401 with `WWW-Authenticate: Bearer realm="longarm"` (and `error="invalid_token"`
/// when one was presented). Routes added before this middleware (`GET /healthz`) are not guarded.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let token: APIToken
    let metrics: ServiceMetrics

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            metrics.recordAuthFailure()
            throw APIError(
                .unauthorized,
                code: "unauthorized",
                "this route needs an Authorization: Bearer token",
                headers: [.wwwAuthenticate: #"Bearer realm="longarm""#]
            )
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
            token.matches(parts[1].trimmingCharacters(in: .whitespaces).utf8)
        else {
            metrics.recordAuthFailure()
            context.logger.notice(
                "refused a request with a wrong token",
                metadata: ["client.address": "\(context.clientAddress ?? "-")"]
            )
            throw APIError(
                .unauthorized,
                code: "unauthorized",
                "the bearer token is not valid",
                headers: [.wwwAuthenticate: #"Bearer realm="longarm", error="invalid_token""#]
            )
        }
        return try await next(request, context)
    }
}
