import ArgumentParser
import Testing

@testable import LongarmCLI

@Suite struct CaseCommandParsingTests {
    @Test func parsesCaseNewWithAllOptions() throws {
        let command = try LongarmCommand.parseAsRoot([
            "case", "new", "--holder", "Li Wei", "--kind", "portrait", "--holder-country", "CN", "--title", "Face swap",
            "--work", "Portrait of Li Wei", "--db", "/tmp/x.sqlite", "--json",
        ])
        let caseNew = try #require(command as? CaseNewCommand)
        #expect(caseNew.holder == "Li Wei")
        #expect(caseNew.kind == "portrait")
        #expect(caseNew.holderCountry == "CN")
        #expect(caseNew.store.db == "/tmp/x.sqlite")
        #expect(caseNew.output.json)
    }

    @Test(arguments: [
        ["case", "new", "--holder", "A", "--kind", "piracy"],
        ["case", "new", "--holder", "A", "--kind", "copyright", "--holder-country", "ZZ"],
        ["case", "new", "--holder", " ", "--kind", "copyright"],
        ["case", "new", "--kind", "copyright"],
    ])
    func rejectsBadCaseNewArguments(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try LongarmCommand.parseAsRoot(arguments) }
    }

    @Test func showRequiresNumericCase() {
        #expect(throws: (any Error).self) { try LongarmCommand.parseAsRoot(["show", "abc"]) }
    }
}
