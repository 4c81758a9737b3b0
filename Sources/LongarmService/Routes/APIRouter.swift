package import Hummingbird

/// Builds the router: the middleware stack and every route of ``APIRoute/all``.
///
/// Middleware, outermost first: the request log and counters; the error mapper (every failure becomes
/// `{"error": …}`); the rate limit; then, for every route but `GET /healthz`, the bearer-token check.
public enum APIRouter {
    /// Every route, in the order the router registers them (open routes first).
    public static let routes: [APIRoute] = [
        APIRoute(.get, "/healthz", authenticated: false),
        APIRoute(.get, "/metrics"),
        APIRoute(.post, "/v1/cases"),
        APIRoute(.get, "/v1/cases/{id}"),
        APIRoute(.post, "/v1/cases/{id}/targets"),
        APIRoute(.get, "/v1/cases/{id}/plan"),
        APIRoute(.get, "/v1/cases/{id}/letters"),
        APIRoute(.post, "/v1/recheck"),
        APIRoute(.get, "/v1/targets/{id}/history"),
    ]

    /// The router over `dependencies`.
    package static func build(
        configuration: ServiceConfiguration,
        dependencies: ServiceDependencies,
        queue: ResolutionQueue,
        gate: RecheckGate,
        metrics: ServiceMetrics
    ) -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: RequestLogMiddleware(metrics: metrics))
        router.add(middleware: ErrorMiddleware(routes: routes))
        if configuration.rateLimit > 0 {
            router.add(
                middleware: RateLimitMiddleware(
                    bucket: TokenBucket(requestsPerMinute: configuration.rateLimit),
                    metrics: metrics
                )
            )
        }
        let pipeline = ResolutionPipeline(dependencies: dependencies, queue: queue, metrics: metrics)
        let health = HealthRoutes(
            dependencies: dependencies,
            queue: queue,
            metrics: metrics,
            gate: gate,
            version: configuration.version
        )
        let cases = CaseRoutes(dependencies: dependencies, configuration: configuration)
        let targets = TargetRoutes(dependencies: dependencies, configuration: configuration, pipeline: pipeline)
        let plans = PlanRoutes(dependencies: dependencies, metrics: metrics)
        let letters = LetterRoutes(dependencies: dependencies, metrics: metrics, version: configuration.version)
        let rechecks = RecheckRoutes(
            dependencies: dependencies,
            configuration: configuration,
            gate: gate,
            metrics: metrics
        )

        router.get(route("/healthz"), use: health.health)
        // Routes added after this middleware need the token; /healthz above stays open.
        if let token = configuration.token {
            router.add(middleware: AuthMiddleware(token: token, metrics: metrics))
        }
        router.get(route("/metrics"), use: health.metricsText)
        router.post(route("/v1/cases"), use: cases.create)
        router.get(route("/v1/cases/{id}"), use: cases.show)
        router.post(route("/v1/cases/{id}/targets"), use: targets.submit)
        router.get(route("/v1/cases/{id}/plan"), use: plans.show)
        router.get(route("/v1/cases/{id}/letters"), use: letters.show)
        router.post(route("/v1/recheck"), use: rechecks.run)
        router.get(route("/v1/targets/{id}/history"), use: rechecks.history)
        return router
    }

    /// The router path of a route listed in ``routes`` (a route missing from the list is a programming error).
    private static func route(_ path: String) -> RouterPath {
        guard let route = routes.first(where: { $0.path == path }) else {
            preconditionFailure("\(path) is missing from APIRouter.routes")
        }
        return RouterPath(route.routerPath)
    }
}
