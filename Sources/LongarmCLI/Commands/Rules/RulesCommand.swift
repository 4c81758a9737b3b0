import ArgumentParser

/// `longarm rules …`: check and browse the jurisdiction rules table.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check and browse the jurisdiction rules table.",
        subcommands: [RulesCheckCommand.self, RulesListCommand.self, RulesShowCommand.self, RulesBenchCommand.self]
    )
}
