import ArgumentParser
import Foundation
import LongarmCore
import LongarmStore

/// `longarm case new`: creates a case for a rights holder.
struct CaseNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a case for a rights holder."
    )

    @Option(help: "The rights holder: the person or company harmed.")
    var holder: String

    @Option(help: "copyright, portrait, reputation, privacy or trademark.")
    var kind: String

    @Option(help: "The holder's country (ISO 3166-1 alpha-2).")
    var holderCountry: String?

    @Option(help: "A short title.")
    var title: String?

    @Option(help: "What was infringed: the work, the person portrayed, the mark.")
    var work: String?

    @OptionGroup var sender: SenderOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if holder.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--holder must not be empty")
        }
        do {
            _ = try InfringementKind(parsing: kind)
        } catch {
            let kinds = InfringementKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--kind \(kind): unknown kind; use one of \(kinds)")
        }
        if let holderCountry {
            do { _ = try CountryCode(holderCountry) } catch {
                throw ValidationError("--holder-country \(holderCountry): not an ISO 3166-1 alpha-2 code")
            }
        }
    }

    func run() async throws {
        try await withCLIErrors {
            var caseFile = CaseFile(
                holder: holder,
                kind: try InfringementKind(parsing: kind),
                holderCountry: try holderCountry.map { try CountryCode($0) },
                title: title,
                work: work
            )
            sender.apply(to: &caseFile.particulars)
            let stored = try store.open().createCase(caseFile)
            if output.json {
                try JSONOutput.print(stored)
            } else {
                print("case \(stored.id ?? 0) created: \(stored.holder) (\(stored.kind.rawValue))")
            }
        }
    }
}
