import ArgumentParser
import Foundation
import LongarmCore
import LongarmStore

/// `longarm case set CASE …`: records who signs the letters and what the holder can supply.
struct CaseSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set a case's sender, signature and the particulars its letters need."
    )

    @Argument(help: "The case's number.") var caseID: Int64
    @Option(help: "A short title.") var title: String?
    @Option(help: "What was infringed: the work, the person portrayed, the mark.") var work: String?
    @Option(help: "The holder's country (ISO 3166-1 alpha-2).") var holderCountry: String?
    @OptionGroup var sender: SenderOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let holderCountry, CountryCode(lenient: holderCountry) == nil {
            throw ValidationError("--holder-country \(holderCountry): not an ISO 3166-1 alpha-2 code")
        }
    }

    func run() async throws {
        try await withCLIErrors {
            let db = try store.open()
            guard var caseFile = try db.caseFile(id: caseID) else {
                throw CLIError(.badInput, "case \(caseID) does not exist")
            }
            if let title { caseFile.title = title.isEmpty ? nil : title }
            if let work { caseFile.work = work.isEmpty ? nil : work }
            if let holderCountry { caseFile.holderCountry = CountryCode(lenient: holderCountry) }
            sender.apply(to: &caseFile.particulars)
            let stored = try db.updateCase(caseFile)
            if output.json {
                try JSONOutput.print(stored)
            } else {
                print("case \(caseID) updated")
            }
        }
    }
}
