import ArgumentParser

/// `longarm evidence …`: capture, export and verify evidence.
struct EvidenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Capture pages as evidence, export a verifiable bundle, verify it.",
        subcommands: [
            EvidenceCaptureCommand.self, EvidenceExportCommand.self, EvidenceVerifyCommand.self,
            EvidenceBenchCommand.self,
        ]
    )
}
