public import Foundation
import Synchronization

/// The time source of re-checks: the system clock in production, a ``ManualWatchClock`` in tests, so that
/// scheduling, politeness and deadlines are tested without sleeping.
public protocol WatchClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Returns at `deadline` (at once when it has passed); throws `CancellationError` when cancelled.
    func sleep(until deadline: Date) async throws
}

/// The system's wall clock.
public struct SystemWatchClock: WatchClock {
    /// Creates the clock.
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let wait = deadline.timeIntervalSinceNow
        if wait > 0 {
            try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
        } else {
            try Task.checkCancellation()
        }
    }
}

/// A clock that moves only when told to, or when something sleeps on it: a sleep advances the clock to its
/// deadline at once. Tests read how much virtual time politeness and back-off cost without waiting for it.
public final class ManualWatchClock: WatchClock {
    private let current: Mutex<Date>

    /// A clock showing `start`.
    public init(_ start: Date) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    public func sleep(until deadline: Date) async throws {
        try Task.checkCancellation()
        current.withLock { $0 = max($0, deadline) }
    }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sets the clock to `date` (forward or back).
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
