import Foundation
import LongarmCore
import Testing

@Suite struct RemovalJudgeTests {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)
    private let judge = RemovalJudge(confirmations: 3, spacing: .seconds(6 * 3600))

    private func at(hours: Double) -> Date { start.addingTimeInterval(hours * 3600) }

    private func run(_ observations: [CheckObservation], from status: WatchStatus = WatchStatus()) -> [TargetState] {
        var current = status
        return observations.map { observation in
            current = judge.apply(observation, to: current).status
            return current.state
        }
    }

    private func response(_ status: Int, hours: Double, present: Bool = true) -> CheckObservation {
        CheckObservation(time: at(hours: hours), outcome: .response(status: status, contentPresent: present))
    }

    @Test func removalNeedsThreeSpacedConfirmations() {
        let states = run([
            response(200, hours: 0), response(404, hours: 1), response(404, hours: 7), response(410, hours: 13),
        ])
        #expect(states == [.active, .active, .active, .removed])
    }

    @Test func goneObservationsCloserThanTheSpacingDoNotCount() {
        let states = run([
            response(404, hours: 0), response(404, hours: 1), response(404, hours: 2), response(404, hours: 3),
        ])
        #expect(states == [.active, .active, .active, .active])
    }

    @Test func aServedPageCancelsAPendingRemoval() {
        let states = run([
            response(404, hours: 0), response(404, hours: 6), response(200, hours: 12), response(404, hours: 18),
            response(404, hours: 24),
        ])
        #expect(states == [.active, .active, .active, .active, .active])
    }

    @Test func unreachableIsNeverRemovalAndDoesNotCancelIt() {
        let timeout = CheckObservation(time: at(hours: 3), outcome: .unreachable(reason: "timeout after 15 s"))
        var status = judge.apply(response(451, hours: 0), to: WatchStatus()).status
        status = judge.apply(timeout, to: status).status
        #expect(status.state == .unreachable)
        #expect(status.goneConfirmations == 1)
        #expect(status.consecutiveFailures == 1)
        status = judge.apply(response(404, hours: 6), to: status).status
        status = judge.apply(response(404, hours: 12), to: status).status
        #expect(status.state == .removed)
    }

    @Test func missingCapturedContentCountsAsGone() {
        let states = run([
            response(200, hours: 0, present: false), response(200, hours: 6, present: false),
            response(200, hours: 12, present: false),
        ])
        #expect(states.last == .removed)
    }

    @Test func contentServedAgainAfterRemovalReappears() {
        let removed = WatchStatus(state: .removed, goneConfirmations: 3, lastCountedGoneAt: start)
        #expect(run([response(200, hours: 30)], from: removed) == [.reappeared])
    }

    @Test func changedHostingIsAMoveAndNamesWhatChanged() throws {
        let before = HostingSignature(
            addresses: ["88.198.21.14"],
            asns: [24940],
            hostingCountries: [try CountryCode("DE")],
            cdn: nil,
            registrar: "1068"
        )
        let after = HostingSignature(
            addresses: ["31.184.215.10"],
            asns: [49505],
            hostingCountries: [try CountryCode("RU")],
            cdn: nil,
            registrar: "1068"
        )
        let status = WatchStatus(hosting: before)
        let transition = judge.apply(
            CheckObservation(time: start, outcome: .response(status: 200, contentPresent: true), hosting: after),
            to: status
        )
        #expect(transition.status.state == .moved)
        #expect(transition.changed)
        #expect(transition.hostingChanges == ["addresses", "ASN", "hosting country"])
        let again = judge.apply(
            CheckObservation(
                time: at(hours: 24),
                outcome: .response(status: 200, contentPresent: true),
                hosting: after
            ),
            to: transition.status
        )
        #expect(again.status.state == .active)
    }
}
