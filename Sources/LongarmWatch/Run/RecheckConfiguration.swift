public import Foundation
public import LongarmCore

/// How re-checks run: the removal judge, the schedule, politeness and limits.
///
/// Sources, strongest first: values passed to ``fromEnvironment(_:confirmations:spacing:)`` (the command-line
/// flags), then the environment, then these defaults:
///
/// - `LONGARM_CONFIRMATIONS`: gone observations needed to confirm a removal (default 3).
/// - `LONGARM_SPACING`: least time between two counted gone observations, e.g. `6h`, `30m`, `0s` (default 6h).
/// - `LONGARM_RECHECK_INTERVAL`: usual time between checks of an active target (default 24h).
/// - `LONGARM_RECHECK_JITTER`: fraction of the interval by which checks are spread, 0–0.5 (default 0.1).
/// - `LONGARM_MAX_BACKOFF`: longest wait after repeated failures (default 7d).
/// - `LONGARM_HOST_CONCURRENCY`: requests in flight at once per host (default 2).
/// - `LONGARM_HOST_RATE`: request starts per second per host, 0 for no limit (default 2).
/// - `LONGARM_RECHECK_CONCURRENCY`: checks in flight at once in a run (default 64).
/// - `LONGARM_RECHECK_RESOLVE`: `0` turns off re-resolution (move detection) for routine checks (default on).
/// - `LONGARM_NOTICE_DEADLINE`: how long a notice waits when its rung's deadline has no fixed period (default 72h).
public struct RecheckConfiguration: Sendable {
    /// Confirmations and their spacing.
    public var judge: RemovalJudge
    /// The usual time between checks of an active target.
    public var interval: Duration
    /// The fraction of the interval by which checks are spread.
    public var jitter: Double
    /// The longest wait after repeated failures.
    public var maximumBackoff: Duration
    /// Per-host concurrency and rate.
    public var politeness: PolitenessPolicy
    /// Checks in flight at once.
    public var concurrency: Int
    /// Limit of one HTTP exchange.
    public var timeout: Duration
    /// Body bytes kept per response.
    public var maxBodyBytes: Int
    /// Redirects followed.
    public var maxRedirects: Int
    /// Whether routine checks re-resolve the hosting (notices past their deadline are always re-resolved).
    public var resolveHosting: Bool
    /// Checks stored per transaction.
    public var batchSize: Int
    /// The wait of a notice whose rung has no fixed deadline.
    public var defaultNoticeDeadline: Duration
    /// Who acts, in the custody log (`longarm/0.1.0 (user@host)`).
    public var actor: String

    /// Creates a configuration; the defaults follow the issue (3 confirmations 6 hours apart) and SCART's habits.
    public init(
        judge: RemovalJudge = RemovalJudge(),
        interval: Duration = .seconds(24 * 3600),
        jitter: Double = 0.1,
        maximumBackoff: Duration = .seconds(7 * 24 * 3600),
        politeness: PolitenessPolicy = PolitenessPolicy(),
        concurrency: Int = 64,
        timeout: Duration = .seconds(15),
        maxBodyBytes: Int = 8 << 20,
        maxRedirects: Int = 5,
        resolveHosting: Bool = true,
        batchSize: Int = 128,
        defaultNoticeDeadline: Duration = .seconds(72 * 3600),
        actor: String = "longarm/recheck"
    ) {
        self.judge = judge
        self.interval = interval
        self.jitter = jitter
        self.maximumBackoff = maximumBackoff
        self.politeness = politeness
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.resolveHosting = resolveHosting
        self.batchSize = max(1, batchSize)
        self.defaultNoticeDeadline = defaultNoticeDeadline
        self.actor = actor
    }

    /// The schedule these settings describe.
    public var schedule: RecheckSchedule {
        RecheckSchedule(interval: interval, jitter: jitter, maximumBackoff: maximumBackoff, judge: judge)
    }

    /// Builds a configuration from flags (non-`nil` values win) and the environment.
    ///
    /// - Throws: ``WatchError`` naming the variable or flag whose value is malformed.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        confirmations: Int? = nil,
        spacing: String? = nil
    ) throws -> RecheckConfiguration {
        var configuration = RecheckConfiguration()
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        func integer(_ key: String, minimum: Int) throws -> Int? {
            guard let text = value(key) else { return nil }
            guard let number = Int(text), number >= minimum else {
                throw WatchError(.badInput, "\(key)=\(text): expected a whole number of at least \(minimum)")
            }
            return number
        }
        func number(_ key: String, range: ClosedRange<Double>) throws -> Double? {
            guard let text = value(key) else { return nil }
            guard let number = Double(text), range.contains(number) else {
                throw WatchError(
                    .badInput,
                    "\(key)=\(text): expected a number from \(range.lowerBound) to \(range.upperBound)"
                )
            }
            return number
        }
        let count = try confirmations ?? integer("LONGARM_CONFIRMATIONS", minimum: 1) ?? 3
        if count < 1 { throw WatchError(.badInput, "--confirmations \(count): must be at least 1") }
        let gap =
            try spacing.map { try DurationText.parse($0, input: "--spacing") }
            ?? value("LONGARM_SPACING").map { try DurationText.parse($0, input: "LONGARM_SPACING") }
            ?? .seconds(6 * 3600)
        configuration.judge = RemovalJudge(confirmations: count, spacing: gap)
        if let text = value("LONGARM_RECHECK_INTERVAL") {
            configuration.interval = try DurationText.parse(text, input: "LONGARM_RECHECK_INTERVAL")
        }
        if let jitter = try number("LONGARM_RECHECK_JITTER", range: 0...0.5) { configuration.jitter = jitter }
        if let text = value("LONGARM_MAX_BACKOFF") {
            configuration.maximumBackoff = try DurationText.parse(text, input: "LONGARM_MAX_BACKOFF")
        }
        if let perHost = try integer("LONGARM_HOST_CONCURRENCY", minimum: 1) {
            configuration.politeness.concurrency = perHost
        }
        if let rate = try number("LONGARM_HOST_RATE", range: 0...100_000) { configuration.politeness.rate = rate }
        if let concurrency = try integer("LONGARM_RECHECK_CONCURRENCY", minimum: 1) {
            configuration.concurrency = concurrency
        }
        if let resolve = value("LONGARM_RECHECK_RESOLVE") {
            configuration.resolveHosting = !["0", "false", "no", "off"].contains(resolve.lowercased())
        }
        if let text = value("LONGARM_NOTICE_DEADLINE") {
            configuration.defaultNoticeDeadline = try DurationText.parse(text, input: "LONGARM_NOTICE_DEADLINE")
        }
        return configuration
    }
}
