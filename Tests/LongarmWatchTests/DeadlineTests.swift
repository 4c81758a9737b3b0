import Foundation
import LongarmCore
import LongarmStore
import LongarmTestSupport
import LongarmWatch
import Testing

@Suite struct DeadlineTests {
    private let url = "https://videos.example.test/v/1"

    @Test func aDeadlinePassedWithTheContentUpQueuesTheNextRungOnce() async throws {
        let fixtures = try WatchFixtures(urls: [url])
        let target = fixtures.targets[0]
        try SamplePlan.store(for: target, in: fixtures.store, at: WatchFixtures.start)
        let desk = NoticeDesk(store: fixtures.store)
        _ = try desk.recordSent(.target(target.id!), rung: 1, at: WatchFixtures.start, via: "email", messageID: nil)
        let runner = fixtures.runner()
        let early = try await fixtures.run(runner, .due, at: 47)
        #expect(early.notices.isEmpty)
        let late = try await fixtures.run(runner, .due, at: 49)
        #expect(late.notices.map(\.action) == ["due"])
        #expect(late.followUps.map(\.kind) == ["escalation"])
        #expect(late.followUps.first?.done == false, "without a drafter the follow-up waits")
        let queued = try fixtures.store.pendingFollowUps()
        #expect(queued.map(\.rungStep) == [2])
        let notice = try #require(try fixtures.store.notices(targetID: target.id!).first)
        #expect(notice.state == .due)
        _ = try await fixtures.run(runner, .all, at: 60)
        #expect(try fixtures.store.pendingFollowUps().count == 1, "a notice is escalated once")
        #expect(try fixtures.store.noticeEvents(targetID: target.id!).map(\.kind) == ["sent", "due"])
    }

    @Test func aConfirmedRemovalClosesTheNotice() async throws {
        let fixtures = try WatchFixtures(urls: [url])
        let target = fixtures.targets[0]
        try SamplePlan.store(for: target, in: fixtures.store, at: WatchFixtures.start)
        _ = try NoticeDesk(store: fixtures.store).recordSent(
            .target(target.id!),
            rung: 1,
            at: WatchFixtures.start,
            via: nil,
            messageID: nil
        )
        fixtures.http.set(url, .page(status: 410, body: "gone"))
        let runner = fixtures.runner(confirmations: 1)
        let report = try await fixtures.run(runner, .due, at: 50)
        #expect(report.states == ["removed": 1])
        #expect(report.notices.map(\.action) == ["gone"])
        let notice = try #require(try fixtures.store.notices(targetID: target.id!).first)
        #expect(notice.state == .closed && notice.outcome == "removed")
        #expect(try fixtures.store.pendingFollowUps().isEmpty)
    }

    @Test func aPendingRemovalLeavesTheNoticeOpen() async throws {
        let fixtures = try WatchFixtures(urls: [url])
        let target = fixtures.targets[0]
        try SamplePlan.store(for: target, in: fixtures.store, at: WatchFixtures.start)
        _ = try NoticeDesk(store: fixtures.store).recordSent(
            .target(target.id!),
            rung: 1,
            at: WatchFixtures.start,
            via: nil,
            messageID: nil
        )
        fixtures.http.set(url, .page(status: 404, body: "missing"))
        let report = try await fixtures.run(fixtures.runner(), .due, at: 50)
        #expect(report.notices.map(\.action) == ["waiting"])
        #expect(try fixtures.store.notices(targetID: target.id!).first?.state == .open)
    }
}
