public import ArgumentParser

/// The `longarm` command: intake, resolution, planning and letters for cross-border takedowns.
public struct LongarmCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "longarm",
        abstract: "Preserve, resolve and notify: cross-border infringement intake.",
        version: LongarmVersion.current,
        subcommands: [
            CaseCommand.self,
            CasesCommand.self,
            ShowCommand.self,
            DataCommand.self,
            SubmitCommand.self,
            ResolveCommand.self,
            ParseCommand.self,
            RulesCommand.self,
            ProvidersCommand.self,
            PlanCommand.self,
            EvidenceCommand.self,
            LettersCommand.self,
            LettersBenchCommand.self,
            RecheckCommand.self,
            HistoryCommand.self,
            NoticeCommand.self,
            ServeCommand.self,
        ]
    )

    public init() {}
}

/// The tool's version, written into evidence and letters.
public enum LongarmVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}

extension LongarmCommand {
    /// Parses the process arguments and runs the chosen command, exiting with its status.
    ///
    /// The executable calls this rather than `main()`: from another module, top-level code resolves `main()` to the
    /// synchronous overload, which refuses an asynchronous command tree on Linux.
    public static func runAsMain() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
