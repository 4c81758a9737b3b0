public import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// The HTTP service: the JSON API on Hummingbird, the resolution worker and the re-check scheduler, run in one
/// `ServiceGroup` that shuts down gracefully on SIGTERM and SIGINT.
///
/// On a signal the HTTP server stops accepting connections and finishes the requests in hand, then the worker
/// finishes the batch it is resolving and the scheduler cancels its run (finished checks are stored, the rest stay
/// due); after ``ServiceConfiguration/shutdownGrace`` whatever is left is cancelled.
/// Targets not yet resolved stay queued in the database.
public struct LongarmServer: Sendable {
    /// The validated configuration.
    public let configuration: ServiceConfiguration
    /// The store, intake, planner, templates and resolver factory.
    public let dependencies: ServiceDependencies
    /// The in-process resolution queue, shared by the routes and the worker.
    public let queue: ResolutionQueue
    /// The counters `/metrics` reports.
    public let metrics: ServiceMetrics
    /// One re-check run at a time: the scheduler's or a request's.
    public let gate: RecheckGate

    /// Creates the server after checking the configuration.
    ///
    /// - Throws: ``ServiceConfigurationError`` when the configuration is refused (no token and no loopback
    ///   `--insecure-no-auth`, a limit out of range).
    public init(
        configuration: ServiceConfiguration,
        dependencies: ServiceDependencies
    ) throws(ServiceConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        self.dependencies = dependencies
        self.queue = ResolutionQueue()
        self.metrics = ServiceMetrics(started: dependencies.now())
        self.gate = RecheckGate()
    }

    /// The background resolution worker.
    public var worker: ResolutionWorker {
        ResolutionWorker(
            pipeline: ResolutionPipeline(dependencies: dependencies, queue: queue, metrics: metrics),
            batchSize: configuration.resolutionBatchSize,
            pollInterval: configuration.resolutionPollInterval
        )
    }

    /// The re-check scheduler, when the dependencies have a runner and the configuration wants one.
    public var scheduler: RecheckScheduler? {
        guard configuration.scheduler, let runner = dependencies.recheck else { return nil }
        return RecheckScheduler(
            runner: runner,
            gate: gate,
            metrics: metrics,
            pollInterval: configuration.recheckPollInterval,
            logger: dependencies.logger
        )
    }

    /// The router with every route and middleware.
    public var router: Router<APIRequestContext> {
        APIRouter.build(
            configuration: configuration,
            dependencies: dependencies,
            queue: queue,
            gate: gate,
            metrics: metrics
        )
    }

    /// The Hummingbird application with the worker among its services; `onListening` gets the bound address.
    public func application(
        onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
    ) -> some ApplicationProtocol {
        let logger = dependencies.logger
        var services: [any Service] = [worker]
        if let scheduler { services.append(scheduler) }
        return Application(
            router: router,
            server: .http1(
                configuration: HTTP1Channel.Configuration(idleTimeout: .seconds(configuration.idleTimeoutSeconds))
            ),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            services: services,
            onServerRunning: { channel in
                let address = channel.localAddress
                let host = address?.ipAddress ?? configuration.host
                let port = address?.port ?? configuration.port
                logger.info("listening", metadata: ["server.address": "\(host)", "server.port": "\(port)"])
                await onListening(host, port)
            },
            logger: logger
        )
    }

    /// Runs until SIGTERM or SIGINT, then shuts down gracefully.
    public func run(
        onListening: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
    ) async throws {
        var groupConfiguration = ServiceGroupConfiguration(
            services: [application(onListening: onListening)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: dependencies.logger
        )
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownGrace
        let group = ServiceGroup(configuration: groupConfiguration)
        try await group.run()
        dependencies.logger.info("stopped")
    }
}

extension ServiceConfiguration {
    var idleTimeoutSeconds: Int64 {
        max(1, idleTimeout.components.seconds)
    }
}
