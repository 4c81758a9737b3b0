import Foundation
import LongarmCore
import LongarmStore
import LongarmWatch
import Testing

@Suite struct NoticeDeskTests {
    private let start = WatchFixtures.start

    @Test func aSentNoticeIsDueAfterItsRungsDeadline() throws {
        let fixtures = try WatchFixtures(urls: ["https://a.example.test/1"])
        let plan = try SamplePlan.store(for: fixtures.targets[0], in: fixtures.store, at: start)
        let desk = NoticeDesk(store: fixtures.store, defaultDeadline: .seconds(72 * 3600))
        let result = try desk.recordSent(
            .target(fixtures.targets[0].id!),
            rung: 1,
            at: start,
            via: "email",
            messageID: "<m1@x>"
        )
        let notice = try #require(result.notices.first)
        #expect(notice.dueAt == start.addingTimeInterval(48 * 3600))
        #expect(notice.planID == plan.id && notice.party == "Hetzner Online GmbH" && notice.state == .open)
        let second = try desk.recordSent(.target(fixtures.targets[0].id!), rung: 2, at: start, via: nil, messageID: nil)
        #expect(second.notices.first?.dueAt == start.addingTimeInterval(72 * 3600))
        #expect(second.notices.first?.deadline?.contains("default 3d") == true)
        let events = try fixtures.store.noticeEvents(targetID: fixtures.targets[0].id!)
        #expect(events.map(\.kind) == ["sent", "sent"])
        #expect(events[0].detail?.contains("message <m1@x>") == true)
    }

    @Test func sendingTheSameNoticeTwiceStoresItOnce() throws {
        let fixtures = try WatchFixtures(urls: ["https://a.example.test/1"])
        try SamplePlan.store(for: fixtures.targets[0], in: fixtures.store, at: start)
        let desk = NoticeDesk(store: fixtures.store)
        let first = try desk.recordSent(.target(fixtures.targets[0].id!), rung: 1, at: start, via: nil, messageID: nil)
        let again = try desk.recordSent(.target(fixtures.targets[0].id!), rung: 1, at: start, via: nil, messageID: nil)
        #expect(first.notices.map(\.id) == again.notices.map(\.id))
        #expect(try fixtures.store.notices(targetID: fixtures.targets[0].id!).count == 1)
    }

    @Test func aCaseWideNoticeSkipsTargetsWithoutTheRung() throws {
        let fixtures = try WatchFixtures(urls: ["https://a.example.test/1", "https://b.example.test/2"])
        try SamplePlan.store(for: fixtures.targets[0], in: fixtures.store, at: start)
        let desk = NoticeDesk(store: fixtures.store)
        let result = try desk.recordSent(.caseID(fixtures.caseFile.id!), rung: 3, at: start, via: nil, messageID: nil)
        #expect(result.notices.map(\.targetID) == [fixtures.targets[0].id!])
        #expect(result.skipped.count == 1 && result.skipped[0].contains("has no plan yet"))
        #expect(throws: WatchError.self) {
            try desk.recordSent(.target(fixtures.targets[0].id!), rung: 4, at: start, via: nil, messageID: nil)
        }
        #expect(throws: WatchError.self) {
            try desk.recordSent(.target(999), rung: 1, at: start, via: nil, messageID: nil)
        }
    }

    @Test func repliesAndOutcomesGoToTheNewestNoticeOfTheRung() throws {
        let fixtures = try WatchFixtures(urls: ["https://a.example.test/1"])
        try SamplePlan.store(for: fixtures.targets[0], in: fixtures.store, at: start)
        let desk = NoticeDesk(store: fixtures.store)
        let id = fixtures.targets[0].id!
        _ = try desk.recordSent(.target(id), rung: 1, at: start, via: nil, messageID: nil)
        let later = try desk.recordSent(
            .target(id),
            rung: 1,
            at: start.addingTimeInterval(3600),
            via: nil,
            messageID: nil
        )
        _ = try desk.recordReply(.target(id), rung: 1, at: start.addingTimeInterval(7200), note: "ticket 4411 opened")
        let closed = try desk.recordOutcome(
            .target(id),
            rung: 1,
            outcome: .refused,
            at: start.addingTimeInterval(9000),
            note: nil
        )
        #expect(closed.notices.first?.id == later.notices.first?.id)
        #expect(closed.notices.first?.state == .closed && closed.notices.first?.outcome == "refused")
        let kinds = try fixtures.store.noticeEvents(targetID: id).map(\.kind)
        #expect(kinds == ["sent", "sent", "reply", "outcome"])
        #expect(throws: WatchError.self) { try desk.recordReply(.target(id), rung: 2, at: start, note: nil) }
    }
}
