import Foundation
public import Logging
import LongarmCore
public import LongarmWatch
public import ServiceLifecycle

/// The service that runs due re-checks on their schedule, inside the server's `ServiceGroup`.
///
/// It asks the runner when the next check or notice deadline falls due and sleeps until then, but never longer
/// than the poll interval (targets added meanwhile, by the API or the CLI, are due at once). A run is skipped
/// while another holds the ``RecheckGate``. On graceful shutdown the sleep ends and a run in progress is
/// cancelled: checks already finished are stored, those in flight are abandoned and stay due for the next start.
public struct RecheckScheduler: Service {
    let runner: RecheckRunner
    let gate: RecheckGate
    let metrics: ServiceMetrics
    let clock: any WatchClock
    let pollInterval: Duration
    let logger: Logger

    /// Creates the scheduler.
    ///
    /// - Parameters:
    ///   - pollInterval: the longest sleep between looks at the schedule.
    ///   - clock: the re-check clock (tests pass a ``ManualWatchClock``).
    public init(
        runner: RecheckRunner,
        gate: RecheckGate,
        metrics: ServiceMetrics,
        clock: any WatchClock = SystemWatchClock(),
        pollInterval: Duration,
        logger: Logger
    ) {
        self.runner = runner
        self.gate = gate
        self.metrics = metrics
        self.clock = clock
        self.pollInterval = pollInterval
        self.logger = logger
    }

    public func run() async throws {
        logger.debug("re-check scheduler started")
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let wait = await round()
            let until = clock.now().addingTimeInterval(wait)
            try? await cancelWhenGracefulShutdown { try await clock.sleep(until: until) }
        }
        logger.debug("re-check scheduler stopped")
    }

    /// Runs the due checks when any are due and the gate is free; returns how long to sleep, in seconds.
    func round() async -> TimeInterval {
        let longest = pollInterval.seconds
        let next: Date?
        do {
            next = try runner.nextDueDate()
        } catch {
            logger.error("cannot read the re-check schedule", metadata: ["error": "\(error)"])
            return longest
        }
        let now = clock.now()
        guard let next, next <= now else {
            return min(longest, max(0, (next ?? .distantFuture).timeIntervalSince(now)))
        }
        guard gate.tryEnter() else { return min(longest, 1) }
        defer { gate.leave() }
        do {
            let report = try await cancelWhenGracefulShutdown { try await runner.run(selection: .due) }
            metrics.recordRecheck(report, trigger: "scheduler")
            logger.info(
                "scheduled re-check run",
                metadata: [
                    "recheck.checked": "\(report.checked)", "recheck.changes": "\(report.changes.count)",
                    "recheck.interrupted": "\(report.interrupted)",
                ]
            )
        } catch {
            logger.error("scheduled re-check run failed", metadata: ["error": "\(error)"])
            return longest
        }
        // Whatever is still due (a check that failed to store, a run cut short) waits a moment, never spins.
        return min(longest, 1)
    }
}
