import ArgumentParser
import Testing

@testable import LongarmCLI

@Suite struct SubmitCommandParsingTests {
    @Test func parsesURLsAndEveryOption() throws {
        let command = try LongarmCommand.parseAsRoot([
            "submit", "https://a.example/1", "http://b.example/2", "--case", "3", "--from", "batch.csv", "--kind",
            "reputation", "--note", "seen on 1 May", "--no-resolve", "--json", "--db", "/tmp/x.sqlite",
        ])
        let submit = try #require(command as? SubmitCommand)
        #expect(submit.urls == ["https://a.example/1", "http://b.example/2"])
        #expect(submit.caseID == 3)
        #expect(submit.batchFile == "batch.csv")
        #expect(submit.kind == "reputation")
        #expect(submit.note == "seen on 1 May")
        #expect(submit.noResolve)
        #expect(submit.output.json)
        #expect(submit.store.db == "/tmp/x.sqlite")
    }

    @Test func fileAloneIsEnough() throws {
        let submit = try #require(
            try LongarmCommand.parseAsRoot(["submit", "--case", "1", "--from", "b.jsonl"]) as? SubmitCommand
        )
        #expect(submit.urls.isEmpty && !submit.noResolve && !submit.output.json)
    }

    @Test(arguments: [
        ["submit", "https://a.example/"],
        ["submit", "--case", "1"],
        ["submit", "--case", "x", "https://a.example/"],
        ["submit", "--case", "1", "--kind", "piracy", "https://a.example/"],
    ])
    func rejectsBadSubmitArguments(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try LongarmCommand.parseAsRoot(arguments) }
    }
}
