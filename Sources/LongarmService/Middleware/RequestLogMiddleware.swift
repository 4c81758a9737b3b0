import Hummingbird
import Logging

/// Logs one line per request and counts it for `/metrics`: method, route template, status, duration and client
/// address. Neither bodies, query strings nor the Authorization header are ever logged.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let metrics: ServiceMetrics

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let route = APIRoute.label(forEndpoint: context.endpointPath)
            metrics.recordRequest(route: route, method: request.method.rawValue, status: status, seconds: seconds)
            context.logger.info(
                "request",
                metadata: [
                    "http.method": "\(request.method.rawValue)",
                    "http.route": "\(route)",
                    "http.status": "\(status)",
                    "http.duration_ms": "\(Int(seconds * 1000))",
                    "client.address": "\(context.clientAddress ?? "-")",
                ]
            )
        }
        response = try await next(request, context)
        status = response.status.code
        return response
    }
}
