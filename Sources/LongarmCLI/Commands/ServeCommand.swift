import ArgumentParser
import Foundation
import Logging
import LongarmCore
import LongarmLetters
import LongarmNet
import LongarmResolve
import LongarmRules
import LongarmService
import LongarmStore

/// `longarm serve`: the JSON API, the background resolution worker and the re-check scheduler (docs/service.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Serve the JSON API (cases, targets, plans, letters, re-checks) with background resolution and re-checks.",
        discussion: """
            Every route but GET /healthz needs Authorization: Bearer TOKEN; the token comes from --api-token, \
            --api-token-file, LONGARM_API_TOKEN or LONGARM_API_TOKEN_FILE. Without a token the service refuses to \
            start, unless it binds a loopback address and --insecure-no-auth is given. SIGTERM or SIGINT stops it \
            gracefully (exit 0): a re-check run in progress stores the checks it finished, the rest stay due. Due \
            re-checks run in the background unless --no-scheduler (confirmations from LONGARM_CONFIRMATIONS and \
            LONGARM_SPACING, as for longarm recheck). The API is described in docs/openapi.yaml.
            """
    )

    @Option(help: "Address to bind (env LONGARM_HOST; default 127.0.0.1).") var host: String?
    @Option(help: "TCP port; 0 picks a free one (env LONGARM_PORT; default 8080).") var port: Int?
    @Option(name: .customLong("api-token"), help: "Bearer token (visible to ps; prefer the file or environment).")
    var apiToken: String?
    @Option(name: .customLong("api-token-file"), help: "File holding the bearer token (env LONGARM_API_TOKEN_FILE).")
    var apiTokenFile: String?
    @Flag(name: .customLong("insecure-no-auth"), help: "Serve without a token; loopback addresses only.")
    var insecureNoAuth = false
    @Option(name: .customLong("max-body-bytes"), help: "Largest request body in bytes (default 1048576).")
    var maxBodyBytes: Int?
    @Option(name: .customLong("rate-limit"), help: "Requests per minute per client address; 0: no limit (default 600).")
    var rateLimit: Int?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error (env LONGARM_LOG_LEVEL).")
    var logLevel: String?
    @Option(help: "Templates folder (env LONGARM_TEMPLATES; default: the shipped Templates/).") var templates: String?
    @Flag(name: .customLong("no-scheduler"), help: "Run no re-checks in the background (POST /v1/recheck still works).")
    var noScheduler = false
    @OptionGroup var net: NetOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var evidence: EvidenceStorageOptions

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port \(port): expected 0 to 65535") }
        if let level = logLevel, Logger.Level(rawValue: level) == nil {
            throw ValidationError("--log-level \(level): expected trace, debug, info, notice, warning or error")
        }
    }

    func run() async throws {
        try await withCLIErrors {
            let environment = ProcessInfo.processInfo.environment
            let server: LongarmServer
            do {
                // Refuse a bad configuration before loading data and opening the database.
                let configuration = try serviceConfiguration(environment)
                try configuration.validate()
                server = try LongarmServer(configuration: configuration, dependencies: try dependencies(environment))
            } catch let error as ServiceConfigurationError {
                throw CLIError(.usage, error.description)
            }
            try await server.run { host, port in
                let shown = host.contains(":") ? "[\(host)]" : host
                printError("longarm serve: listening on http://\(shown):\(port)")
            }
        }
    }

    private func serviceConfiguration(_ environment: [String: String]) throws -> ServiceConfiguration {
        var configuration = ServiceConfiguration(version: LongarmVersion.current)
        configuration.host = host ?? environment["LONGARM_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        if let port {
            configuration.port = port
        } else if let text = environment["LONGARM_PORT"], !text.isEmpty {
            guard let value = Int(text) else { throw CLIError(.usage, "LONGARM_PORT \(text): not a port number") }
            configuration.port = value
        }
        do {
            configuration.token = try APIToken.resolve(flag: apiToken, file: apiTokenFile, environment: environment)
        } catch {
            throw CLIError(.usage, error.description)
        }
        configuration.insecureNoAuth = insecureNoAuth
        if let maxBodyBytes { configuration.maxBodyBytes = maxBodyBytes }
        if let rateLimit { configuration.rateLimit = rateLimit }
        configuration.scheduler = !noScheduler
        return configuration
    }

    private func dependencies(_ environment: [String: String]) throws -> ServiceDependencies {
        var logger = Logger(label: "longarm.service")
        let level = logLevel ?? environment["LONGARM_LOG_LEVEL"]
        logger.logLevel = level.flatMap(Logger.Level.init(rawValue:)) ?? .info
        let netConfiguration = try net.configuration()
        if netConfiguration.allowPrivateTargets {
            logger.warning("private targets are allowed: submitted URLs may make the service reach internal hosts")
        }
        let dataOptions = HostingResolver.DataOptions(rdapBootstrap: net.rdapBootstrap, geoIP: net.geoip)
        let makeResolver: @Sendable () throws -> HostingResolver = {
            try HostingResolver.live(configuration: netConfiguration, data: dataOptions)
        }
        do {
            _ = try makeResolver()
        } catch {
            throw CLIError(.failure, "cannot set up resolution: \(error)")
        }
        let book = try data.loadBook()
        guard let folder = templates.map({ URL(fileURLWithPath: $0) }) ?? TemplateLocator.defaultDirectory() else {
            throw CLIError(.failure, "cannot find the templates: pass --templates DIR or set LONGARM_TEMPLATES")
        }
        let library: TemplateLibrary
        do { library = try TemplateLibrary(directory: folder) } catch { throw CLIError(.failure, "\(error)") }
        let db = try store.open()
        var watchLogger = Logger(label: "longarm.watch")
        watchLogger.logLevel = logger.logLevel
        let settings = try RecheckSetup.settings(timeout: netConfiguration.timeout, actor: CustodyActor.service)
        let recheck = try RecheckSetup(
            net: net,
            data: data,
            templates: templates,
            evidenceDirectory: evidence.resolved(store: store)
        ).runner(store: db, settings: settings, logger: watchLogger)
        return ServiceDependencies(
            store: db,
            intake: TargetIntake(
                canonicalizer: URLCanonicalizer(publicSuffixList: try PublicSuffixListLoader.shipped())
            ),
            planner: NoticePlanner(book: book),
            book: book,
            templates: library,
            makeResolver: makeResolver,
            recheck: recheck,
            custodyActor: CustodyActor.service,
            logger: logger
        )
    }
}
