import ArgumentParser
import Foundation
import LongarmEvidence
import LongarmStore

/// `longarm evidence verify CASE|BUNDLE`: recomputes every digest and the custody chain.
struct EvidenceVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every digest and the custody chain of a case or a bundle; exit 1 on any mismatch."
    )

    @Argument(help: "A case number, or a bundle folder or .zip.")
    var subject: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var data: EvidenceStorageOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            let report: VerificationReport
            do {
                if let caseID = Int64(subject), !FileManager.default.fileExists(atPath: subject) {
                    let db = try store.open()
                    report = try CaseVerifier(store: db, dataDirectory: data.resolved(store: store)).verify(
                        caseID: caseID
                    )
                } else {
                    guard FileManager.default.fileExists(atPath: subject) else {
                        throw CLIError(.badInput, "\(subject): neither a case number nor an existing bundle")
                    }
                    report = try BundleVerifier().verify(URL(fileURLWithPath: subject))
                }
            } catch let error as EvidenceError {
                throw CLIError(.badInput, error.description)
            }
            if output.json {
                try JSONOutput.print(report)
            } else if report.ok {
                print("verified \(report.subject): \(report.checked) checks passed")
            } else {
                print("FAILED \(report.subject): \(report.problems.count) of \(report.checked) checks")
                print("first broken link: \(report.problems[0])")
                for problem in report.problems.dropFirst() { print("  also: \(problem)") }
            }
            if !report.ok { throw ExitCode(1) }
        }
    }
}
