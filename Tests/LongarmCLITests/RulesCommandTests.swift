import ArgumentParser
import Foundation
import Testing

@testable import LongarmCLI

@Suite struct RulesCommandTests {
    static let data = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data").path

    @Test func rulesCheckPassesOnShippedData() async throws {
        let command = try #require(
            try LongarmCommand.parseAsRoot(["rules", "check", "--dir", Self.data]) as? RulesCheckCommand
        )
        try await command.run()
    }

    @Test func rulesCheckExitsWith65OnBrokenData() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("jurisdictions"),
            withIntermediateDirectories: true
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        try "code: JP\n".write(
            to: folder.appendingPathComponent("jurisdictions/JP.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let command = try #require(
            try LongarmCommand.parseAsRoot(["rules", "check", "--dir", folder.path]) as? RulesCheckCommand
        )
        do {
            try await command.run()
            Issue.record("expected rules check to fail")
        } catch let exit as ExitCode {
            #expect(exit.rawValue == 65)
        }
    }

    @Test(arguments: [
        ["plan"],
        ["plan", "1", "--profile", "p.json", "--kind", "portrait"],
        ["plan", "--profile", "p.json"],
        ["plan", "--profile", "p.json", "--kind", "piracy"],
        ["plan", "1", "--owns-work", "maybe"],
        ["plan", "1", "--holder-country", "ZZ"],
        ["rules", "show", "JP", "--kind", "piracy"],
    ])
    func rejectsBadPlanAndRulesArguments(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try LongarmCommand.parseAsRoot(arguments) }
    }

    @Test func parsesPlanFromProfile() throws {
        let command = try #require(
            try LongarmCommand.parseAsRoot([
                "plan", "--profile", "p.json", "--kind", "portrait", "--holder-country", "CN", "--owns-work", "yes",
                "--json",
            ]) as? PlanCommand
        )
        #expect(command.profile == "p.json")
        #expect(command.ownsWork == "yes")
        #expect(command.output.json)
    }
}
