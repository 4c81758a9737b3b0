import ArgumentParser
import LongarmCore
import LongarmStore

/// `longarm show CASE`: one case with its targets.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a case and its targets.")

    @Argument(help: "The case's number.")
    var caseID: Int64

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            let db = try store.open()
            guard let caseFile = try db.caseFile(id: caseID) else {
                throw CLIError(.badInput, "case \(caseID): no such case in \(store.resolvedPath)")
            }
            let targets = try db.targets(caseID: caseID)
            if output.json {
                try JSONOutput.print(CaseWithTargets(caseFile: caseFile, targets: targets))
                return
            }
            print("case \(caseID): \(caseFile.holder) — \(caseFile.kind.rawValue)")
            if let title = caseFile.title { print("title:   \(title)") }
            if let work = caseFile.work { print("work:    \(work)") }
            if let country = caseFile.holderCountry { print("country: \(country)") }
            print("targets: \(targets.count)")
            for target in targets {
                let kind = target.kind.map { " [\($0.rawValue)]" } ?? ""
                print("  \(target.id ?? 0)\t\(target.canonicalURL)\t\(target.registrableDomain ?? target.host)\(kind)")
            }
        }
    }
}

/// The JSON shape of `longarm show --json`.
struct CaseWithTargets: Encodable {
    let caseFile: CaseFile
    let targets: [Target]

    enum CodingKeys: String, CodingKey {
        case caseFile = "case"
        case targets
    }
}
