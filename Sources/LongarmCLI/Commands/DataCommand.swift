import ArgumentParser

/// `longarm data …`: manage the runtime data in `Data/`.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Manage Longarm's runtime data (RDAP bootstrap, …).",
        subcommands: [DataUpdateCommand.self]
    )
}
