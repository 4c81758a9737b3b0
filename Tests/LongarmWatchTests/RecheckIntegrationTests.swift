import Crypto
import Foundation
import LongarmCore
import LongarmStore
import LongarmTestSupport
import LongarmWatch
import Testing

/// Re-checks against the local internet: libcurl to the fixture web server, nsd for DNS, the fixture RDAP and
/// WHOIS servers, the shipped rules and templates.
@Suite struct RecheckIntegrationTests {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    private func hours(_ value: Double) -> Date { start.addingTimeInterval(value * 3600) }

    @Test func aPageThatGoesFrom200To404IsRemovedAfterTheConfirmations() async throws {
        let lab = try await WatchLab(start: start)
        let path = "/watch/removal-\(UUID().uuidString.prefix(8))"
        try await lab.override(host: "fixtures.longarm.test", path: path, ["body": "<p>the clip</p>"])
        let (_, targets) = try lab.addCase(["http://fixtures.longarm.test\(path)"])
        let runner = try lab.runner(resolve: false)
        let first = try await lab.run(runner, at: hours(0))
        #expect(first.states == ["active": 1])
        try await lab.override(host: "fixtures.longarm.test", path: path, ["status": 404, "body": "not found"])
        var states: [String] = []
        for hour in [1.0, 7, 13] {
            states += try await lab.run(runner, at: hours(hour)).states.keys
        }
        #expect(states == ["active", "active", "removed"])
        let history = try TargetHistory.load(targetID: targets[0].id!, store: lab.store)
        #expect(history.entries.compactMap(\.httpStatus) == [200, 404, 404, 404])
        #expect(history.entries.last?.state == "removed")
        let requests = try lab.internet.requests().filter { $0.path == path }
        #expect(requests.count == 4, "each check fetched the page once")
    }

    @Test func aPageThatTimesOutIsUnreachableNeverRemoved() async throws {
        let lab = try await WatchLab(start: start, timeout: .seconds(1))
        let (_, targets) = try lab.addCase(["http://fixtures.longarm.test/hang"])
        let runner = try lab.runner(confirmations: 1, spacing: .seconds(0), resolve: false)
        for hour in [0.0, 1, 2] {
            let report = try await lab.run(runner, at: hours(hour))
            #expect(report.states == ["unreachable": 1])
        }
        let checks = try lab.store.checks(targetID: targets[0].id!)
        #expect(checks.count == 3 && checks.allSatisfy { $0.outcome == "unreachable" && $0.httpStatus == nil })
        #expect(checks[0].reason?.contains("fixtures.longarm.test") == true)
    }

    @Test func aSiteWhoseDNSMovesAbroadIsReplannedWithDraftsAndItsNoticeHeld() async throws {
        let lab = try await WatchLab(start: start)
        let zone = try String(
            contentsOf: lab.internet.directory.appendingPathComponent("zones/moving-clips.net.zone"),
            encoding: .utf8
        )
        try await lab.override(host: "www.moving-clips.net", path: "/v/", ["prefix": true, "body": "<p>the clip</p>"])
        let (caseFile, targets) = try lab.addCase(["http://www.moving-clips.net/v/1"])
        let target = targets[0]
        let plans = try await lab.resolveAndPlan(caseFile)
        let oldPlan = try #require(plans[target.id!])
        #expect(oldPlan.plan.rungs.contains { $0.party.name.contains("Hetzner") })
        let sent = try NoticeDesk(store: lab.store).recordSent(
            .target(target.id!),
            rung: oldPlan.plan.rungs[0].step,
            at: start,
            via: "email",
            messageID: nil
        )
        #expect(sent.notices.count == 1)

        try await lab.replaceZone(
            "moving-clips.net",
            with: zone.replacingOccurrences(of: "88.198.21.14", with: "31.184.215.10")
                .replacingOccurrences(of: "2026120101", with: "2026120102")
        )
        let report = try await lab.run(try lab.runner(), at: hours(100))
        #expect(report.states == ["moved": 1])
        let change = try #require(report.changes.first)
        #expect(change.hostingChanges.contains("addresses") && change.hostingChanges.contains("hosting country"))
        #expect(change.detail.contains("DE → RU"))

        let profiles = try lab.store.profileHistory(targetID: target.id!)
        #expect(profiles.count == 2)
        #expect(profiles.last?.profile.countries.hosting.map(\.rawValue) == ["RU"])
        let newPlan = try #require(try lab.store.latestPlan(targetID: target.id!))
        #expect(newPlan.id != oldPlan.id && newPlan.profileID == profiles.last?.id)
        #expect(try lab.store.storedPlan(id: oldPlan.id) != nil, "the old plan is kept")

        let followUp = try #require(report.followUps.first { $0.kind == "move" })
        #expect(followUp.done && followUp.planId == newPlan.id && followUp.letters > 0)
        let folder = URL(fileURLWithPath: try #require(followUp.folder))
        let index = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("index.json"))
        )
        let letters = try #require((index as? [String: Any])?["letters"] as? [[String: Any]])
        let oldParties = Set(oldPlan.plan.rungs.map(\.party.name))
        #expect(!letters.isEmpty && letters.allSatisfy { !oldParties.contains($0["party"] as? String ?? "") })
        #expect(letters.allSatisfy { $0["draft"] as? Bool == true })
        // The new plan and each drafted letter are in the custody chain, with the digests of what was stored.
        let custody = try lab.store.custodyLog().map(\.entry)
        let planEntry = try #require(custody.first { $0.action == "plan" && $0.object == "plan:\(newPlan.id)" })
        let planJSON = try #require(try lab.store.planJSON(id: newPlan.id))
        #expect(planEntry.digest == SHA256.hash(data: planJSON).map { String(format: "%02x", $0) }.joined())
        let letterDigests = Set(custody.filter { $0.action == "letter" }.map(\.digest))
        #expect(letterDigests.isSuperset(of: letters.compactMap { $0["sha256"] as? String }))

        let notice = try #require(try lab.store.notices(targetID: target.id!).first)
        #expect(notice.state == .held, "nothing goes to a host that no longer holds the content")
        #expect(try lab.store.followUps(targetID: target.id!).filter { $0.kind == .escalation }.isEmpty)
    }

    @Test func aDeadlineThatPassesWithTheContentUpDraftsTheNextRungOnce() async throws {
        let lab = try await WatchLab(start: start)
        let path = "/v/deadline-\(UUID().uuidString.prefix(8))"
        try await lab.override(host: "videos.deepclip-host.net", path: path, ["body": "<p>the clip</p>"])
        let (caseFile, targets) = try lab.addCase(["http://videos.deepclip-host.net\(path)"])
        let target = targets[0]
        let plan = try #require(try await lab.resolveAndPlan(caseFile)[target.id!])
        let first = try #require(plan.plan.rungs.first)
        let next = try #require(plan.plan.rungs.first { $0.step > first.step })
        let desk = NoticeDesk(store: lab.store)
        let notice = try #require(
            try desk.recordSent(
                .target(target.id!),
                rung: first.step,
                at: start,
                via: "email",
                messageID: "<n1@longarm>"
            ).notices.first
        )
        let dueAt = try #require(notice.dueAt)

        // Routine checks do not re-resolve here: the deadline alone must make the run re-resolve the target.
        let runner = try lab.runner(resolve: false)
        let before = try await lab.run(runner, .due, at: dueAt.addingTimeInterval(-3600))
        #expect(before.notices.isEmpty && before.resolvedHosts == 0)
        let after = try await lab.run(runner, .due, at: dueAt.addingTimeInterval(3600))
        #expect(after.notices.map(\.action) == ["due"])
        #expect(after.resolvedHosts == 1)
        let escalation = try #require(after.followUps.first { $0.kind == "escalation" })
        #expect(escalation.done && escalation.letters > 0)
        let folder = URL(fileURLWithPath: try #require(escalation.folder))
        let index = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("index.json"))
        )
        let letters = try #require((index as? [String: Any])?["letters"] as? [[String: Any]])
        #expect(letters.allSatisfy { $0["rung"] as? Int == next.step && $0["party"] as? String == next.party.name })
        #expect(after.flags.contains { $0.contains("rung \(next.step)") })
        #expect(try lab.store.notice(id: notice.id!)?.state == .due)

        let lettersBefore = try lab.store.letters(caseID: caseFile.id!).count
        _ = try await lab.run(runner, .all, at: dueAt.addingTimeInterval(7200))
        #expect(try lab.store.letters(caseID: caseFile.id!).count == lettersBefore, "drafted once")
        #expect(try lab.store.followUps(targetID: target.id!).count == 1)
        let history = try TargetHistory.load(targetID: target.id!, store: lab.store)
        #expect(history.entries.compactMap(\.event) == ["sent", "due", "escalated", "escalation"])
    }
}
