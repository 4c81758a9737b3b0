import ArgumentParser
import LongarmCore
import LongarmRules

/// `longarm rules list`: every jurisdiction with its regime per kind.
struct RulesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List jurisdictions and regimes.")

    @OptionGroup var data: DataOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            let book = try data.loadBook()
            let rows = book.jurisdictions.keys.sorted().map { code -> JurisdictionRow in
                let jurisdiction = book.jurisdictions[code]!
                var regimes: [String: String] = [:]
                var confidence: [String: String] = [:]
                for kind in InfringementKind.allCases {
                    if let rule = book.rule(for: code, kind: kind) {
                        regimes[kind.rawValue] = rule.regime.rawValue
                        confidence[kind.rawValue] = rule.confidence.rawValue
                    }
                }
                return JurisdictionRow(
                    code: code,
                    name: jurisdiction.name,
                    euMember: jurisdiction.euMember,
                    regimes: regimes,
                    confidence: confidence
                )
            }
            if output.json {
                try JSONOutput.print(rows)
                return
            }
            let kinds = InfringementKind.allCases.map(\.rawValue)
            print((["code", "name"] + kinds).joined(separator: "\t"))
            for row in rows {
                let cells = kinds.map { kind in
                    let mark = row.confidence[kind] == "uncertain" ? "?" : ""
                    return (row.regimes[kind] ?? "-") + mark
                }
                let name = row.euMember ? "\(row.name) (EU)" : row.name
                print(([row.code, name] + cells).joined(separator: "\t"))
            }
            print("(? = rule marked uncertain: verify before relying on it)")
        }
    }
}

/// One line of `longarm rules list --json`.
struct JurisdictionRow: Encodable {
    let code: String
    let name: String
    let euMember: Bool
    let regimes: [String: String]
    let confidence: [String: String]
}
