import Foundation

/// How `longarm serve` listens, whom it lets in and how much it accepts.
///
/// The CLI fills it from flags, then environment, then these defaults:
///
/// - `host` (`--host`, `LONGARM_HOST`): the address to bind; default `127.0.0.1`.
/// - `port` (`--port`, `LONGARM_PORT`): the TCP port; default `8080`; `0` picks a free port (the log says which).
/// - `token` (`--api-token`, `LONGARM_API_TOKEN`, or the file named by `--api-token-file` /
///   `LONGARM_API_TOKEN_FILE`): the bearer token every request except `GET /healthz` must present.
/// - `insecureNoAuth` (`--insecure-no-auth`): serve without a token; accepted on a loopback address only.
/// - `maxBodyBytes` (`--max-body-bytes`): the largest request body; larger ones get 413. Default 1 MiB.
/// - `maxTargetsPerRequest`: the most URLs one `POST /v1/cases/{id}/targets` may carry; default 1,000.
/// - `rateLimit` (`--rate-limit`, requests per minute per client address; `0` turns it off): default 600.
/// - `resolutionBatchSize`, `resolutionPollInterval`: how many queued targets the worker resolves at once (16)
///   and how often it looks for work nobody announced (a CLI `submit --no-resolve`; 30 seconds).
/// - `recheckPollInterval`: the longest the re-check scheduler sleeps between looks at the schedule (60 s);
///   `scheduler` (`--no-scheduler` turns it off): whether due re-checks run in the background at all.
/// - `idleTimeout`: how long an idle connection stays open; default 30 seconds.
/// - `shutdownGrace`: how long SIGTERM waits for in-flight requests and resolutions before cancelling; 30 s.
public struct ServiceConfiguration: Sendable {
    /// The address to bind.
    public var host: String
    /// The TCP port; 0 asks the system for a free one.
    public var port: Int
    /// The bearer token, or `nil` when the service runs without authentication.
    public var token: APIToken?
    /// Serve without authentication (loopback only).
    public var insecureNoAuth: Bool
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// The most URLs one submission may carry.
    public var maxTargetsPerRequest: Int
    /// Requests per minute allowed from one client address; 0 turns the limit off.
    public var rateLimit: Int
    /// Targets the background worker resolves in one batch.
    public var resolutionBatchSize: Int
    /// How often the worker looks for unannounced work.
    public var resolutionPollInterval: Duration
    /// Whether the re-check scheduler runs (when the dependencies have a re-check runner).
    public var scheduler: Bool
    /// The longest the scheduler sleeps before looking at the schedule again.
    public var recheckPollInterval: Duration
    /// How long an idle connection may stay open.
    public var idleTimeout: Duration
    /// How long a graceful shutdown may take before in-flight work is cancelled.
    public var shutdownGrace: Duration
    /// The version reported by `/healthz`.
    public var version: String

    /// Creates a configuration; every value has the documented default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        token: APIToken? = nil,
        insecureNoAuth: Bool = false,
        maxBodyBytes: Int = 1 << 20,
        maxTargetsPerRequest: Int = 1000,
        rateLimit: Int = 600,
        resolutionBatchSize: Int = 16,
        resolutionPollInterval: Duration = .seconds(30),
        scheduler: Bool = true,
        recheckPollInterval: Duration = .seconds(60),
        idleTimeout: Duration = .seconds(30),
        shutdownGrace: Duration = .seconds(30),
        version: String = "0.0.0"
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.insecureNoAuth = insecureNoAuth
        self.maxBodyBytes = maxBodyBytes
        self.maxTargetsPerRequest = maxTargetsPerRequest
        self.rateLimit = rateLimit
        self.resolutionBatchSize = resolutionBatchSize
        self.resolutionPollInterval = resolutionPollInterval
        self.scheduler = scheduler
        self.recheckPollInterval = recheckPollInterval
        self.idleTimeout = idleTimeout
        self.shutdownGrace = shutdownGrace
        self.version = version
    }

    /// Checks that the service may start as configured.
    ///
    /// - Throws: ``ServiceConfigurationError`` when there is no token and no explicit `--insecure-no-auth`, when
    ///   `--insecure-no-auth` is asked for on an address other than loopback, or when a limit is out of range.
    public func validate() throws(ServiceConfigurationError) {
        if !(0...65535).contains(port) {
            throw ServiceConfigurationError("--port \(port): expected 0 to 65535")
        }
        if host.isEmpty { throw ServiceConfigurationError("--host: must not be empty") }
        if insecureNoAuth {
            if token != nil {
                throw ServiceConfigurationError("--insecure-no-auth: a token is configured as well; choose one")
            }
            if !Self.isLoopback(host) {
                throw ServiceConfigurationError(
                    "--insecure-no-auth: refused on \(host); without a token the service binds loopback only "
                        + "(127.0.0.1, ::1 or localhost)"
                )
            }
        } else if token == nil {
            throw ServiceConfigurationError(
                "no API token: set LONGARM_API_TOKEN, --api-token-file FILE or --api-token TOKEN "
                    + "(or, on a loopback address only, --insecure-no-auth)"
            )
        }
        if maxBodyBytes < 1024 {
            throw ServiceConfigurationError("--max-body-bytes \(maxBodyBytes): at least 1024")
        }
        if maxTargetsPerRequest < 1 {
            throw ServiceConfigurationError("maximum targets per request \(maxTargetsPerRequest): at least 1")
        }
        if rateLimit < 0 { throw ServiceConfigurationError("--rate-limit \(rateLimit): must not be negative") }
        if resolutionBatchSize < 1 {
            throw ServiceConfigurationError("resolution batch size \(resolutionBatchSize): at least 1")
        }
    }

    /// Whether `host` names the loopback interface.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }
}
