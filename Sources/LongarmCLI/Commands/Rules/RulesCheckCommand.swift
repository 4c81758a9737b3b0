import ArgumentParser
import Foundation
import LongarmRules

/// `longarm rules check [--dir DIR]`: validate every rules and provider file, reporting every problem.
struct RulesCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every jurisdiction and provider file; one line per problem, exit 65 if any."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            let directory = try data.resolvedDirectory()
            let book: RuleBook
            do throws(RulesError) {
                book = try RuleBook.load(from: directory)
            } catch {
                if output.json {
                    try JSONOutput.print(
                        CheckSummary(
                            ok: false,
                            jurisdictions: 0,
                            providers: 0,
                            elements: 0,
                            issues: error.issues.map(\.description)
                        )
                    )
                }
                for issue in error.issues { printError(issue.description) }
                throw CLIError(.badInput, "rules check: \(error.issues.count) problem(s) in \(directory.path)")
            }
            let summary = CheckSummary(
                ok: true,
                jurisdictions: book.jurisdictions.count,
                providers: book.providers.count,
                elements: book.elements.count,
                issues: []
            )
            if output.json {
                try JSONOutput.print(summary)
            } else {
                print(
                    "rules ok: \(summary.jurisdictions) jurisdictions, \(summary.providers) providers, "
                        + "\(summary.elements) notice elements"
                )
            }
        }
    }
}

/// The JSON shape of `longarm rules check --json`.
struct CheckSummary: Encodable {
    let ok: Bool
    let jurisdictions: Int
    let providers: Int
    let elements: Int
    let issues: [String]
}
