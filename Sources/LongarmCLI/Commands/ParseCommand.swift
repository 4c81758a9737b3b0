import ArgumentParser

/// `longarm parse`: run the WHOIS and RDAP parsers on saved answers.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Extract facts from a saved WHOIS or RDAP answer, or measure parser accuracy.",
        subcommands: [ParseWHOISCommand.self, ParseRDAPCommand.self, ParseAccuracyCommand.self]
    )
}
