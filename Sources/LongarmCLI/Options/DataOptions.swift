import ArgumentParser
import Foundation
import LongarmRules

/// `--dir DIR` (or `LONGARM_DATA`): the data folder holding `jurisdictions/` and `providers/`.
struct DataOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Data folder with jurisdictions/ and providers/ (env LONGARM_DATA; default: the shipped Data/)."
    )
    var dir: String?

    /// The folder chosen by flag, then environment, then search.
    func resolvedDirectory() throws -> URL {
        if let dir { return URL(fileURLWithPath: dir) }
        guard let found = RulesDataLocator.defaultDirectory() else {
            throw CLIError(.failure, "cannot find the rules data: pass --dir DIR or set LONGARM_DATA")
        }
        return found
    }

    /// Loads and validates the rule book, turning problems into one line each on stderr and exit 65.
    func loadBook() throws -> RuleBook {
        let directory = try resolvedDirectory()
        do throws(RulesError) {
            return try RuleBook.load(from: directory)
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw CLIError(.badInput, "\(error.issues.count) problem(s) in the rules data at \(directory.path)")
        }
    }
}
