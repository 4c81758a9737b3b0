import Foundation
import LongarmCore
import LongarmNet
import LongarmStore
import LongarmTestSupport
import Testing

/// `kill -9` in the middle of `longarm recheck`, then a restart: no check lost, none stored twice, no notice
/// escalated or drafted twice.
@Suite(.serialized) struct RecheckKillTests {
    @Test func aKilledRunIsFinishedByTheNextWithoutLossOrDuplicates() async throws {
        let internet = try await LocalInternet.shared()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("longarm.sqlite").path
        var environment = internet.environment
        environment["LONGARM_DB"] = database
        environment["LONGARM_HOST_CONCURRENCY"] = "2"
        environment["LONGARM_HOST_RATE"] = "0"

        // A slow local site: every page of these hosts answers after half a second.
        let control = CurlHTTPClient(configuration: try internet.configuration())
        let slowHosts = (0..<6).map { "h\($0).slow.longarm.test" }
        for host in slowHosts + ["videos.deepclip-host.net"] {
            let prefix = host.hasPrefix("videos") ? "/v/kill-" : "/t/"
            let body = try JSONSerialization.data(withJSONObject: [
                "host": host, "path": prefix, "prefix": true, "delay": 0.5, "body": "<p>still here</p>",
            ])
            let answer = try await control.fetch(
                HTTPRequest(url: "http://control.longarm.test/_override", method: "POST", body: body)
            )
            #expect(answer.status == 200)
        }
        let urls =
            (0..<60).map { "http://\(slowHosts[$0 % 6])/t/\($0)" }
            + (0..<4).map {
                "http://videos.deepclip-host.net/v/kill-\($0)"
            }
        let csv = folder.appendingPathComponent("targets.csv")
        try Data((["url"] + urls).joined(separator: "\n").utf8).write(to: csv)

        let made = try LongarmBinary.run(
            ["case", "new", "--holder", "Li Wei", "--kind", "portrait", "--json"],
            environment: environment
        )
        #expect(made.status == 0, "\(made.stderr)")
        let caseID = try #require(try LongarmBinary.json(made.stdout)["id"] as? Int)
        for arguments in [
            ["submit", "--case", "\(caseID)", "--from", csv.path, "--no-resolve"],
            ["resolve", "--case", "\(caseID)", "--json"],
            ["plan", "\(caseID)", "--json"],
            ["notice", "sent", "1", "--case", "\(caseID)", "--at", "2020-01-01T00:00:00Z", "--via", "email"],
        ] {
            let step = try LongarmBinary.run(arguments, environment: environment)
            #expect(step.status == 0, "\(arguments.joined(separator: " ")): \(step.stderr)")
        }
        let store = try LongarmStore(path: database)
        let notices = try store.notices(caseID: Int64(caseID))
        #expect(notices.count >= 4, "the resolvable targets have plans and notices")

        let killed = try LongarmBinary.start(["recheck", "--due", "--json"], environment: environment)
        let deadline = Date().addingTimeInterval(60)
        var exited: Int32 = -1
        while try store.checkCount() < 12, Date() < deadline {
            exited = LongarmBinary.reap(killed, block: false)
            if exited != -1 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(exited == -1, "the run ended before it could be killed (status \(exited))")
        kill(killed.processIdentifier, SIGKILL)
        #expect(LongarmBinary.reap(killed) == 128 + SIGKILL)
        let storedBeforeRestart = try store.checkCount()
        #expect(storedBeforeRestart >= 12 && storedBeforeRestart < urls.count, "killed mid-run: \(storedBeforeRestart)")

        let rerun = try LongarmBinary.run(["recheck", "--due", "--json"], environment: environment)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let report = try LongarmBinary.json(rerun.stdout)
        #expect(report["checked"] as? Int == urls.count - storedBeforeRestart)

        let checks = try store.checks(caseID: Int64(caseID))
        #expect(checks.count == urls.count, "no check lost")
        #expect(Set(checks.map(\.targetID)).count == urls.count, "none stored twice")
        let custody = try store.custodyLog().filter { $0.entry.action == "recheck" }
        #expect(custody.count == urls.count)
        #expect(try store.custodyLog().allSatisfy { $0.entry.chainHash == $0.storedHash })

        let escalations = try store.followUps(caseID: Int64(caseID)).filter { $0.kind == .escalation }
        #expect(escalations.count == notices.count, "each notice past its deadline escalated once")
        #expect(escalations.allSatisfy { $0.done })
        let letters = try store.letters(caseID: Int64(caseID)).count

        let again = try LongarmBinary.run(["recheck", "--all", "--json"], environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try store.followUps(caseID: Int64(caseID)).filter { $0.kind == .escalation }.count == escalations.count)
        #expect(try store.letters(caseID: Int64(caseID)).count == letters, "no notice drafted twice")
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func sigtermStoresWhatFinishedAndLeavesTheRestDue() async throws {
        let internet = try await LocalInternet.shared()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-term-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("longarm.sqlite").path
        var environment = internet.environment
        environment["LONGARM_DB"] = database
        environment["LONGARM_HOST_RATE"] = "0"
        let control = CurlHTTPClient(configuration: try internet.configuration())
        let body = try JSONSerialization.data(withJSONObject: [
            "host": "term.slow.longarm.test", "path": "/t/", "prefix": true, "delay": 0.4, "body": "<p>here</p>",
        ])
        let answer = try await control.fetch(
            HTTPRequest(url: "http://control.longarm.test/_override", method: "POST", body: body)
        )
        #expect(answer.status == 200)
        let urls = (0..<30).map { "http://term.slow.longarm.test/t/\($0)" }
        let made = try LongarmBinary.run(
            ["case", "new", "--holder", "A", "--kind", "portrait", "--json"],
            environment: environment
        )
        let caseID = try #require(try LongarmBinary.json(made.stdout)["id"] as? Int)
        let submit = try LongarmBinary.run(
            ["submit", "--case", "\(caseID)", "--no-resolve"] + urls,
            environment: environment
        )
        #expect(submit.status == 0, "\(submit.stderr)")

        let output = folder.appendingPathComponent("report.json")
        let run = try LongarmBinary.start(
            ["recheck", "--due", "--json", "--no-resolve"],
            environment: environment,
            output: output
        )
        let store = try LongarmStore(path: database)
        let deadline = Date().addingTimeInterval(60)
        while try store.checkCount() < 4, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        kill(run.processIdentifier, SIGTERM)
        #expect(LongarmBinary.reap(run) == 1, "an interrupted run exits 1")
        let report = try LongarmBinary.json(try String(contentsOf: output, encoding: .utf8))
        #expect(report["interrupted"] as? Bool == true)
        let checked = try #require(report["checked"] as? Int)
        #expect(checked == (try store.checkCount()), "every check the report counts is stored")
        #expect(checked < urls.count)
        let rest = try LongarmBinary.run(["recheck", "--due", "--json", "--no-resolve"], environment: environment)
        #expect(try LongarmBinary.json(rest.stdout)["checked"] as? Int == urls.count - checked)
        #expect(try store.checkCount() == urls.count)
    }
}
