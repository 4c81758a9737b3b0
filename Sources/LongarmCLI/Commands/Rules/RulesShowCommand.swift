import ArgumentParser
import LongarmCore
import LongarmRules

/// `longarm rules show CC [--kind K]`: one jurisdiction's rules; for EU members, merged with the EU layer.
struct RulesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a jurisdiction's rules (EU members: merged with the EU layer, with each field's origin)."
    )

    @Argument(help: "Jurisdiction code (ISO 3166-1 alpha-2, or EU).")
    var code: String

    @Option(name: .long, help: "Only this kind: copyright, portrait, reputation, privacy or trademark.")
    var kind: String?

    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let kind, InfringementKind(rawValue: kind.lowercased()) == nil {
            throw ValidationError("--kind \(kind): expected copyright, portrait, reputation, privacy or trademark")
        }
    }

    func run() async throws {
        try await withCLIErrors {
            let book = try data.loadBook()
            let upper = code.uppercased()
            guard let jurisdiction = book.jurisdictions[upper] else {
                throw CLIError(.badInput, "\(code): no such jurisdiction in the rules table (see longarm rules list)")
            }
            let kinds = kind.map { [InfringementKind(rawValue: $0.lowercased())!] } ?? InfringementKind.allCases
            var rules: [String: KindRule] = [:]
            for kind in kinds {
                if let rule = book.rule(for: upper, kind: kind) { rules[kind.rawValue] = rule }
            }
            if output.json {
                var bare = jurisdiction
                bare.rules = [:]
                try JSONOutput.print(JurisdictionView(jurisdiction: bare, rules: rules))
                return
            }
            RulesTextPrinter.print(jurisdiction, rules: rules, kinds: kinds)
        }
    }
}

/// The JSON shape of `longarm rules show --json`: the jurisdiction and its effective (merged) rules.
struct JurisdictionView: Encodable {
    let jurisdiction: Jurisdiction
    let rules: [String: KindRule]
}
