import Foundation
import Testing

/// The re-check, history and notice commands' contract: exit codes, one-line errors, one JSON document.
@Suite(.serialized) final class WatchCommandTests: Sendable {
    private let folder: URL
    private let database: String
    private let caseID: Int

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("longarm.sqlite").path
        let made = try LongarmBinary.run([
            "case", "new", "--holder", "Li Wei", "--kind", "portrait", "--json", "--db", database,
        ])
        caseID = try #require(try LongarmBinary.json(made.stdout)["id"] as? Int)
        let submitted = try LongarmBinary.run([
            "submit", "https://mirror.fakevid.ru/v/8841", "--case", "\(caseID)", "--no-resolve", "--db", database,
        ])
        #expect(submitted.status == 0, "\(submitted.stderr)")
    }

    /// Each test's folder goes when the test is done.
    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test func conflictingSelectionsAndBadDurationsAreUsageErrors() throws {
        let both = try LongarmBinary.run(["recheck", "--due", "--all", "--db", database])
        #expect(both.status == 64)
        #expect(both.stderr.contains("choose one of --due, --all and --case ID"))
        let spacing = try LongarmBinary.run(["recheck", "--spacing", "soon", "--db", database])
        #expect(spacing.status == 64)
        #expect(spacing.stderr.contains("--spacing \"soon\": not a duration"))
        let environment = try LongarmBinary.run(
            ["recheck", "--db", database],
            environment: ["LONGARM_CONFIRMATIONS": "zero"]
        )
        #expect(environment.status == 64)
        #expect(environment.stderr.contains("LONGARM_CONFIRMATIONS=zero"))
    }

    @Test func anUnknownCaseOrTargetExits65WithOneLine() throws {
        let recheck = try LongarmBinary.run(["recheck", "--case", "99", "--db", database])
        #expect(recheck.status == 65)
        #expect(recheck.stderr == "longarm: case 99: no such case in \(database)\n")
        let history = try LongarmBinary.run(["history", "99", "--db", database])
        #expect(history.status == 65)
        #expect(history.stderr == "longarm: target 99: no such target\n")
    }

    @Test func aNoticeForARungThePlanLacksExits65() throws {
        let run = try LongarmBinary.run(["notice", "sent", "1", "--target", "1", "--db", database])
        #expect(run.status == 65)
        #expect(run.stderr == "longarm: target 1 has no plan yet: run longarm plan \(caseID) first\n")
        let outcome = try LongarmBinary.run(["notice", "outcome", "maybe", "1", "--target", "1", "--db", database])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("OUTCOME maybe: expected removed, refused, no-reply or partial"))
        let scope = try LongarmBinary.run(["notice", "reply", "1", "--db", database])
        #expect(scope.status == 64)
    }

    @Test func historyPrintsOneJSONDocumentBeforeAnyCheck() throws {
        let run = try LongarmBinary.run(["history", "--case", "\(caseID)", "--json", "--db", database])
        #expect(run.status == 0, "\(run.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let histories = try #require(parsed as? [[String: Any]])
        #expect(histories.count == 1)
        #expect(histories.first?["url"] as? String == "https://mirror.fakevid.ru/v/8841")
        #expect((histories.first?["entries"] as? [Any])?.isEmpty == true)
    }
}
