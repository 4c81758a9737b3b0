import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Turns every error into the API's JSON error body with the right status.
///
/// Hummingbird's own answers become API errors too: an unknown path is 404 `not_found`, a known path with another
/// method is 405 `method_not_allowed` with an `Allow` header, an over-long body is 413. Anything unexpected is 500
/// `internal` with a sentence that hides the details, which go to the log.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let routes: [APIRoute]

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            return try notFound(request).response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            return try APIError(.contentTooLarge, code: "body_too_large", "the request body is too large")
                .response(from: request, context: context)
        } catch let error as HTTPError {
            let message = error.body ?? error.status.reasonPhrase
            return try APIError(error.status, code: "http_\(error.status.code)", message, headers: error.headers)
                .response(from: request, context: context)
        } catch {
            context.logger.error(
                "request failed",
                metadata: ["http.route": "\(context.endpointPath ?? "-")", "error": "\(error)"]
            )
            return try APIError(.internalServerError, code: "internal", "the service failed; see its log")
                .response(from: request, context: context)
        }
    }

    /// 405 when another method serves the path, else 404.
    private func notFound(_ request: Request) -> APIError {
        let methods = APIRoute.methods(for: request.uri.path, in: routes)
        if !methods.isEmpty {
            return APIError(
                .methodNotAllowed,
                code: "method_not_allowed",
                "\(request.method.rawValue) \(request.uri.path): allowed methods are \(methods.joined(separator: ", "))",
                headers: [.allow: methods.joined(separator: ", ")]
            )
        }
        return APIError.notFound("\(request.uri.path): no such route")
    }
}
