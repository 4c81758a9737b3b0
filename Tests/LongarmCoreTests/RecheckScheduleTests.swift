import Foundation
import LongarmCore
import Testing

@Suite struct RecheckScheduleTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)
    private let schedule = RecheckSchedule(interval: .seconds(24 * 3600), jitter: 0.1)

    private func hours(_ date: Date) -> Double { date.timeIntervalSince(now) / 3600 }

    @Test func activeTargetsComeBackAfterTheIntervalWithinTheJitter() {
        let waits = (1...200).map { hours(schedule.nextCheck(after: now, status: WatchStatus(), targetID: Int64($0))) }
        #expect(waits.allSatisfy { (21.6...26.4).contains($0) })
        #expect(Set(waits.map { Int($0 * 10) }).count > 20, "jitter must spread targets apart")
    }

    @Test func theSameTargetAlwaysGetsTheSameOffset() {
        let a = schedule.nextCheck(after: now, status: WatchStatus(), targetID: 42)
        let b = schedule.nextCheck(after: now, status: WatchStatus(), targetID: 42)
        #expect(a == b)
    }

    @Test func pendingRemovalIsCheckedAtTheConfirmationSpacing() {
        let pending = WatchStatus(goneConfirmations: 1, lastCountedGoneAt: now)
        let wait = hours(schedule.nextCheck(after: now, status: pending, targetID: 7))
        #expect((5.4...6.6).contains(wait))
    }

    @Test func failuresBackOffExponentiallyUpToTheMaximum() {
        let waits = [1, 2, 3, 10].map { failures in
            hours(
                schedule.nextCheck(
                    after: now,
                    status: WatchStatus(state: .unreachable, consecutiveFailures: failures),
                    targetID: 7
                )
            )
        }
        #expect(waits[0] < waits[1] && waits[1] < waits[2])
        #expect(waits[3] <= 7 * 24 * 1.1)
    }
}
