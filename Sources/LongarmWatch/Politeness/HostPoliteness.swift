import Foundation

/// Per-host politeness for one run: a cap on concurrent requests and a rate limit on request starts.
///
/// A caller reserves a start time under the host's rate (`1 / rate` after the previous start) and waits for it on
/// the injected clock, so a test with a ``ManualWatchClock`` sees the spacing without sleeping.
public actor HostPoliteness {
    private struct HostState {
        var inFlight = 0
        var nextStart = Date.distantPast
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let policy: PolitenessPolicy
    private let clock: any WatchClock
    private var hosts: [String: HostState] = [:]
    private var peak: [String: Int] = [:]

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
    public func peakConcurrency(host: String) -> Int { peak[host] ?? 0 }

    private func reserve(_ host: String) async -> Date {
        while hosts[host, default: HostState()].inFlight >= policy.concurrency {
            await withCheckedContinuation { continuation in
                hosts[host, default: HostState()].waiters.append(continuation)
            }
        }
        var state = hosts[host, default: HostState()]
        state.inFlight += 1
        let start = max(clock.now(), state.nextStart)
        if policy.rate > 0 { state.nextStart = start.addingTimeInterval(1 / policy.rate) }
        hosts[host] = state
        peak[host] = max(peak[host] ?? 0, state.inFlight)
        return start
    }

    private func release(_ host: String) {
        guard var state = hosts[host] else { return }
        state.inFlight -= 1
        if !state.waiters.isEmpty {
            state.waiters.removeFirst().resume()
        }
        hosts[host] = state
    }
}
