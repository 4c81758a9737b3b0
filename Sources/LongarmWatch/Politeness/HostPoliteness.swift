import Foundation
import Synchronization

/// Per-host politeness for one run: a cap on concurrent requests and a rate limit on request starts.
///
/// A caller reserves a start time under the host's rate (`1 / rate` after the previous start) and waits for it on
/// the injected clock, so a test with a ``ManualWatchClock`` sees the spacing without sleeping. A lock, not an
/// actor: taking a free slot costs no hop, and only a caller over the cap suspends.
public final class HostPoliteness: Sendable {
    private struct HostState {
        var inFlight = 0
        var peak = 0
        var nextStart = Date.distantPast
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let policy: PolitenessPolicy
    private let clock: any WatchClock
    private let hosts = Mutex<[String: HostState]>([:])

    /// Creates the gate.
    public init(policy: PolitenessPolicy, clock: any WatchClock) {
        self.policy = policy
        self.clock = clock
    }

    /// Runs `body` once the host has a free slot and its rate allows another start.
    public func withPermit<T: Sendable>(
        host: String,
        _ body: @Sendable () async throws -> T
    ) async throws -> T {
        let start = await reserve(host)
        do {
            try await clock.sleep(until: start)
            let result = try await body()
            release(host)
            return result
        } catch {
            release(host)
            throw error
        }
    }

    /// The most requests that were in flight at once to `host` during the run.
    public func peakConcurrency(host: String) -> Int { hosts.withLock { $0[host]?.peak ?? 0 } }

    private func reserve(_ host: String) async -> Date {
        while true {
            if let start = tryReserve(host) { return start }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let free = hosts.withLock { hosts -> Bool in
                    if hosts[host, default: HostState()].inFlight < policy.concurrency { return true }
                    hosts[host, default: HostState()].waiters.append(continuation)
                    return false
                }
                if free { continuation.resume() }
            }
        }
    }

    private func tryReserve(_ host: String) -> Date? {
        let now = clock.now()
        return hosts.withLock { hosts -> Date? in
            var state = hosts[host, default: HostState()]
            guard state.inFlight < policy.concurrency else { return nil }
            state.inFlight += 1
            state.peak = max(state.peak, state.inFlight)
            let start = max(now, state.nextStart)
            if policy.rate > 0 { state.nextStart = start.addingTimeInterval(1 / policy.rate) }
            hosts[host] = state
            return start
        }
    }

    private func release(_ host: String) {
        let waiter = hosts.withLock { hosts -> CheckedContinuation<Void, Never>? in
            guard var state = hosts[host] else { return nil }
            state.inFlight -= 1
            let next = state.waiters.isEmpty ? nil : state.waiters.removeFirst()
            hosts[host] = state
            return next
        }
        waiter?.resume()
    }
}
