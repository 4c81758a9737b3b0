import ArgumentParser
import LongarmCore
import LongarmStore

/// `longarm cases`: lists the stored cases.
struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cases", abstract: "List cases.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await withCLIErrors {
            let summaries = try store.open().caseSummaries()
            if output.json {
                try JSONOutput.print(summaries.map(CaseListing.init))
                return
            }
            if summaries.isEmpty { print("no cases") }
            for summary in summaries {
                let c = summary.caseFile
                let title = c.title.map { " — \($0)" } ?? ""
                print("\(c.id ?? 0)\t\(c.kind.rawValue)\t\(c.holder)\(title)\t\(summary.targetCount) targets")
            }
        }
    }
}

/// The JSON shape of one line of `longarm cases --json`.
private struct CaseListing: Encodable {
    let id: Int64?
    let holder: String
    let kind: String
    let holderCountry: String?
    let title: String?
    let targetCount: Int

    init(_ summary: CaseSummary) {
        id = summary.caseFile.id
        holder = summary.caseFile.holder
        kind = summary.caseFile.kind.rawValue
        holderCountry = summary.caseFile.holderCountry?.rawValue
        title = summary.caseFile.title
        targetCount = summary.targetCount
    }
}
