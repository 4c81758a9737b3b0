import ArgumentParser
import Foundation
import LongarmResolve

/// `longarm parse accuracy DIR`: field-level accuracy of the parsers over a corpus of saved answers.
struct ParseAccuracyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Print field-level parser accuracy over a corpus (whois/ and rdap/ with .expected.json files)."
    )

    @Argument(help: "The corpus folder (for example Tests/LongarmResolveTests/Fixtures).")
    var directory: String

    @Flag(name: .long, help: "Exit with status 1 unless every field is right.")
    var strict = false

    @OptionGroup var output: OutputOptions

    /// The JSON shape of the report.
    struct Report: Encodable {
        struct Group: Encodable {
            var group: String
            var samples: Int
            var fields: Int
            var correct: Int
            var accuracy: Double
        }
        var groups: [Group]
        var total: Group
        var failures: [String]
    }

    func run() async throws {
        try await withCLIErrors {
            let url = URL(fileURLWithPath: directory)
            let checks: [ParserCorpus.FieldCheck]
            do {
                checks = try ParserCorpus.checkAll(url)
            } catch {
                throw CLIError(.badInput, "\(directory): \(error)")
            }
            guard !checks.isEmpty else { throw CLIError(.badInput, "\(directory): no samples with .expected.json") }
            let report = Self.report(checks)
            if output.json {
                try JSONOutput.print(report)
            } else {
                print("group".padding(toLength: 28, withPad: " ", startingAt: 0) + "samples  fields  correct  accuracy")
                for group in report.groups + [report.total] {
                    let name = group.group.padding(toLength: 28, withPad: " ", startingAt: 0)
                    let line = String(
                        format: "%@%7d %7d %8d %8.1f%%",
                        name,
                        group.samples,
                        group.fields,
                        group.correct,
                        group.accuracy * 100
                    )
                    print(line)
                }
                for failure in report.failures { print("FAIL \(failure)") }
            }
            if strict && report.total.correct < report.total.fields { throw ExitCode(1) }
        }
    }

    static func report(_ checks: [ParserCorpus.FieldCheck]) -> Report {
        func group(_ name: String, _ items: [ParserCorpus.FieldCheck]) -> Report.Group {
            let correct = items.filter(\.passed).count
            return Report.Group(
                group: name,
                samples: Set(items.map(\.sample)).count,
                fields: items.count,
                correct: correct,
                accuracy: items.isEmpty ? 0 : Double(correct) / Double(items.count)
            )
        }
        let groups = Dictionary(grouping: checks, by: \.group).sorted { $0.key < $1.key }.map {
            group($0.key, $0.value)
        }
        let failures = checks.filter { !$0.passed }.map { check in
            let actual =
                check.actual.flatMap { try? String(decoding: JSONEncoder().encode($0), as: UTF8.self) } ?? "absent"
            let expected = (try? String(decoding: JSONEncoder().encode(check.expected), as: UTF8.self)) ?? "?"
            return "\(check.sample) \(check.path): expected \(expected), got \(actual)"
        }
        return Report(groups: groups, total: group("total", checks), failures: failures)
    }
}
