import ArgumentParser
import Foundation
import LongarmCore
import LongarmStore
import LongarmTestSupport
import Testing

@testable import LongarmCLI

/// `longarm plan URL`, run in-process against the local internet: resolved on the spot, stored only when a case
/// is named. (In-process, and in a test target of its own, because a child `longarm` started beside the local
/// internet's servers can hang Foundation's `Process` wait on Linux.)
@Suite(.serialized) final class PlanCommandTests: Sendable {
    private let folder: URL
    private let database: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("longarm.sqlite").path
    }

    /// Each test's folder (database, batch files, letters) goes when the test is done.
    deinit { try? FileManager.default.removeItem(at: folder) }

    static let url = "http://videos.deepclip-host.net/v/8841"

    /// The local internet's DNS server, connection rules and test CA as flags.
    static func networkFlags() async throws -> [String] {
        let internet = try await LocalInternet.shared()
        return ["--dns", internet.dnsServer, "--cacert", internet.caFile]
            + internet.connectTo.flatMap { ["--connect-to", $0] }
    }

    /// Runs `longarm ARGUMENTS` in this process and returns its exit status.
    private func status(_ arguments: [String]) async -> Int32 {
        do {
            var command = try LongarmCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            return -1
        }
    }

    @Test func planURLResolvesAndPlansWithoutStoringAnything() async throws {
        let flags = try await Self.networkFlags()
        let code = await status(["plan", Self.url, "--kind", "portrait", "--json", "--db", database] + flags)
        #expect(code == 0)
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func planURLIntoACaseStoresTargetProfileAndPlan() async throws {
        let flags = try await Self.networkFlags()
        let store = try LongarmStore(path: database)
        var particulars = LetterParticulars()
        particulars.ownsWork = true
        let caseFile = try store.createCase(CaseFile(holder: "Li Wei", kind: .portrait, particulars: particulars))
        let caseID = try #require(caseFile.id)
        let code = await status(["plan", Self.url, "--case", "\(caseID)", "--json", "--db", database] + flags)
        #expect(code == 0)
        let targets = try store.targets(caseID: caseID)
        #expect(targets.map(\.canonicalURL) == [Self.url])
        let targetID = try #require(targets.first?.id)
        let profile = try #require(try store.latestProfiles(caseID: caseID)[targetID])
        #expect(profile.profile.countries.hosting.map(\.rawValue) == ["DE"])
        let plan = try #require(try store.latestPlans(caseID: caseID)[targetID])
        #expect(plan.profileID == profile.id)
        #expect(plan.plan.lawCountry?.rawValue == "DE")
        #expect(plan.plan.kind == .portrait)
        let custody = try store.custodyLog().map(\.entry)
        #expect(custody.contains { $0.action == "plan" && $0.object == "plan:\(plan.id)" })

        // Planning the same URL into the case again adds no second target; a new plan is stored.
        #expect(await status(["plan", Self.url, "--case", "\(caseID)", "--db", database] + flags) == 0)
        #expect(try store.targets(caseID: caseID).count == 1)
        #expect(try store.latestPlans(caseID: caseID)[targetID]?.id != plan.id)
    }

    @Test func aBadURLIsNamedAndTheOthersStillPlannedWithExit65() async throws {
        let flags = try await Self.networkFlags()
        let code = await status(["plan", "ftp://files.example.com/x", Self.url, "--kind", "copyright"] + flags)
        #expect(code == 65)
    }

    @Test func anUnknownCaseIsBadInput() async throws {
        #expect(await status(["plan", "https://a.example/x", "--case", "99", "--db", database]) == 65)
    }

    @Test(arguments: [
        ["plan"],
        ["plan", "https://a.example/x"],
        ["plan", "3", "--case", "4"],
        ["plan", "3", "--profile", "p.json", "--kind", "copyright"],
        ["plan", "https://a.example/x", "--kind", "libel"],
        ["plan", "https://a.example/x", "--kind", "portrait", "--owns-work", "maybe"],
    ])
    func rejectsBadArguments(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try LongarmCommand.parseAsRoot(arguments) }
    }

    @Test func parsesACaseNumberAndURLs() throws {
        let byCase = try #require(try LongarmCommand.parseAsRoot(["plan", "12"]) as? PlanCommand)
        #expect(byCase.caseID == 12)
        #expect(byCase.urls.isEmpty)
        let byURL = try #require(
            try LongarmCommand.parseAsRoot(["plan", "https://a.example/x", "--case", "2"]) as? PlanCommand
        )
        #expect(byURL.caseID == nil)
        #expect(byURL.urls == ["https://a.example/x"])
        #expect(byURL.intoCase == 2)
    }
}
