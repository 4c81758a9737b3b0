import Foundation
import LongarmCore
import LongarmNet
import LongarmStore
import LongarmTestSupport
import LongarmWatch
import Testing

@Suite struct RecheckRunnerTests {
    private let url = "https://videos.example.test/v/8841"

    @Test func confirmsRemovalAfterThreeGoneChecksSpacedApart() async throws {
        let fixtures = try WatchFixtures(urls: [url])
        let runner = fixtures.runner()
        let first = try await fixtures.run(runner, at: 0)
        #expect(first.checked == 1 && first.states == ["active": 1])
        fixtures.http.set(url, .page(status: 404, body: "not found"))
        var states: [String] = []
        for hours in [1.0, 2.0, 7.0, 13.0] {
            let report = try await fixtures.run(runner, at: hours)
            states += report.states.keys
        }
        // The 2-hour check comes too soon after the 1-hour one to count; 1, 7 and 13 hours confirm.
        #expect(states == ["active", "active", "active", "removed"])
        let history = try TargetHistory.load(targetID: fixtures.targets[0].id!, store: fixtures.store)
        #expect(history.state == "removed")
        #expect(history.entries.map(\.httpStatus) == [200, 404, 404, 404, 404])
        let custody = try fixtures.store.custodyLog().filter { $0.entry.action == "recheck" }
        #expect(custody.count == 5)
        #expect(custody.allSatisfy { $0.entry.chainHash == $0.storedHash })
        let log = try fixtures.store.custodyLog()
        for (earlier, later) in zip(log, log.dropFirst()) {
            #expect(later.entry.prev == earlier.storedHash && later.entry.seq == earlier.entry.seq + 1)
        }
        let checks = try fixtures.store.checks(targetID: fixtures.targets[0].id!)
        #expect(checks.compactMap(\.custodySeq) == log.map(\.entry.seq))
        #expect(log.map(\.entry.object) == checks.map { "check:\($0.id!)" })
    }

    @Test func unreachableSitesAreNeverRemovedAndBackOff() async throws {
        let fixtures = try WatchFixtures(urls: [url])
        fixtures.http.set(url, .failure(NetError(.timedOut, "\(url): no response within 15 s")))
        let runner = fixtures.runner(confirmations: 1)
        var waits: [Double] = []
        for hours in [0.0, 24, 48, 96] {
            let report = try await fixtures.run(runner, at: hours)
            #expect(report.states == ["unreachable": 1])
            #expect(report.outcomes == ["unreachable": 1])
            let watched = try #require(try fixtures.store.watchedTarget(id: fixtures.targets[0].id!))
            waits.append(watched.nextCheckAt.timeIntervalSince(watched.lastCheckedAt!))
        }
        #expect(waits == waits.sorted() && waits.first! < waits.last!, "failures must back off: \(waits)")
        let checks = try fixtures.store.checks(targetID: fixtures.targets[0].id!)
        #expect(checks.allSatisfy { $0.reason?.contains("no response within 15 s") == true })
    }

    @Test func sendsTheValidatorsBackAndCountsA304AsUnchanged() async throws {
        let fixtures = try WatchFixtures(urls: [url])
        fixtures.http.set(url, .page(status: 200, body: "<p>clip</p>", headers: [HTTPHeader("ETag", "\"v1\"")]))
        fixtures.http.notModified(url, etag: "\"v1\"")
        let runner = fixtures.runner()
        _ = try await fixtures.run(runner, at: 0)
        let second = try await fixtures.run(runner, at: 25)
        #expect(second.outcomes == ["not-modified": 1])
        #expect(second.states == ["active": 1])
        let sent = fixtures.http.requests.map { $0.headers.first { $0.name == "If-None-Match" }?.value }
        #expect(sent == [nil, "\"v1\""])
        let checks = try fixtures.store.checks(targetID: fixtures.targets[0].id!)
        #expect(checks.map(\.httpStatus) == [200, 304])
        #expect(checks[1].digest == checks[0].digest)
    }

    @Test func aChangedPageIsJudgedByItsContentNotItsDigest() async throws {
        let fixtures = try WatchFixtures(urls: [url])
        let article = """
            <html><head><title>Li Wei face swap</title><script>var t = 1;</script></head><body>
            <h1>Li Wei in the beach clip (AI face swap)</h1><video src="/media/8841.mp4" poster="/p/8841.jpg"></video>
            <p>Uploaded by user faker99. This deepfake shows the actress walking along the beach at sunset.</p>
            <p>Views: 1021. Updated 10:00.</p></body></html>
            """
        fixtures.http.set(url, .page(status: 200, body: article))
        let runner = fixtures.runner(confirmations: 2, spacing: .seconds(3600))
        _ = try await fixtures.run(runner, at: 0)
        let dynamic = article.replacingOccurrences(
            of: "Views: 1021. Updated 10:00.",
            with: "Views: 5310. Updated 11:42."
        )
        fixtures.http.set(url, .page(status: 200, body: dynamic))
        let stillThere = try await fixtures.run(runner, at: 2)
        #expect(stillThere.states == ["active": 1])
        let removedPage =
            "<html><body><h1>Video unavailable</h1><p>This video was removed by the uploader.</p></body></html>"
        fixtures.http.set(url, .page(status: 200, body: removedPage))
        _ = try await fixtures.run(runner, at: 4)
        let gone = try await fixtures.run(runner, at: 6)
        #expect(gone.states == ["removed": 1])
        let checks = try fixtures.store.checks(targetID: fixtures.targets[0].id!)
        #expect(
            checks.map { $0.contentMatch.map { String($0.prefix(7)) } } == ["no-base", "similar", "changed", "changed"]
        )
    }

    @Test func aRunCutShortIsFinishedByTheNextWithoutLossOrDuplicates() async throws {
        let urls = (0..<12).map { "https://site\($0 % 3).example.test/v/\($0)" }
        let fixtures = try WatchFixtures(urls: urls)
        for url in urls.suffix(5) { fixtures.http.set(url, .hang) }
        let runner = fixtures.runner()
        fixtures.clock.set(WatchFixtures.start)
        let task = Task { try await runner.run(selection: .due) }
        while fixtures.http.requests.count < 12 { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        let cut = try await task.value
        #expect(cut.interrupted)
        #expect(cut.checked == 7 && cut.abandoned == 5)
        for url in urls.suffix(5) { fixtures.http.set(url, .page(status: 200, body: "ok")) }
        let rest = try await runner.run(selection: .due)
        #expect(rest.selected == 5 && rest.checked == 5)
        let again = try await runner.run(selection: .due)
        #expect(again.selected == 0)
        let checks = try fixtures.targets.flatMap { try fixtures.store.checks(targetID: $0.id!) }
        #expect(checks.count == 12)
        #expect(Set(checks.map(\.targetID)).count == 12)
    }

    @Test func aSlotAlreadyStoredIsNotStoredAgain() async throws {
        let fixtures = try WatchFixtures(urls: [url])
        let runner = fixtures.runner()
        _ = try await fixtures.run(runner, .due, at: 0)
        let check = try #require(try fixtures.store.checks(targetID: fixtures.targets[0].id!).first)
        var replay = check
        replay.id = nil
        let write = LongarmStore.CheckWrite(
            check: replay,
            caseID: fixtures.caseFile.id!,
            expectedVersion: 1,
            status: WatchStatus(),
            nextCheckAt: WatchFixtures.start,
            etag: nil,
            lastModified: nil,
            lastDigest: nil,
            lastContentPresent: nil,
            baseline: nil,
            movedProfile: nil
        )
        #expect(try fixtures.store.recordChecks([write], actor: "test") == [.duplicate(targetID: check.targetID)])
        var stale = write
        stale.check.scheduledAt = WatchFixtures.start.addingTimeInterval(99)
        stale.expectedVersion = 0
        #expect(try fixtures.store.recordChecks([stale], actor: "test") == [.superseded(targetID: check.targetID)])
        #expect(try fixtures.store.checkCount() == 1)
        #expect(try fixtures.store.custodyLog().count == 1)
    }

    @Test func aPendingRemovalIsCheckedAgainAtTheSpacing() async throws {
        let fixtures = try WatchFixtures(urls: [url])
        fixtures.http.set(url, .page(status: 410, body: "gone"))
        let runner = fixtures.runner(spacing: .seconds(6 * 3600))
        _ = try await fixtures.run(runner, at: 0)
        let watched = try #require(try fixtures.store.watchedTarget(id: fixtures.targets[0].id!))
        let hours = watched.nextCheckAt.timeIntervalSince(WatchFixtures.start) / 3600
        #expect((5.4...6.6).contains(hours))
        #expect(try runner.nextDueDate() == watched.nextCheckAt)
    }
}
