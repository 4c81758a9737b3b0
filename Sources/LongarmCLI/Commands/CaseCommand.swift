import ArgumentParser

/// `longarm case …`: create and edit cases.
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Create and edit cases.",
        subcommands: [CaseNewCommand.self, CaseSetCommand.self, CaseShowCommand.self]
    )
}
