import HTTPTypes
import Hummingbird

/// Refuses a client that exceeds the request rate with 429 and `Retry-After`; failed logins count too, so a token
/// cannot be guessed at speed.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let bucket: TokenBucket
    let metrics: ServiceMetrics

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let wait = bucket.take(context.clientAddress ?? "local") {
            metrics.recordRateLimited()
            let seconds = max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
            throw APIError(
                .tooManyRequests,
                code: "rate_limited",
                "too many requests from this address; retry in \(seconds) s",
                headers: [.retryAfter: "\(seconds)"]
            )
        }
        return try await next(request, context)
    }
}
