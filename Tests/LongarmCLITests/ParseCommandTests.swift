import ArgumentParser
import Foundation
import LongarmResolve
import Testing

@testable import LongarmCLI

@Suite struct ParseCommandTests {
    func temporaryFile(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("longarm-parse-\(UUID().uuidString)")
        try Data(contents.utf8).write(to: path)
        return path.path
    }

    @Test func parsesWHOISOptions() throws {
        let command = try LongarmCommand.parseAsRoot([
            "parse", "whois", "answer.txt", "--domain", "example.jp", "--server", "whois.jprs.jp", "--json",
        ])
        let whois = try #require(command as? ParseWHOISCommand)
        #expect(whois.file == "answer.txt")
        #expect(whois.domain == "example.jp")
        #expect(whois.server == "whois.jprs.jp")
        #expect(whois.output.json)
    }

    @Test func malformedRDAPFileExitsWithBadInput() async throws {
        let path = try temporaryFile("{\"objectClassName\": ")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try #require(try LongarmCommand.parseAsRoot(["parse", "rdap", path]) as? ParseRDAPCommand)
        await #expect(throws: ExitCode(65)) { try await command.run() }
    }

    @Test func missingWHOISFileExitsWithBadInput() async throws {
        let command = try #require(
            try LongarmCommand.parseAsRoot(["parse", "whois", "/nonexistent/longarm-answer.txt"]) as? ParseWHOISCommand
        )
        await #expect(throws: ExitCode(65)) { try await command.run() }
    }

    @Test func accuracyReportCountsFieldsPerGroup() throws {
        let report = ParseAccuracyCommand.report([
            .init(
                sample: "a",
                group: "whois:icann",
                path: "found",
                expected: .bool(true),
                actual: .bool(true),
                passed: true
            ),
            .init(
                sample: "a",
                group: "whois:icann",
                path: "domain",
                expected: .string("x"),
                actual: nil,
                passed: false
            ),
            .init(
                sample: "b",
                group: "rdap:domain",
                path: "handle",
                expected: .string("h"),
                actual: .string("h"),
                passed: true
            ),
        ])
        #expect(report.total.fields == 3)
        #expect(report.total.correct == 2)
        #expect(report.groups.map(\.group) == ["rdap:domain", "whois:icann"])
        #expect(report.failures == ["a domain: expected \"x\", got absent"])
    }
}
