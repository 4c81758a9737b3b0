import ArgumentParser
import Testing

@testable import LongarmCLI

@Test func parsesDataUpdateOptions() throws {
    let command = try LongarmCommand.parseAsRoot([
        "data", "update", "--rdap-bootstrap", "/tmp/rdap", "--connect-to", "data.iana.org:443:127.0.0.1:8443",
        "--timeout", "5", "--force", "--json",
    ])
    let update = try #require(command as? DataUpdateCommand)
    #expect(update.rdapBootstrap == "/tmp/rdap")
    #expect(update.connectTo == ["data.iana.org:443:127.0.0.1:8443"])
    #expect(update.timeout == 5)
    #expect(update.force)
    #expect(update.output.json)
    #expect(update.source == "https://data.iana.org/rdap/")
}

@Test(arguments: [
    ["data", "update", "--timeout", "0"],
    ["data", "update", "--source", "ftp://data.iana.org/rdap/"],
])
func rejectsBadDataUpdateArguments(_ arguments: [String]) {
    #expect(throws: (any Error).self) { try LongarmCommand.parseAsRoot(arguments) }
}
