import Foundation
import LongarmWatch
import Synchronization
import Testing

@Suite struct HostPolitenessTests {
    @Test func capsConcurrencyAndRatePerHostWithoutSleeping() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = ManualWatchClock(start)
        let gate = HostPoliteness(policy: PolitenessPolicy(concurrency: 2, rate: 4), clock: clock)
        let inFlight = InFlight()
        let wall = Date()
        let starts = try await withThrowingTaskGroup(of: (String, Date).self) { group in
            for index in 0..<12 {
                let host = index % 3 == 0 ? "b.example" : "a.example"
                group.addTask {
                    try await gate.withPermit(host: host) {
                        inFlight.enter(host)
                        let began = clock.now()
                        try await Task.sleep(for: .milliseconds(3))
                        inFlight.leave(host)
                        return (host, began)
                    }
                }
            }
            var all: [(String, Date)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(Date().timeIntervalSince(wall) < 5, "the manual clock must not make anyone wait")
        #expect(inFlight.peak("a.example") <= 2)
        #expect(inFlight.peak("b.example") <= 2)
        #expect(gate.peakConcurrency(host: "a.example") == 2)
        let latest = starts.filter { $0.0 == "a.example" }.map { $0.1.timeIntervalSince(start) }.max() ?? 0
        // Four starts a second: the eighth request to a.example cannot start before 7 × 0.25 s.
        #expect(latest >= 1.75)
    }
}

/// Requests in flight per host, and the most seen at once.
private final class InFlight: Sendable {
    private let counts = Mutex<[String: (now: Int, peak: Int)]>([:])

    func enter(_ host: String) {
        counts.withLock {
            var entry = $0[host] ?? (0, 0)
            entry.now += 1
            entry.peak = max(entry.peak, entry.now)
            $0[host] = entry
        }
    }

    func leave(_ host: String) { counts.withLock { $0[host]!.now -= 1 } }

    func peak(_ host: String) -> Int { counts.withLock { $0[host]?.peak ?? 0 } }
}
