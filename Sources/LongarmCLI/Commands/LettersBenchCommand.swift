import ArgumentParser
import Foundation
import LongarmLetters

/// `longarm letters-bench --count N`: render N synthetic letters, printing letters per second.
struct LettersBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters-bench",
        abstract: "Measure letter rendering: compose N synthetic letters across regimes and languages.",
        shouldDisplay: false
    )

    @Option(help: "How many letters to render.") var count = 10_000
    @Option(help: "Parallel workers (default: active processors).") var workers: Int?
    @Option(help: "Formats, comma-separated.") var format = "eml"
    @Option(help: "Templates folder (env LONGARM_TEMPLATES; default: the shipped Templates/).") var templates: String?

    func run() async throws {
        try await withCLIErrors {
            guard let folder = templates.map({ URL(fileURLWithPath: $0) }) ?? TemplateLocator.defaultDirectory() else {
                throw CLIError(.failure, "cannot find the templates: pass --templates DIR or set LONGARM_TEMPLATES")
            }
            let library: TemplateLibrary
            do { library = try TemplateLibrary(directory: folder) } catch { throw CLIError(.failure, "\(error)") }
            let workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
            let formats = format.split(separator: ",").compactMap { LetterFormat(rawValue: String($0)) }
            let result = try LetterBenchmark(library: library).run(
                count: count,
                workers: workers,
                formats: formats
            )
            print(
                String(
                    format: "letters: %d letters (%d files: %@) in %.2f s on %d workers, %.0f letters/s",
                    result.letters,
                    result.files,
                    formats.map(\.rawValue).joined(separator: ","),
                    result.seconds,
                    workers,
                    Double(result.letters) / max(result.seconds, 1e-9)
                )
            )
        }
    }
}
